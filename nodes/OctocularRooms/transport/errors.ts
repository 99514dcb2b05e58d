import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** Maximum length of a service message copied into an error, in characters. */
const MAX_MESSAGE_LENGTH = 300;

/** Returns the service's own error text from a parsed error body, if it has one. */
export function extractServiceMessage(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;

	for (const key of ['error', 'message', 'detail']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim() !== '') return shorten(value.trim());
		if (value !== null && typeof value === 'object') {
			const nested = (value as Record<string, unknown>).message;
			if (typeof nested === 'string' && nested.trim() !== '') return shorten(nested.trim());
		}
	}
	return undefined;
}

function shorten(text: string): string {
	return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

/** Returns what the user should change for an HTTP status, or undefined when nothing specific. */
function adviceForStatus(statusCode: number): string | undefined {
	if (statusCode === 401 || statusCode === 403) {
		return 'Check the API key in the Octocular API credential.';
	}
	if (statusCode === 404) {
		return 'The room may have been deleted, so check the Room ID. If every request gets 404, check that the Base URL ends with /api/v1.';
	}
	if (statusCode === 400 || statusCode === 422) {
		return 'Correct the field named in the message and run the node again.';
	}
	if (statusCode === 429) {
		return 'The service kept rate-limiting after the retries. Lower Concurrency or run the workflow later.';
	}
	if (statusCode >= 300 && statusCode < 400) {
		return 'The Base URL redirects elsewhere. Set the Base URL in the credential to the final address.';
	}
	if (statusCode >= 500) {
		return 'The Octocular service failed. Run the node again later.';
	}
	return undefined;
}

export interface ApiFailure {
	statusCode?: number;
	/** The service's message, or a plain statement of what went wrong with the response. */
	message: string;
	itemIndex?: number;
	/** Extra detail that replaces the default advice for the status code. */
	description?: string;
}

/**
 * Builds the NodeApiError for a failed request from plain values only. No request options or
 * headers are attached, so the error can never carry the Authorization header.
 */
export function createApiError(node: INode, failure: ApiFailure): NodeApiError {
	const status = failure.statusCode;
	const prefix =
		status === undefined ? 'Octocular request failed' : `Octocular API error ${status}`;
	const errorResponse: JsonObject = { message: failure.message };
	if (status !== undefined) errorResponse.httpCode = String(status);

	return new NodeApiError(node, errorResponse, {
		message: `${prefix}: ${failure.message}`,
		description:
			failure.description ?? (status === undefined ? undefined : adviceForStatus(status)),
		httpCode: status === undefined ? undefined : String(status),
		itemIndex: failure.itemIndex,
	});
}

export interface NetworkFailure {
	method: string;
	path: string;
	/** Node.js or axios error code, such as ECONNRESET. */
	code: string;
	/** Timeout of the attempt, in ms. */
	timeoutMs: number;
	itemIndex?: number;
}

/** Network error codes of an attempt that got no response within the timeout. */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/**
 * Describes an attempt that got no response. The message leaves out the error code, because
 * NodeApiError replaces a message that contains a common code with a generic sentence.
 */
export function describeNetworkFailure(attempt: NetworkFailure): ApiFailure {
	const { method, path, code } = attempt;
	let problem = 'failed with a network error';
	if (TIMEOUT_CODES.has(code)) {
		problem = `got no response within ${attempt.timeoutMs} ms`;
	} else if (code === 'ECONNRESET' || code === 'EPIPE') {
		problem = 'failed because the connection was reset';
	} else if (code === 'ECONNREFUSED') {
		problem = 'failed because the connection was refused';
	}

	// A create whose connection failed after sending may have been processed, and running
	// the node again would then make a second room.
	const mayHaveCreated = method === 'POST' && code !== 'ECONNREFUSED';
	const advice = mayHaveCreated
		? 'The service may have created the room before the connection failed. Check with Get Many before you run the node again, or it may create a second room.'
		: 'Check that the Base URL is reachable, then run the node again.';
	return {
		message: `${method} ${path} ${problem}`,
		itemIndex: attempt.itemIndex,
		description: `${advice} Network error code: ${code}.`,
	};
}
