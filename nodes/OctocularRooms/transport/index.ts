import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiFailure } from './errors';
import { createApiError, describeNetworkFailure } from './errors';
import type { RawResponse } from './response';
import { describeHttpFailure, parseSuccessBody } from './response';
import type { RetryCause } from './retry';
import { backoffDelay, isRetryable, parseRetryAfter, retrySettings } from './retry';

export { retrySettings } from './retry';

export type OctocularContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_NAME = 'octocularApi';

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, starting with `/`; dynamic segments must already be encoded. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Item the request belongs to, named in errors. */
	itemIndex?: number;
	/**
	 * Whether a 404 after an earlier attempt that may have reached the service counts as
	 * success. Set for DELETE: when the response to a processed delete is lost, its retry finds nothing.
	 */
	notFoundAfterRetryIsSuccess?: boolean;
}

export interface ApiResponse {
	statusCode: number;
	/** Parsed JSON body, or undefined for an empty body such as a 204. */
	body: IDataObject | undefined;
	/** Number of attempts the request took, 1 when the first one succeeded. */
	attempts: number;
	/** Whether an earlier attempt may have reached the service before this response. */
	retriedAfterAmbiguousFailure: boolean;
}

/**
 * Reads the Base URL from the credential, checks that it is http or https, and removes
 * trailing slashes.
 */
export async function getBaseUrl(this: OctocularContext): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const raw = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';

	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new NodeOperationError(this.getNode(), `Invalid Base URL in the Octocular credential`, {
			description: 'Set it to a full address such as https://octocular.io/api/v1.',
		});
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid Base URL in the Octocular credential: protocol "${url.protocol}" is not supported`,
			{ description: 'The Base URL must start with http:// or https://.' },
		);
	}
	return raw.replace(/\/+$/, '');
}

/** Encodes a room id as one path segment. The caller has rejected `.` and `..`. */
export function roomPath(roomId: string): string {
	return `/rooms/${encodeURIComponent(roomId)}`;
}

function networkErrorCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current !== null && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/**
 * Sends one request to the Octocular API with the credential's bearer token and applies the
 * retry policy. Returns the parsed response when it is a 2xx with `success` not false, and
 * throws a NodeApiError otherwise.
 */
export async function octocularApiRequest(
	this: OctocularContext,
	baseUrl: string,
	request: ApiRequest,
): Promise<ApiResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect could carry the bearer token to another host, so it is reported instead.
		disableFollowRedirect: true,
		timeout: retrySettings.requestTimeoutMs,
	};
	const node = this.getNode();
	let waited = 0;
	let ambiguousFailure = false;

	for (let attempt = 1; ; attempt++) {
		let raw: RawResponse | undefined;
		let networkError: unknown;
		try {
			raw = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, {
				...options,
			})) as RawResponse;
		} catch (error) {
			networkError = error;
		}

		let cause: RetryCause;
		let retryAfterMs: number | undefined;
		let failure: ApiFailure;

		if (raw === undefined) {
			const code = networkErrorCode(networkError) ?? 'UNKNOWN';
			cause = { kind: 'network', code };
			failure = describeNetworkFailure({
				method: request.method,
				path: request.path,
				code,
				timeoutMs: retrySettings.requestTimeoutMs,
				itemIndex: request.itemIndex,
			});
			if (code !== 'ECONNREFUSED') ambiguousFailure = true;
		} else if (raw.statusCode >= 200 && raw.statusCode < 300) {
			return {
				statusCode: raw.statusCode,
				body: parseSuccessBody(node, raw, request.itemIndex),
				attempts: attempt,
				retriedAfterAmbiguousFailure: ambiguousFailure,
			};
		} else if (
			raw.statusCode === 404 &&
			request.notFoundAfterRetryIsSuccess === true &&
			ambiguousFailure
		) {
			return {
				statusCode: raw.statusCode,
				body: undefined,
				attempts: attempt,
				retriedAfterAmbiguousFailure: true,
			};
		} else {
			cause = { kind: 'status', statusCode: raw.statusCode };
			retryAfterMs = parseRetryAfter(raw.headers['retry-after']);
			failure = describeHttpFailure(raw, request.itemIndex);
			if ([502, 503, 504].includes(raw.statusCode)) ambiguousFailure = true;
		}

		if (attempt >= retrySettings.maxAttempts || !isRetryable(request.method, cause)) {
			throw createApiError(node, failure);
		}
		const delay = retryAfterMs ?? backoffDelay(attempt);
		if (waited + delay > retrySettings.maxTotalWaitMs) {
			throw createApiError(node, {
				...failure,
				description: `Retrying would wait ${Math.ceil(delay / 1000)} s more than the retry budget allows. Run the node again later.`,
			});
		}
		this.logger.debug('Retrying Octocular request', {
			node: node.name,
			method: request.method,
			path: request.path,
			attempt,
			delayMs: delay,
			reason: cause.kind === 'status' ? cause.statusCode : cause.code,
		});
		await sleep(delay);
		waited += delay;
	}
}
