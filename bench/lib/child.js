// @ts-check
// Starts bench/worker.js for one task and collects its result and the requests it sent.
const { fork } = require('node:child_process');
const path = require('node:path');

const WORKER = path.join(__dirname, '..', 'worker.js');

/**
 * @typedef {object} WorkerOutcome
 * @property {any} result what the task returned
 * @property {number} requests requests the server received during the measured part
 * @property {Record<string, number>} requestsByRoute the same, by "METHOD /path" with ids and
 *   query left out
 * @property {number | undefined} firstRequestDelayMs time from the start of the measured part to
 *   the arrival of its first request at the server
 */

/**
 * Groups recorded requests by method and first path segment after the base path.
 * @param {import('../../test/server').RecordedRequest[]} requests
 * @param {string} basePath
 */
function countByRoute(requests, basePath) {
	/** @type {Record<string, number>} */
	const counts = {};
	for (const request of requests) {
		const rest = request.path.startsWith(basePath)
			? request.path.slice(basePath.length)
			: request.path;
		const segments = rest.split('/').filter(Boolean);
		const route = `${request.method} /${segments[0] ?? ''}${segments.length > 1 ? '/:id' : ''}`;
		counts[route] = (counts[route] ?? 0) + 1;
	}
	return counts;
}

/**
 * Runs one task in a fresh child process, with --expose-gc so it can measure retained memory.
 * The child is killed when it takes longer than `timeoutMs`.
 * @param {Record<string, unknown>} task
 * @param {import('../../test/server').OctocularTestServer} server
 * @param {number} timeoutMs
 * @returns {Promise<WorkerOutcome>}
 */
function runWorker(task, server, timeoutMs) {
	const basePath = new URL(server.baseUrl).pathname;
	const payload = { ...task, baseUrl: server.baseUrl, apiKey: server.apiKey };

	return new Promise((resolve, reject) => {
		const child = fork(WORKER, [JSON.stringify(payload)], {
			execArgv: ['--expose-gc'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let settled = false;
		let markedAt = 0;
		const finish = (/** @type {() => void} */ settle) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			settle();
		};
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			finish(() => reject(new Error(`Task ${task.kind} timed out after ${timeoutMs} ms`)));
		}, timeoutMs);

		child.on('message', (/** @type {any} */ message) => {
			if (message?.type === 'mark') {
				server.clearRequests();
				markedAt = Date.now();
				child.send({ type: 'marked' });
			} else if (message?.type === 'result') {
				const measured = server.requests;
				const outcome = {
					result: message.result,
					requests: measured.length,
					requestsByRoute: countByRoute(measured, basePath),
					firstRequestDelayMs: measured.length > 0 ? measured[0].at - markedAt : undefined,
				};
				finish(() => resolve(outcome));
			} else if (message?.type === 'error') {
				finish(() =>
					reject(new Error(`Task ${task.kind} failed in its child:\n${message.message}`)),
				);
			}
		});
		child.on('exit', (code, signal) => {
			finish(() => reject(new Error(`Task ${task.kind} exited early (${signal ?? code})`)));
		});
		child.on('error', (error) => finish(() => reject(error)));
	});
}

module.exports = { runWorker };
