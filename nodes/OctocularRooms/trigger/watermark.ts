import type { IDataObject } from 'n8n-workflow';

import type { TriggerApi } from './api';
import { parseTimestamp } from './detect';

/** Room details read during one poll, by room id, so that no room is read twice. */
export type DetailsCache = Map<string, IDataObject>;

/** Returns `ids`, listed in creation order, reordered to start at the end where new rooms appear. */
export function fromNewEnd(ids: string[], mode: 'newest' | 'oldest'): string[] {
	return mode === 'newest' ? [...ids] : [...ids].reverse();
}

async function readDetails(
	api: TriggerApi,
	roomId: string,
	cache: DetailsCache,
): Promise<IDataObject | undefined> {
	const cached = cache.get(roomId);
	if (cached !== undefined) return cached;

	const details = await api.readRoom(roomId);
	if (details !== undefined) cache.set(roomId, details);
	return details;
}

/**
 * Reads `created_at` of the first room in `idsFromNewEnd` that still exists, skipping rooms that
 * return 404, and returns the later of it and `previous`. Returns `previous` when no listed room
 * exists any more, and undefined when a timestamp cannot be parsed, so that a watermark is never
 * earlier than a known room.
 */
export async function readNewestCreatedAt(
	api: TriggerApi,
	idsFromNewEnd: string[],
	previous: string | undefined,
	cache: DetailsCache,
): Promise<string | undefined> {
	for (const roomId of idsFromNewEnd) {
		const details = await readDetails(api, roomId, cache);
		if (details === undefined) continue;

		const createdAt = details.created_at;
		const micros = parseTimestamp(createdAt);
		if (micros === undefined) return undefined;
		if (previous === undefined) return createdAt as string;

		const previousMicros = parseTimestamp(previous);
		if (previousMicros === undefined) return undefined;
		return previousMicros > micros ? previous : (createdAt as string);
	}
	return previous;
}

export type WatermarkWalk =
	| {
			kind: 'ok';
			/** Ids of rooms created after the watermark, oldest first. */
			newIds: string[];
			/** `created_at` of the newest room read, or the watermark when no room is new. */
			newestCreatedAt: string;
	  }
	/** The walk cannot tell new rooms from old ones, as `reason` describes. */
	| { kind: 'unusable'; reason: string };

/**
 * Finds the rooms created after `watermark` by reading details from the end of the list where
 * new rooms appear, one room at a time. It stops at the first room created at or before the
 * watermark, because the rest of a list in creation order is older. Rooms that return 404 were
 * deleted and are skipped. Costs one detail request per new room plus one.
 */
export async function walkPastWatermark(
	api: TriggerApi,
	idsFromNewEnd: string[],
	watermark: string,
	cache: DetailsCache,
): Promise<WatermarkWalk> {
	const limit = parseTimestamp(watermark);
	if (limit === undefined) {
		return { kind: 'unusable', reason: `the stored created_at ${watermark} is invalid` };
	}

	const newIds: string[] = [];
	let newestCreatedAt = watermark;
	let previousMicros = Number.POSITIVE_INFINITY;

	for (const roomId of idsFromNewEnd) {
		const details = await readDetails(api, roomId, cache);
		if (details === undefined) continue;

		const micros = parseTimestamp(details.created_at);
		if (micros === undefined) {
			return { kind: 'unusable', reason: `room ${roomId} has an invalid created_at` };
		}
		// A room newer than the one read before it shows that the list is not in creation order.
		if (micros > previousMicros) {
			return { kind: 'unusable', reason: `room ${roomId} is out of creation order` };
		}
		previousMicros = micros;

		if (micros <= limit) break;
		if (newIds.length === 0) newestCreatedAt = details.created_at as string;
		newIds.push(roomId);
	}
	return { kind: 'ok', newIds: newIds.reverse(), newestCreatedAt };
}
