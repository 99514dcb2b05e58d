// @ts-check
'use strict';

const { ERROR_STYLES } = require('./responses');
const { ROOM_ORDERS } = require('./store');

/** API key that the server accepts when none is given; printed by the sandbox CLI. */
const SANDBOX_API_KEY = 'octocular-sandbox-key';

const DEFAULT_OPTIONS = {
	port: 0,
	apiKey: SANDBOX_API_KEY,
	maxPageSize: 100,
	defaultPageSize: 20,
	order: 'newest',
	deleteResponse: 'body',
	errorStyle: 'error',
	latencyMs: 0,
	seed: 1,
	basePath: '/api/v1',
};

/** @param {string} name @param {unknown} value @param {number} minimum */
function checkInteger(name, value, minimum) {
	if (!Number.isInteger(value) || /** @type {number} */ (value) < minimum) {
		throw new TypeError(`${name} must be an integer of at least ${minimum}, got ${String(value)}`);
	}
}

/** @param {string} name @param {unknown} value @param {string[]} allowed */
function checkChoice(name, value, allowed) {
	if (typeof value !== 'string' || !allowed.includes(value)) {
		throw new TypeError(`${name} must be one of ${allowed.join(', ')}, got ${String(value)}`);
	}
}

/**
 * Validates the options that can change at runtime; throws a TypeError naming the option.
 * @param {Record<string, unknown>} options
 */
function validateRuntimeOptions(options) {
	const known = [
		'order',
		'maxPageSize',
		'defaultPageSize',
		'deleteResponse',
		'errorStyle',
		'latencyMs',
	];
	for (const name of Object.keys(options)) {
		if (!known.includes(name)) {
			throw new TypeError(
				`Option ${name} cannot be changed at runtime; use one of ${known.join(', ')}`,
			);
		}
	}
	if (options.order !== undefined) checkChoice('order', options.order, ROOM_ORDERS);
	if (options.deleteResponse !== undefined)
		checkChoice('deleteResponse', options.deleteResponse, ['body', 'empty']);
	if (options.errorStyle !== undefined) checkChoice('errorStyle', options.errorStyle, ERROR_STYLES);
	if (options.maxPageSize !== undefined) checkInteger('maxPageSize', options.maxPageSize, 1);
	if (options.defaultPageSize !== undefined)
		checkInteger('defaultPageSize', options.defaultPageSize, 1);
	if (options.latencyMs !== undefined) checkInteger('latencyMs', options.latencyMs, 0);
}

/**
 * Fills in defaults and validates the options of startOctocularServer.
 * @param {Record<string, unknown>} options
 */
function resolveStartOptions(options) {
	const { port, apiKey, seed, basePath, ...runtime } = { ...DEFAULT_OPTIONS, ...options };
	validateRuntimeOptions(runtime);
	checkInteger('port', port, 0);
	checkInteger('seed', seed, 0);
	if (typeof apiKey !== 'string' || apiKey === '') {
		throw new TypeError('apiKey must be a non-empty string');
	}
	if (typeof basePath !== 'string' || (basePath !== '' && !/^\/.*[^/]$/.test(basePath))) {
		throw new TypeError(
			`basePath must be empty or start with / and not end with /, got ${String(basePath)}`,
		);
	}
	return {
		port: /** @type {number} */ (port),
		apiKey,
		seed: /** @type {number} */ (seed),
		basePath,
		runtime: /** @type {import('./routes').RouteOptions & { latencyMs: number }} */ (runtime),
	};
}

module.exports = { SANDBOX_API_KEY, DEFAULT_OPTIONS, validateRuntimeOptions, resolveStartOptions };
