// @ts-check
// Part (d) in a child process: how many requests per second the local server handles from a bare
// keep-alive client at a fixed concurrency. The loop stops after `maxRequests` requests or
// `maxMs` milliseconds, whichever comes first.
const { performance } = require('node:perf_hooks');

const { createBareClient, runPool } = require('../lib/bareClient');

/** Requests sent before the measured loop, to open connections and warm the JIT. */
const WARMUP_REQUESTS = 50;

/**
 * Returns a function that sends the request of the route under test.
 * @param {ReturnType<typeof createBareClient>} client
 * @param {string} route
 * @param {number} pageSize
 */
function createSender(client, route, pageSize) {
	if (route === 'POST /rooms') {
		return (/** @type {number} */ index) =>
			client.request('POST', '/rooms', {
				user: { id: 'usr_bench', organization_id: 'org_bench' },
				candidate_email: `capacity-${process.pid}-${index}@example.com`,
			});
	}
	if (route === 'GET /rooms') {
		return () => client.request('GET', `/rooms?limit=${pageSize}&offset=0`);
	}
	throw new Error(`Unknown route "${route}"`);
}

/**
 * @param {any} task
 * @param {() => Promise<void>} markStart
 */
async function runTask(task, markStart) {
	const client = createBareClient({
		baseUrl: task.baseUrl,
		apiKey: task.apiKey,
		maxSockets: task.concurrency,
	});
	const send = createSender(client, task.route, task.pageSize);
	await runPool(WARMUP_REQUESTS, task.concurrency, (index) => send(-1 - index));

	await markStart();
	const start = performance.now();
	const responses = await runPool(task.maxRequests, task.concurrency, send, start + task.maxMs);
	const elapsedMs = performance.now() - start;

	const completed = responses.filter((response) => response !== undefined);
	const failed = completed.filter((response) => response.statusCode >= 300).length;
	if (failed > 0) throw new Error(`${failed} of ${completed.length} requests failed`);

	return {
		requests: completed.length,
		elapsedMs,
		requestsPerSecond: (completed.length / elapsedMs) * 1000,
	};
}

module.exports = { runTask };
