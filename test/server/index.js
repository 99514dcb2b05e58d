// @ts-check
'use strict';

const http = require('node:http');
const { FaultSchedule, buildFaultResponse, FAULT_KINDS } = require('./faults');
const io = require('./http-io');
const { SANDBOX_API_KEY, resolveStartOptions, validateRuntimeOptions } = require('./options');
const { errorResponse, htmlResponse } = require('./responses');
const { handleRoute, resolveRoute } = require('./routes');
const { RoomStore, ROOM_ORDERS, UNDOCUMENTED_FIELD } = require('./store');

/**
 * @typedef {import('./responses').PlannedResponse} PlannedResponse
 * @typedef {{ method: string, path: string, query: Record<string, string | string[]>,
 *   requestIndex: number }} RequestInfo
 */

/** Sample body for 'truncated-json' on routes whose real response would change the store. */
const SAMPLE_ROOM_BODY = JSON.stringify({
	success: true,
	data: {
		room_id: 'r_truncated',
		session_link: 'https://octocular.io/session/r_truncated',
		candidate_email: 'candidate@example.com',
		status: 'active',
	},
});

/**
 * Starts a local Octocular Lab API server on 127.0.0.1. See index.d.ts for the options and the
 * methods of the returned object.
 * @param {Record<string, unknown>} [startOptions]
 */
