// @ts-check
'use strict';

const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Cache of the last formatted second, because bulk seeding formats many times in one second. */
const lastFormatted = { wholeSeconds: NaN, text: '' };

/**
 * Formats a time as the service does: UTC with an explicit `+00:00` offset, and a six-digit
 * fraction only when the microseconds are not zero (the form of Python's `isoformat()`).
 * @param {number} micros microseconds since the Unix epoch
 */
function formatTimestamp(micros) {
	const wholeSeconds = Math.floor(micros / 1_000_000);
	const fraction = micros - wholeSeconds * 1_000_000;
	if (wholeSeconds !== lastFormatted.wholeSeconds) {
		lastFormatted.wholeSeconds = wholeSeconds;
		lastFormatted.text = new Date(wholeSeconds * 1000).toISOString().slice(0, 19);
	}
	const seconds = lastFormatted.text;
	if (fraction === 0) {
		return `${seconds}+00:00`;
	}
	return `${seconds}.${String(fraction).padStart(6, '0')}+00:00`;
}

/**
 * Parses an ISO 8601 date-time such as `2026-01-01T10:00:00.000Z` or `2026-01-01T12:00+02:00`.
 * A value without an offset is read as UTC. Returns microseconds since the Unix epoch, or
 * undefined when the text is not a valid date-time (including impossible dates like 02-30).
 * @param {string} text
 * @returns {number | undefined}
 */
function parseIsoDateTime(text) {
	const match = ISO_DATE_TIME.exec(text);
	if (!match) {
		return undefined;
	}
	const [, year, month, day, hour, minute, second = '0', fraction = '', offset = 'Z'] = match;
	const millis = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
	const check = new Date(millis);
	const fieldsMatch =
		check.getUTCFullYear() === +year &&
		check.getUTCMonth() === +month - 1 &&
		check.getUTCDate() === +day &&
		check.getUTCHours() === +hour &&
		check.getUTCMinutes() === +minute &&
		check.getUTCSeconds() === +second;
	if (!fieldsMatch) {
		return undefined;
	}

	let offsetMinutes = 0;
	if (offset.toUpperCase() !== 'Z') {
		const digits = offset.replace(':', '');
		const sign = digits.startsWith('-') ? -1 : 1;
		offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
	}
	const micros = Number(fraction.padEnd(6, '0').slice(0, 6));
	return (millis - offsetMinutes * 60_000) * 1000 + micros;
}

/**
 * A clock for `created_at` that never returns the same or an earlier value twice, even when
 * several rooms are created within one microsecond of the system clock.
 */
class MonotonicClock {
	constructor() {
		this.lastMicros = 0;
	}

	/** Returns the current time in microseconds, strictly greater than any earlier result. */
	nowMicros() {
		this.lastMicros = Math.max(Date.now() * 1000, this.lastMicros + 1);
		return this.lastMicros;
	}
}

module.exports = { formatTimestamp, parseIsoDateTime, MonotonicClock };
