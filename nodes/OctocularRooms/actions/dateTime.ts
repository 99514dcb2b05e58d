import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput, quoteValue } from './validation';

// ISO 8601 date and time, with optional seconds, fraction and offset. A space may stand for T.
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Returns the offset of `timeZone` from UTC at the instant `utcMs`, in ms. */
function timeZoneOffset(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(
		field('year'),
		field('month') - 1,
		field('day'),
		field('hour'),
		field('minute'),
		field('second'),
	);
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

function parseOffset(text: string): number {
	if (text.toUpperCase() === 'Z') return 0;
	const sign = text.startsWith('-') ? -1 : 1;
	const digits = text.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	if (minutes > 59) return Number.NaN;
	return sign * (hours * 60 + minutes) * 60_000;
}

function parseIsoString(text: string, timeZone: string): number | undefined {
	const match = ISO_DATE_TIME.exec(text);
	if (!match) return undefined;

	const [, year, month, day, hour, minute, second = '0', fraction = '0', offset] = match;
	const fields = [year, month, day, hour, minute, second].map(Number);
	const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
	const localAsUtc = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);

	// Date.UTC rolls over out-of-range fields (Feb 30 becomes Mar 2), so a round trip detects them.
	const check = new Date(localAsUtc);
	if (
		check.getUTCFullYear() !== fields[0] ||
		check.getUTCMonth() !== fields[1] - 1 ||
		check.getUTCDate() !== fields[2] ||
		check.getUTCHours() !== fields[3] ||
		check.getUTCMinutes() !== fields[4] ||
		check.getUTCSeconds() !== fields[5]
	) {
		return undefined;
	}

	if (offset !== undefined) {
		const offsetMs = parseOffset(offset);
		// ISO 8601 and Luxon allow offsets up to ±18:00.
		if (Number.isNaN(offsetMs) || Math.abs(offsetMs) > 18 * 3_600_000) return undefined;
		return localAsUtc - offsetMs + milliseconds;
	}

	// No offset: the time is wall-clock time in the workflow's time zone. The second pass
	// corrects the guess when a daylight-saving change lies between the guess and the result.
	const firstGuess = localAsUtc - timeZoneOffset(localAsUtc, timeZone);
	const utc = localAsUtc - timeZoneOffset(firstGuess, timeZone);
	return utc + milliseconds;
}

/**
 * Normalises Scheduled Time to an ISO 8601 string in UTC, such as `2026-01-01T10:00:00.000Z`.
 *
 * Accepts ISO 8601 text with or without an offset (without one, the time is read in the
 * workflow's time zone), a JavaScript Date, and a Luxon DateTime from expressions such as
 * `{{ $now.plus({ days: 1 }) }}`. Numbers are rejected because seconds and milliseconds since
 * the epoch cannot be distinguished.
 */
export function normalizeScheduledTime(
	context: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): string {
	const field = 'Scheduled Time';
	const hint = 'Use an ISO 8601 date and time such as 2026-01-01T10:00:00Z.';
	let utcMs: number | undefined;

	if (value instanceof Date) {
		utcMs = value.getTime();
	} else if (
		value !== null &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		const iso = (value as { toISO: () => string | null }).toISO();
		utcMs = iso === null ? undefined : parseIsoString(iso, context.getTimezone());
	} else if (typeof value === 'string') {
		utcMs = parseIsoString(value.trim(), context.getTimezone());
	}

	if (utcMs === undefined || Number.isNaN(utcMs)) {
		throw invalidInput(
			context,
			field,
			itemIndex,
			`${quoteValue(value)} is not a valid date and time`,
			hint,
		);
	}
	return new Date(utcMs).toISOString();
}
