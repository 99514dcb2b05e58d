import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Maximum length of a room, user or organization id, in characters. */
export const MAX_ID_LENGTH = 512;

/** Maximum length of an e-mail address (RFC 5321 path limit), in characters. */
const MAX_EMAIL_LENGTH = 254;

/** Maximum length of a rejected value quoted in an error message, in characters. */
const MAX_QUOTED_LENGTH = 60;

// ASCII local part without spaces or the characters RFC 5322 reserves outside quotes, and a
// domain of at least two dot-separated labels that start and end with a letter or digit.
const EMAIL_PATTERN =
	/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Quotes a value for an error message, shortened so that a long value keeps the message readable. */
export function quoteValue(value: unknown): string {
	let text: string;
	if (typeof value === 'string') {
		text = JSON.stringify(
			value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value,
		);
		return value.length > MAX_QUOTED_LENGTH ? `${text} (${value.length} characters)` : text;
	}
	if (value === null || value === undefined) return String(value);
	if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
	return String(value);
}

export function invalidInput(
	context: IExecuteFunctions,
	field: string,
	itemIndex: number,
	problem: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Invalid ${field} in item ${itemIndex}: ${problem}`,
		{ itemIndex, description: hint },
	);
}

/**
 * Reads a text parameter that expressions may have turned into a number. Rejects other types
 * and returns the trimmed text.
 */
function readText(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') {
		throw invalidInput(context, field, itemIndex, `expected text, got ${quoteValue(value)}`);
	}
	return value.trim();
}

/** Validates an opaque id (room, user or organization): non-blank text without control characters. */
export function validateId(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const id = readText(context, value, field, itemIndex);
	if (id === '') {
		throw invalidInput(context, field, itemIndex, 'the value is empty', `Enter the ${field}.`);
	}
	if (id.length > MAX_ID_LENGTH) {
		throw invalidInput(
			context,
			field,
			itemIndex,
			`${quoteValue(id)} is longer than ${MAX_ID_LENGTH} characters`,
		);
	}
	if (CONTROL_CHARACTERS.test(id)) {
		throw invalidInput(context, field, itemIndex, `${quoteValue(id)} contains control characters`);
	}
	return id;
}

/**
 * Validates a Room ID for use as a path segment. `.` and `..` are rejected because URL
 * parsers resolve them even when percent-encoded, which would send the request to another path.
 */
export function validateRoomId(
	context: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): string {
	const roomId = validateId(context, value, 'Room ID', itemIndex);
	if (roomId === '.' || roomId === '..') {
		throw invalidInput(context, 'Room ID', itemIndex, `${quoteValue(roomId)} is not a room id`);
	}
	return roomId;
}

export function validateEmail(
	context: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): string {
	const field = 'Candidate Email';
	const email = readText(context, value, field, itemIndex);
	if (email === '') {
		throw invalidInput(
			context,
			field,
			itemIndex,
			'the value is empty',
			'Enter the e-mail address.',
		);
	}
	if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
		throw invalidInput(
			context,
			field,
			itemIndex,
			`${quoteValue(email)} is not a valid e-mail address`,
			'Use the form name@example.com, with no spaces or display name.',
		);
	}
	return email;
}

/** Validates Limit: a whole number of at least 1, also when an expression returns text. */
export function validateLimit(
	context: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): number {
	const limit = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw invalidInput(
			context,
			'Limit',
			itemIndex,
			`${quoteValue(value)} is not a whole number of at least 1`,
			'Set Limit to 1 or more, or turn on Return All.',
		);
	}
	return limit;
}
