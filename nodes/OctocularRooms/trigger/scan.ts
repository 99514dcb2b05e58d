import { ApplicationError } from 'n8n-workflow';

import type { RoomSummary, RoomsPage } from '../transport/paging';
import { REQUESTED_PAGE_SIZE } from '../transport/paging';

/** Reads one page of GET /rooms; the trigger passes the transport, the unit tests a fake. */
export type PageReader = (offset: number, limit: number) => Promise<RoomsPage>;

/**
 * Number of rooms each page repeats from the previous one. A repeated room proves that no room
 * was skipped when rooms before it were deleted between the two requests.
 */
export const PAGE_OVERLAP = 5;

/** Maximum number of times one scan moves back after the list shifted under it. */
export const MAX_STEP_BACKS = 8;

/** Thrown when the list changed so much during a scan that no gap-free read was possible. */
export class ListChangedError extends ApplicationError {}

export interface ScanResult {
	/** Rooms read, once each, in list order. */
	rooms: RoomSummary[];
	/** `total` of the first page. */
	firstTotal: number;
	/** `total` of the last page. */
	lastTotal: number;
	/** Whether the scan read to the end of the list. */
	reachedEnd: boolean;
	/** Whether every page reported the same total, so the list most likely did not change. */
	stable: boolean;
	/** Page size the service applied to the first page. */
	pageLimit: number;
	requests: number;
}

export interface ScanOptions {
	/** Stops after the first page for which this returns true. */
	stopAfter?: (page: RoomSummary[]) => boolean;
	/** Stops after this many pages; the default reads to the end. */
	maxPages?: number;
}

/**
 * Reads GET /rooms from `startOffset` towards the end, without gaps.
 *
 * Each page after the first starts PAGE_OVERLAP rooms before the end of the previous one and must
 * contain a room read before. Deleted rooms shift the list left; when no read room comes back,
 * the scan steps back one page and reads again, at most MAX_STEP_BACKS times. Rooms created
 * during the scan may appear twice and are kept once. When the service caps pages to one room no
 * overlap is possible, so an unchanged `total` is taken as the sign of continuity instead.
 */
export async function scanRooms(
	readPage: PageReader,
	startOffset: number,
	options: ScanOptions = {},
): Promise<ScanResult> {
	const rooms: RoomSummary[] = [];
	const seen = new Set<string>();
	let page = await readPage(startOffset, REQUESTED_PAGE_SIZE);
	let requests = 1;
	let pages = 1;
	let stepBacks = 0;
	const firstTotal = page.total;
	const pageLimit = page.limit;
	let stable = true;
	let previousTotal = page.total;

	const keep = (batch: RoomSummary[]) => {
		for (const room of batch) {
			if (seen.has(room.room_id)) continue;
			seen.add(room.room_id);
			rooms.push(room);
		}
	};
	keep(page.rooms);

	for (;;) {
		const atEnd = page.received < page.limit || page.offset + page.received >= page.total;
		if (atEnd)
			return {
				rooms,
				firstTotal,
				lastTotal: page.total,
				reachedEnd: true,
				stable,
				pageLimit,
				requests,
			};

		const stop = options.stopAfter?.(page.rooms) ?? false;
		if (stop || (options.maxPages !== undefined && pages >= options.maxPages)) {
			return {
				rooms,
				firstTotal,
				lastTotal: page.total,
				reachedEnd: false,
				stable,
				pageLimit,
				requests,
			};
		}

		const overlap = Math.min(PAGE_OVERLAP, Math.floor(page.limit / 2));
		let offset = page.offset + page.received - overlap;

		for (;;) {
			const next = await readPage(offset, REQUESTED_PAGE_SIZE);
			requests++;
			if (next.total !== previousTotal) stable = false;
			previousTotal = next.total;

			const continuous =
				overlap > 0 ? next.rooms.some((room) => seen.has(room.room_id)) : next.total === page.total;
			if (continuous || offset === 0) {
				page = next;
				pages++;
				keep(page.rooms);
				break;
			}

			stepBacks++;
			if (stepBacks > MAX_STEP_BACKS) {
				throw new ListChangedError(
					`The room list changed too much while it was read (${stepBacks - 1} step backs)`,
				);
			}
			offset = Math.max(0, offset - Math.max(next.limit, 1) * stepBacks);
		}
	}
}
