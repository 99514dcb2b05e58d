// @ts-check
// A minimal HTTP client for the baselines: node:http with a keep-alive agent, no retries, no n8n.
const http = require('node:http');
const { performance } = require('node:perf_hooks');

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Throws unless the URL is plain HTTP on a loopback address. Benchmarks only ever send traffic
 * to the local server they started.
 * @param {string} baseUrl
 */
function assertLoopback(baseUrl) {
	const url = new URL(baseUrl);
	if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
		throw new Error(`Benchmark base URL must be http on loopback, got ${baseUrl}`);
	}
	return url;
}

/**
 * @typedef {object} BareResponse
 * @property {number} statusCode
 * @property {string} text response body
 * @property {number} bytes length of the body in bytes
 */

/**
 * Creates a client for one base URL that sends the bearer token on every request.
 * @param {{ baseUrl: string, apiKey: string, maxSockets: number }} options
 */
function createBareClient(options) {
	const base = assertLoopback(options.baseUrl);
	const basePath = base.pathname.replace(/\/+$/, '');
	const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });

	/**
	 * Sends one request and resolves with the whole body. Rejects on a network error.
	 * @param {string} method
	 * @param {string} path below the base URL, starting with '/'
	 * @param {unknown} [body] sent as JSON when given
	 * @returns {Promise<BareResponse>}
	 */
	function request(method, path, body) {
		const payload = body === undefined ? undefined : JSON.stringify(body);
		/** @type {http.OutgoingHttpHeaders} */
		const headers = { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' };
		if (payload !== undefined) {
			headers['content-type'] = 'application/json';
			headers['content-length'] = Buffer.byteLength(payload);
		}

		return new Promise((resolve, reject) => {
			const outgoing = http.request(
				{
					agent,
					method,
					hostname: base.hostname,
					port: base.port,
					path: `${basePath}${path}`,
					headers,
				},
				(response) => {
					/** @type {Buffer[]} */
					const chunks = [];
					response.on('data', (chunk) => chunks.push(chunk));
					response.on('error', reject);
					response.on('end', () => {
						const buffer = Buffer.concat(chunks);
						resolve({
							statusCode: response.statusCode ?? 0,
							text: buffer.toString('utf8'),
							bytes: buffer.length,
						});
					});
				},
			);
			outgoing.on('error', reject);
			outgoing.end(payload);
		});
	}

	return {
		request,
		close: () => agent.destroy(),
	};
}

/**
 * Calls `task(index)` for index 0 to count - 1 with at most `concurrency` calls pending, and
 * stops starting new calls once `deadline` (a performance.now() value) has passed. Returns the
 * results in index order, with undefined for indexes never started.
 * @template T
 * @param {number} count
 * @param {number} concurrency
 * @param {(index: number) => Promise<T>} task
 * @param {number} [deadline]
 * @returns {Promise<Array<T | undefined>>}
 */
async function runPool(count, concurrency, task, deadline = Number.POSITIVE_INFINITY) {
	/** @type {Array<T | undefined>} */
	const results = new Array(count);
	let next = 0;

	const worker = async () => {
		while (next < count && performance.now() < deadline) {
			const index = next++;
			results[index] = await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	return results;
}

module.exports = { createBareClient, runPool, assertLoopback };
