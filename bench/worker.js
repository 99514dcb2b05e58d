// @ts-check
// Entry point of a benchmark child process: runs one task, measured, and sends the result to
// the parent (bench/run.js) over IPC. Each contender runs in its own process so that its CPU
// time and peak memory are its own.
//
// Protocol: the task arrives as JSON in argv[2]. After its setup and warm-up, the task calls
// `markStart`, which sends { type: 'mark' } and waits for { type: 'marked' }. The parent then
// clears the server's request log, so the log holds only the measured requests. The worker ends
// with { type: 'result' } or { type: 'error' }.

/** @type {Record<string, () => { runTask: (task: any, markStart: () => Promise<void>) => Promise<unknown> }>} */
const TASKS = {
	'create-rooms': () => require('./tasks/createRooms'),
	'get-many': () => require('./tasks/getMany'),
	capacity: () => require('./tasks/capacity'),
};

/**
 * Sends a message to the parent and resolves once it has been written.
 * @param {Record<string, unknown>} message
 */
function send(message) {
	return new Promise((resolve) => {
		if (!process.send) throw new Error('bench/worker.js must be started by bench/run.js');
		process.send(message, () => resolve(undefined));
	});
}

/** Tells the parent that the measured part starts now and waits for its acknowledgement. */
function markStart() {
	return new Promise((/** @type {(value: void) => void} */ resolve) => {
		const onMessage = (/** @type {any} */ message) => {
			if (message?.type !== 'marked') return;
			process.off('message', onMessage);
			resolve();
		};
		process.on('message', onMessage);
		process.send?.({ type: 'mark' });
	});
}

async function main() {
	const task = JSON.parse(process.argv[2] ?? '{}');
	// A task may name another compiled package, to compare a candidate build with the current one.
	if (typeof task.distDir === 'string') process.env.BENCH_DIST_DIR = task.distDir;
	const load = TASKS[task.kind];
	if (!load) throw new Error(`Unknown benchmark task "${task.kind}"`);

	const result = await load().runTask(task, markStart);
	await send({ type: 'result', result });
}

main()
	.catch(async (error) => {
		await send({ type: 'error', message: error?.stack ?? String(error) });
		process.exitCode = 1;
	})
	.finally(() => {
		// Keep-alive sockets and n8n-core timers would keep the process alive.
		process.disconnect?.();
		process.exit();
	});
