// @ts-check
'use strict';

const { STATUS_CODES } = require('node:http');
const { createRandomStream } = require('./random');
const { JSON_TYPE, errorResponse, htmlResponse, jsonResponse } = require('./responses');

const FAULT_KINDS = [
	'429',
	'429-retry-after',
	'429-retry-after-date',
	'500-html',
	'502-html',
	'503-html',
	'504-html',
	'success-false',
	'malformed-json',
	'truncated-json',
	'reset',
	'reset-after-commit',
	'hang',
	'redirect',
];

const FAULT_ROUTES = ['GET /rooms', 'GET /rooms/:id', 'POST /rooms', 'DELETE /rooms/:id', '*'];

/** Kinds that a client should survive with retries; the default of setRandomFaults. */
const DEFAULT_RANDOM_KINDS = ['429', '429-retry-after', '500-html', '502-html', '503-html'];

/**
 * @typedef {{ kind: string, retryAfter?: number, location?: string }} FaultAction
 * @typedef {FaultAction & { route: string, nth: number, times: number, seen: number,
 *   fired: number }} ScheduledFault
 * @typedef {import('./responses').PlannedResponse} PlannedResponse
 */

/** @param {string} kind */
function checkKind(kind) {
	if (!FAULT_KINDS.includes(kind)) {
		throw new TypeError(
			`Unknown fault kind ${JSON.stringify(kind)}; use one of ${FAULT_KINDS.join(', ')}`,
		);
	}
}

/**
 * Rejects a redirect target outside the loopback interface, so that no test sends traffic to
 * another host by following it.
 * @param {string} location
 */
function checkLoopbackLocation(location) {
	const { hostname } = new URL(location);
	const loopback =
		hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
	if (!loopback) {
		throw new TypeError(`Redirect location must be a loopback URL, got ${location}`);
	}
}

/** Queued and random faults, matched against each request by route. */
class FaultSchedule {
	/** @param {number} seed */
	constructor(seed) {
		this.seed = seed;
		/** @type {ScheduledFault[]} */
		this.scheduled = [];
		/** @type {{ rate: number, kinds: string[], route: string, retryAfter?: number,
		 *   random: import('./random').SeededRandom } | null} */
		this.randomFaults = null;
	}

	/**
	 * Queues a fault for the `nth` matching request from now (1-based), repeated on the next
	 * `times - 1` matching requests. Returns a function that removes it.
	 * @param {{ route?: string, nth?: number, times?: number, kind: string, retryAfter?: number,
	 *   location?: string }} options
	 */
	inject(options) {
		const { route = '*', nth = 1, times = 1, kind, retryAfter, location } = options;
		checkKind(kind);
		if (!FAULT_ROUTES.includes(route)) {
			throw new TypeError(
				`Unknown fault route ${JSON.stringify(route)}; use one of ${FAULT_ROUTES.join(', ')}`,
			);
		}
		if (!Number.isInteger(nth) || nth < 1 || !Number.isInteger(times) || times < 1) {
			throw new TypeError(
				`Fault nth and times must be integers of at least 1, got ${nth} and ${times}`,
			);
		}
		if (location !== undefined) {
			checkLoopbackLocation(location);
		}
		/** @type {ScheduledFault} */
		const fault = { route, nth, times, kind, retryAfter, location, seen: 0, fired: 0 };
		this.scheduled.push(fault);
		return () => {
			this.scheduled = this.scheduled.filter((entry) => entry !== fault);
		};
	}

	/**
	 * Turns random faults on (rate > 0) or off (rate 0). Picks replay for the same seed.
	 * @param {{ rate: number, kinds?: string[], seed?: number, route?: string,
	 *   retryAfter?: number }} options
	 */
	setRandom(options) {
		const {
			rate,
			kinds = DEFAULT_RANDOM_KINDS,
			seed = this.seed,
			route = '*',
			retryAfter,
		} = options;
		if (!(rate >= 0 && rate <= 1)) {
			throw new TypeError(`Random fault rate must be between 0 and 1, got ${rate}`);
		}
		if (kinds.length === 0) {
			throw new TypeError('Random fault kinds must not be empty');
		}
		kinds.forEach(checkKind);
		const random = createRandomStream(seed, 'random faults');
		this.randomFaults = rate === 0 ? null : { rate, kinds: [...kinds], route, retryAfter, random };
	}

