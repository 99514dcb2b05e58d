import type { IDataObject } from 'n8n-workflow';

import type { RoomSummary } from '../transport/paging';
import { REQUESTED_PAGE_SIZE } from '../transport/paging';
import type { TriggerApi } from './api';
import { parseTimestamp } from './detect';
import type { DetailsCache } from './watermark';

export interface RoomFilters {
	/** Status to match, compared without case; empty matches every status. */
	status?: string;
	/** Text the candidate e-mail must contain, compared without case; empty matches all. */
	candidateEmail?: string;
}

export interface EmitOptions {
	includeDetails: boolean;
	filters: RoomFilters;
}

/** Returns whether a room, summary or full, passes the filters. */
export function matchesFilters(room: IDataObject, filters: RoomFilters): boolean {
	const status = filters.status?.trim().toLowerCase() ?? '';
	if (status !== '' && String(room.status ?? '').toLowerCase() !== status) return false;

	const email = filters.candidateEmail?.trim().toLowerCase() ?? '';
	if (
		email !== '' &&
		!String(room.candidate_email ?? '')
			.toLowerCase()
			.includes(email)
	) {
		return false;
	}
	return true;
}

function byCreationTime(a: IDataObject, b: IDataObject): number {
	const first = parseTimestamp(a.created_at) ?? 0;
	const second = parseTimestamp(b.created_at) ?? 0;
	return first - second;
}

/**
 * Turns new rooms into output items: applies the filters, reads each room's details when asked,
 * and sorts by `created_at` when the list order is unrelated to creation.
 *
 * A room deleted before its details could be read (404) is left out: it no longer exists, so
 * its session link would be useless. Details in `knownDetails`, read earlier in the same poll,
 * are used without a new request.
 */
export async function buildItems(
	api: TriggerApi,
	rooms: RoomSummary[],
	options: EmitOptions,
	creationOrdered: boolean,
	knownDetails: DetailsCache = new Map(),
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];

	for (const room of rooms) {
		if (!matchesFilters(room, options.filters)) continue;
		if (!options.includeDetails) {
			items.push(room);
			continue;
		}

		const details = knownDetails.get(room.room_id) ?? (await api.readRoom(room.room_id));
		if (details === undefined) {
			api.debug('Skipped a new room deleted before its details were read', {
				roomId: room.room_id,
			});
			continue;
		}
		if (matchesFilters(details, options.filters)) items.push(details);
	}

	if (options.includeDetails && !creationOrdered) items.sort(byCreationTime);
	return items;
}

/**
 * Returns the newest room for a manual test run, without reading or changing the state.
 *
 * The newest room is the first or the last of the list when the list is in creation order, so
 * both are read and the later `created_at` wins. Filters do not apply: the run shows sample data.
 *
 * NOTE: for a list order unrelated to creation this is the newer of the first and the last
 * room, not necessarily the newest one.
 */
export async function readNewestRoom(
	api: TriggerApi,
	includeDetails: boolean,
): Promise<IDataObject | undefined> {
	const head = await api.readPage(0, REQUESTED_PAGE_SIZE);
	if (head.rooms.length === 0) return undefined;

	const candidates = [head.rooms[0]];
	const last = head.rooms[head.rooms.length - 1];
	if (head.received < head.limit || head.offset + head.received >= head.total) {
		candidates.push(last);
	} else {
		const tail = await api.readPage(head.total - 1, 1);
		candidates.push(tail.rooms[0] ?? last);
	}

	let newest: { summary: RoomSummary; details: IDataObject } | undefined;
	for (const summary of candidates) {
		const details = await api.readRoom(summary.room_id);
		if (details === undefined) continue;
		if (newest === undefined || byCreationTime(details, newest.details) > 0) {
			newest = { summary, details };
		}
	}

	if (newest === undefined) return undefined;
	return includeDetails ? newest.details : newest.summary;
}