async function startOctocularServer(startOptions = {}) {
	const { port, apiKey, seed, basePath, runtime } = resolveStartOptions(startOptions);
	const options = { ...runtime };
	const store = new RoomStore(seed);
	const faults = new FaultSchedule(seed);
	const isAuthorized = io.createAuthChecker(apiKey);
	// NOTE: the log grows without bound; long benchmarks should call clearRequests between rounds.
	/** @type {Array<Record<string, unknown>>} */
	const requests = [];
	/** @type {Set<(info: RequestInfo) => unknown>} */
	const hooks = new Set();
	/** @type {Set<NodeJS.Timeout>} */
	const latencyTimers = new Set();
	let htmlMode = false;

	/**
	 * Decides the response of one request after its hooks ran. HTML mode comes first, then
	 * faults, then the API key check, then the route.
	 * @param {http.IncomingMessage} request
	 * @param {{ rawPath: string, query: URLSearchParams, body: string, authorized: boolean }} parsed
	 * @returns {PlannedResponse}
	 */
	function planResponse(request, parsed) {
		const method = request.method ?? 'GET';
		const route = resolveRoute(method, parsed.rawPath, basePath);
		const runRoute = () =>
			handleRoute({
				method,
				route,
				query: parsed.query,
				contentType: request.headers['content-type'] ?? '',
				rawBody: parsed.body,
				store,
				options,
			});

		if (htmlMode) {
			return htmlResponse(200, 'Network login required', 'Sign in to continue to the internet.');
		}

		const fault = faults.take(route.key);
		if (fault?.kind === 'reset-after-commit') {
			// The route does its work (a POST creates the room), then the response is lost.
			runRoute();
			return { status: 0, action: 'reset' };
		}
		if (fault) {
			const host = request.headers.host ?? '';
			const portSuffix = host.includes(':') ? host.slice(host.lastIndexOf(':')) : '';
			return buildFaultResponse(fault, {
				errorStyle: options.errorStyle,
				defaultLocation: `http://localhost${portSuffix}${request.url ?? '/'}`,
				fullBody: () =>
					method === 'GET' ? (runRoute().body ?? SAMPLE_ROOM_BODY) : SAMPLE_ROOM_BODY,
			});
		}

		if (!parsed.authorized) {
			return errorResponse(options.errorStyle, 401, 'Invalid or missing API key', {
				'WWW-Authenticate': 'Bearer',
			});
		}
		return runRoute();
	}

	/**
	 * @param {http.IncomingMessage} request
	 * @param {http.ServerResponse} response
	 */
	async function handleRequest(request, response) {
		const url = request.url ?? '/';
		const queryStart = url.indexOf('?');
		const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
		const query = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
		const method = request.method ?? 'GET';
		const body = await io.readBody(request);
		const authorized = isAuthorized(request.headers.authorization);

		// The log never stores the Authorization header, only whether it was accepted.
		const path = io.decodePathForLog(rawPath);
		const queryObject = io.queryToObject(query);
		requests.push({
			method,
			path,
			rawPath,
			query: queryObject,
			body: io.bodyForLog(body.text),
			authorized,
			at: Date.now(),
		});
		const requestIndex = requests.length - 1;

		/** @type {PlannedResponse} */
		let planned;
		try {
			for (const hook of [...hooks]) {
				await hook({ method, path, query: queryObject, requestIndex });
			}
			planned = body.tooLarge
				? errorResponse(options.errorStyle, 413, `Request body exceeds ${io.MAX_BODY_BYTES} bytes`)
				: planResponse(request, { rawPath, query, body: body.text, authorized });
		} catch (error) {
			console.error(`Octocular test server failed on ${method} ${path}:`, error);
			const reason = error instanceof Error ? error.message : String(error);
			planned = errorResponse(options.errorStyle, 500, `Test server error: ${reason}`);
		}

		if (options.latencyMs === 0) {
			io.sendPlanned(response, planned);
			return;
		}
		const timer = setTimeout(() => {
			latencyTimers.delete(timer);
			io.sendPlanned(response, planned);
		}, options.latencyMs);
		latencyTimers.add(timer);
	}

	const httpServer = http.createServer((request, response) => {
		handleRequest(request, response).catch((error) => {
			console.error('Octocular test server could not read a request:', error);
			response.destroy();
		});
	});
	await new Promise((resolve, reject) => {
		httpServer.once('error', reject);
		httpServer.listen(port, '127.0.0.1', () => {
			httpServer.off('error', reject);
			resolve(undefined);
		});
	});
	const address = /** @type {import('node:net').AddressInfo} */ (httpServer.address());

	return {
		baseUrl: `http://127.0.0.1:${address.port}${basePath}`,
		port: address.port,
		apiKey,
		requests,
		/** @param {Record<string, unknown>} changes */
		setOptions(changes) {
			validateRuntimeOptions(changes);
			Object.assign(options, changes);
		},
		getOptions: () => ({ ...options }),
		/** @param {number} count @param {any} [overrides] */
		seedRooms: (count, overrides) => store.seed(count, overrides),
		/** @param {Record<string, unknown>} [input] */
		createRoom: (input = {}) => store.create(input),
		/** @param {string} roomId */
		deleteRoom: (roomId) => store.delete(roomId),
		listRoomIds: () => store.listIds(options.order),
		/** @param {string} roomId */
		getRoom: (roomId) => store.get(roomId),
		roomCount: () => store.count(),
		clearRequests() {
			requests.length = 0;
		},
		/** @param {(info: RequestInfo) => unknown} hook */
		onRequest(hook) {
			hooks.add(hook);
			return () => {
				hooks.delete(hook);
			};
		},
		/** @param {Parameters<FaultSchedule['inject']>[0]} fault */
		injectFault: (fault) => faults.inject(fault),
		/** @param {Parameters<FaultSchedule['setRandom']>[0]} settings */
		setRandomFaults: (settings) => faults.setRandom(settings),
		clearFaults: () => faults.clear(),
		/** @param {boolean} enabled */
		setHtmlMode(enabled) {
			htmlMode = enabled;
		},
		/** Stops the server, drops pending delayed responses and destroys open sockets. */
		async close() {
			for (const timer of latencyTimers) {
				clearTimeout(timer);
			}
			latencyTimers.clear();
			const closed = new Promise((resolve) => httpServer.close(() => resolve(undefined)));
			httpServer.closeAllConnections();
			await closed;
		},
	};
}

module.exports = {
	startOctocularServer,
	SANDBOX_API_KEY,
	FAULT_KINDS,
	ROOM_ORDERS,
	UNDOCUMENTED_FIELD,
};
