import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * Timing and limits of the retry policy. The values are module-level defaults so that tests and
 * benchmarks can shorten the waits; nodes never change them.
 */
export const retrySettings = {
	/** Maximum attempts per request, the first one included. */
	maxAttempts: 4,
	/** Backoff before the second attempt, in ms; it doubles with each further attempt. */
	baseDelayMs: 500,
	/** Maximum backoff before one attempt, in ms. */
	maxDelayMs: 8_000,
	/** Maximum total time spent waiting between the attempts of one request, in ms. */
	maxTotalWaitMs: 60_000,
	/** Timeout of a single attempt, in ms. */
	requestTimeoutMs: 30_000,
};

/** Network error codes after which the service may or may not have processed the request. */
const AMBIGUOUS_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

/** Network error codes that prove the request never reached the service. */
const UNSENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN']);

const IDEMPOTENT_METHODS: IHttpRequestMethods[] = ['GET', 'HEAD', 'DELETE'];

export type RetryCause = { kind: 'status'; statusCode: number } | { kind: 'network'; code: string };

/**
 * Decides whether an attempt that failed with `cause` may be sent again.
 *
 * A POST is repeated only when the service cannot have processed it (429, or a refused
 * connection), so a retry never creates a second room. GET and DELETE are also repeated after
 * 502, 503, 504, a reset connection or a timeout.
 */
export function isRetryable(method: IHttpRequestMethods, cause: RetryCause): boolean {
	if (cause.kind === 'status') {
		if (cause.statusCode === 429) return true;
		return IDEMPOTENT_METHODS.includes(method) && [502, 503, 504].includes(cause.statusCode);
	}

	if (UNSENT_NETWORK_CODES.has(cause.code)) return true;
	return IDEMPOTENT_METHODS.includes(method) && AMBIGUOUS_NETWORK_CODES.has(cause.code);
}

/**
 * Parses a Retry-After header, either delay-seconds or an HTTP date, into milliseconds from
 * `now`. Returns undefined for a missing or invalid value.
 */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' || text.trim() === '') return undefined;

	const trimmed = text.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;

	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Computes exponential backoff with full jitter for the given 1-based attempt that failed. */
export function backoffDelay(failedAttempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(
		retrySettings.maxDelayMs,
		retrySettings.baseDelayMs * 2 ** (failedAttempt - 1),
	);
	// Half fixed, half random: spreads clients apart without ever retrying at once.
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
