// @ts-check
'use strict';

const { parseIsoDateTime } = require('./time');

// Deliberately simple: one @, no spaces, and a dot in the domain, as most services check.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** @param {unknown} value */
function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} value */
function isNonEmptyString(value) {
	return typeof value === 'string' && value.trim() !== '';
}

/**
 * Checks a POST /rooms body. Returns the message of the first problem, naming the field, or
 * undefined when the body is valid. Unknown top-level fields are ignored, not rejected.
 * @param {unknown} body
 * @returns {string | undefined}
 */
function validateCreateRoomBody(body) {
	if (!isPlainObject(body)) {
		return 'Request body must be a JSON object';
	}
	const input = /** @type {Record<string, unknown>} */ (body);

	if (!isPlainObject(input.user)) {
		return 'user is required and must be an object with id and organization_id';
	}
	const user = /** @type {Record<string, unknown>} */ (input.user);
	if (!isNonEmptyString(user.id)) {
		return 'user.id is required and must be a non-empty string';
	}
	if (!isNonEmptyString(user.organization_id)) {
		return 'user.organization_id is required and must be a non-empty string';
	}

	if (input.candidate_email === undefined || input.candidate_email === null) {
		return 'candidate_email is required';
	}
	if (typeof input.candidate_email !== 'string' || !EMAIL.test(input.candidate_email)) {
		return 'candidate_email must be a valid e-mail address';
	}
	// A service-side check that a client cannot know in advance, like a real service's MX
	// look-up: the reserved .invalid top-level domain (RFC 2606) never receives mail.
	if (/\.invalid$/i.test(input.candidate_email)) {
		return 'candidate_email domain cannot receive e-mail';
	}

	if (input.settings !== undefined && input.settings !== null) {
		if (!isPlainObject(input.settings)) {
			return 'settings must be an object';
		}
		const settings = /** @type {Record<string, unknown>} */ (input.settings);
		const chatAssistant = settings.enable_chat_assistant;
		if (chatAssistant !== undefined && typeof chatAssistant !== 'boolean') {
			return 'settings.enable_chat_assistant must be a boolean';
		}
	}

	const scheduled = input.scheduled_time;
	if (scheduled !== undefined && scheduled !== null) {
		if (typeof scheduled !== 'string' || parseIsoDateTime(scheduled) === undefined) {
			return 'scheduled_time must be an ISO 8601 date-time, e.g. 2026-01-01T10:00:00.000Z';
		}
	}
	return undefined;
}

/**
 * Reads `limit` or `offset` from the query. Returns the number, the fallback when the
 * parameter is absent, or an error message when it is not one non-negative integer.
 * @param {URLSearchParams} query
 * @param {string} name
 * @param {number} fallback
 * @returns {{ value: number } | { error: string }}
 */
function readPagingParameter(query, name, fallback) {
	const values = query.getAll(name);
	if (values.length === 0) {
		return { value: fallback };
	}
	if (values.length > 1 || !/^\d+$/.test(values[0]) || !Number.isSafeInteger(Number(values[0]))) {
		return {
			error: `${name} must be a non-negative integer, got ${JSON.stringify(values.join(','))}`,
		};
	}
	return { value: Number(values[0]) };
}

module.exports = { validateCreateRoomBody, readPagingParameter };