	clear() {
		this.scheduled = [];
		this.randomFaults = null;
	}

	/**
	 * Counts the request against every queued fault of its route and returns the fault to play,
	 * if any. Queued faults come before random ones.
	 * @param {string} routeKey such as 'GET /rooms/:id'
	 * @returns {FaultAction | undefined}
	 */
	take(routeKey) {
		/** @type {FaultAction | undefined} */
		let chosen;
		for (const fault of this.scheduled) {
			if (fault.route !== '*' && fault.route !== routeKey) {
				continue;
			}
			fault.seen += 1;
			if (!chosen && fault.seen >= fault.nth && fault.fired < fault.times) {
				fault.fired += 1;
				chosen = fault;
			}
		}
		this.scheduled = this.scheduled.filter((fault) => fault.fired < fault.times);
		if (chosen) {
			return chosen;
		}

		const randomFaults = this.randomFaults;
		if (!randomFaults || (randomFaults.route !== '*' && randomFaults.route !== routeKey)) {
			return undefined;
		}
		if (randomFaults.random.next() >= randomFaults.rate) {
			return undefined;
		}
		const kind =
			randomFaults.kinds[Math.floor(randomFaults.random.next() * randomFaults.kinds.length)];
		return { kind, retryAfter: randomFaults.retryAfter };
	}
}

/**
 * Builds the response of a fault that replaces the normal handling of a request.
 * 'reset-after-commit' is not handled here, because the route must run first.
 * @param {FaultAction} fault
 * @param {{ errorStyle: string, defaultLocation: string, fullBody: () => string }} context
 *   `fullBody` returns a complete JSON body for the route, which 'truncated-json' cuts.
 * @returns {PlannedResponse}
 */
function buildFaultResponse(fault, context) {
	const retryAfter = fault.retryAfter ?? 1;
	const htmlStatus = /^(\d{3})-html$/.exec(fault.kind);
	if (htmlStatus) {
		const status = Number(htmlStatus[1]);
		return htmlResponse(
			status,
			`${status} ${STATUS_CODES[status]}`,
			'The upstream server did not respond.',
		);
	}

	switch (fault.kind) {
		case '429':
			return errorResponse(context.errorStyle, 429, 'Too many requests, slow down');
		case '429-retry-after':
			return errorResponse(context.errorStyle, 429, 'Too many requests, slow down', {
				'Retry-After': String(retryAfter),
			});
		case '429-retry-after-date': {
			// An HTTP date has whole seconds, so round up to never ask for less than retryAfter.
			const retryAt = Math.ceil((Date.now() + retryAfter * 1000) / 1000) * 1000;
			return errorResponse(context.errorStyle, 429, 'Too many requests, slow down', {
				'Retry-After': new Date(retryAt).toUTCString(),
			});
		}
		case 'success-false':
			return jsonResponse(200, { success: false, error: 'Request could not be processed' });
		case 'malformed-json':
			return {
				status: 200,
				headers: { 'Content-Type': JSON_TYPE },
				body: '{"success": true, data: [}',
			};
		case 'truncated-json': {
			const full = context.fullBody();
			return {
				status: 200,
				headers: { 'Content-Type': JSON_TYPE },
				body: full.slice(0, Math.max(1, Math.floor(full.length / 2))),
			};
		}
		case 'reset':
			return { status: 0, action: 'reset' };
		case 'hang':
			return { status: 0, action: 'hang' };
		case 'redirect':
			return {
				status: 302,
				headers: { Location: fault.location ?? context.defaultLocation },
				body: '',
			};
		default:
			throw new Error(`Fault kind ${fault.kind} has no response builder`);
	}
}

module.exports = {
	FaultSchedule,
	buildFaultResponse,
	FAULT_KINDS,
	FAULT_ROUTES,
	DEFAULT_RANDOM_KINDS,
};
