import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Maximum length of a room, user or organization id, in characters. */
export const MAX_ID_LENGTH = 512;

/** Maximum length of an e-mail address (RFC 5321 path limit), in characters. */
const MAX_EMAIL_LENGTH = 254;

/** Maximum length of a rejected value quoted in an error message, in characters. */
const MAX_QUOTED_LENGTH = 60;

/** Maximum length of the local part of an e-mail address (RFC 5321), in characters. */
const MAX_LOCAL_PART_LENGTH = 64;

// RFC 5322 dot-atom local part in ASCII (no leading, trailing or double dot, no spaces or
// reserved characters), and a domain of at least two dot-separated labels that start and
// end with a letter or digit.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const EMAIL_PATTERN = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})+$`);

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

// A UTF-16 surrogate without its partner, which encodeURIComponent and UTF-8 cannot encode.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

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

/** Validates an opaque id (room, user or organization): non-blank text without control characters or lone surrogates. */
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
			`Check that the ${field} field maps the id itself, not a whole text or object.`,
		);
	}
	if (CONTROL_CHARACTERS.test(id)) {
		throw invalidInput(
			context,
			field,
			itemIndex,
			`${quoteValue(id)} contains control characters`,
			'Remove line breaks and tabs from the value.',
		);
	}
	if (LONE_SURROGATE.test(id)) {
		throw invalidInput(context, field, itemIndex, `${quoteValue(id)} is not valid Unicode text`);
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
		throw invalidInput(
			context,
			'Room ID',
			itemIndex,
			`${quoteValue(roomId)} is a path segment, not a room ID`,
			'Map the room_id returned by Create or Get Many.',
		);
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
	const localPart = email.slice(0, email.lastIndexOf('@'));
	if (
		email.length > MAX_EMAIL_LENGTH ||
		localPart.length > MAX_LOCAL_PART_LENGTH ||
		!EMAIL_PATTERN.test(email)
	) {
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

/**
 * Validates Limit: a whole number of at least 1. Text from an expression is accepted when it
 * contains only decimal digits, so `0x10` or `1e2` is not read as a number.
 */
export function validateLimit(
	context: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): number {
	let limit = value;
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) limit = Number(value);
	if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) {
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

/**
 * Validates a boolean parameter. An expression may return the text `true` or `false`, which
 * is accepted in any case; any other text would otherwise count as true.
 */
export function validateBoolean(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true') return true;
		if (text === 'false') return false;
	}
	throw invalidInput(context, field, itemIndex, `expected true or false, got ${quoteValue(value)}`);
}
