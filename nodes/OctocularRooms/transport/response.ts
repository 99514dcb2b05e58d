import type { IDataObject, INode } from 'n8n-workflow';

import type { ApiFailure } from './errors';
import { createApiError, extractServiceMessage } from './errors';

/** Response of n8n's HTTP helper with `returnFullResponse` and a text body. */
export interface RawResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

function parseBody(raw: RawResponse): { ok: true; body: IDataObject | undefined } | { ok: false } {
	const text = typeof raw.body === 'string' ? raw.body : '';
	if (raw.statusCode === 204 || text.trim() === '') return { ok: true, body: undefined };

	try {
		const parsed: unknown = JSON.parse(text);
		if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
			return { ok: true, body: parsed as IDataObject };
		}
	} catch {
		// Not JSON: reported by the caller with the status code.
	}
	return { ok: false };
}

function describeNonJson(raw: RawResponse): string {
	const contentType = String(raw.headers['content-type'] ?? 'no content type').split(';')[0];
	return `the response was not valid JSON (HTTP ${raw.statusCode}, ${contentType})`;
}

/** Parses a 2xx body, and throws when it is not JSON or contains `success: false`. */
export function parseSuccessBody(
	node: INode,
	raw: RawResponse,
	itemIndex: number | undefined,
): IDataObject | undefined {
	const parsed = parseBody(raw);
	if (!parsed.ok) {
		throw createApiError(node, {
			statusCode: raw.statusCode,
			message: describeNonJson(raw),
			itemIndex,
			description: 'Check that the Base URL in the credential points at the Octocular API.',
		});
	}
	if (parsed.body?.success === false) {
		throw createApiError(node, {
			statusCode: raw.statusCode,
			message: extractServiceMessage(parsed.body) ?? 'the service returned success: false',
			itemIndex,
		});
	}
	return parsed.body;
}

export function describeHttpFailure(raw: RawResponse, itemIndex: number | undefined): ApiFailure {
	let message: string | undefined;
	if (raw.statusCode >= 300 && raw.statusCode < 400) {
		message = `redirect to ${String(raw.headers.location ?? 'an unknown location')}`;
	} else {
		const parsed = parseBody(raw);
		message = parsed.ok ? extractServiceMessage(parsed.body) : describeNonJson(raw);
	}
	return {
		statusCode: raw.statusCode,
		message: message ?? `HTTP ${raw.statusCode} without an error message`,
		itemIndex,
	};
}
