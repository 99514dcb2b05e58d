import type { IDataObject } from 'n8n-workflow';

import type { OctocularContext } from './index';
import { octocularApiRequest } from './index';

/**
 * Page size requested from GET /rooms. The service may cap it lower and report the applied size
 * in `pagination.limit`.
 */
export const REQUESTED_PAGE_SIZE = 100;

export interface RoomSummary extends IDataObject {
	room_id: string;
}

export interface RoomsPage {
	rooms: RoomSummary[];
	/** Number of entries in `data`, including any without a usable `room_id`. */
	received: number;
	/** Page size the service applied, which may be lower than the one requested. */
	limit: number;
	offset: number;
	/** Number of rooms at the time of this request. */
	total: number;
}

/** Reads one page of GET /rooms and checks the shape of the response. */
export async function listRoomsPage(
	this: OctocularContext,
	baseUrl: string,
	offset: number,
	limit: number,
	itemIndex?: number,
): Promise<RoomsPage> {
	const response = await octocularApiRequest.call(this, baseUrl, {
		method: 'GET',
		path: '/rooms',
		qs: { limit, offset },
		itemIndex,
	});
	const body = response.body ?? {};
	const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const pagination = (body.pagination ?? {}) as IDataObject;

	const rooms = data.filter(
		(room): room is RoomSummary => typeof room?.room_id === 'string' && room.room_id !== '',
	);
	return {
		rooms,
		received: data.length,
		limit: typeof pagination.limit === 'number' && pagination.limit > 0 ? pagination.limit : limit,
		offset: typeof pagination.offset === 'number' ? pagination.offset : offset,
		total: typeof pagination.total === 'number' ? pagination.total : offset + data.length,
	};
}

/** Collects rooms in list order, once per room_id, up to a maximum count. */
class RoomCollector {
	readonly rooms: RoomSummary[] = [];

	private readonly seen = new Set<string>();

	constructor(readonly maxRooms: number) {}

	get remaining(): number {
		return this.maxRooms - this.rooms.length;
	}

	add(rooms: RoomSummary[]): void {
		for (const room of rooms) {
			if (this.remaining <= 0) return;
			if (this.seen.has(room.room_id)) continue;
			this.seen.add(room.room_id);
			this.rooms.push(room);
		}
	}
}

/**
 * Reads GET /rooms until `maxRooms` rooms or the end of the list.
 *
 * The first page shows the page size the service applies, which may be below the requested one,
 * and the total. The offsets of the following pages are then known, and up to `concurrency` of
 * them are read at the same time. A page shorter than expected, because rooms were deleted between
 * requests, makes the next batch start right after it. A room seen twice, because rooms were
 * created between requests, is returned once.
 *
 * NOTE: offset paging gives no snapshot. A room deleted between two page requests shifts the
 * rooms after it one place left, so a room at a page boundary can be skipped in that run.
 */
export async function listRooms(
	this: OctocularContext,
	baseUrl: string,
	maxRooms: number,
	concurrency = 1,
	itemIndex?: number,
): Promise<RoomSummary[]> {
	const collector = new RoomCollector(maxRooms);
	const first = await listRoomsPage.call(
		this,
		baseUrl,
		0,
		Math.min(REQUESTED_PAGE_SIZE, maxRooms),
		itemIndex,
	);
	collector.add(first.rooms);

	const pageSize = Math.max(1, Math.min(first.limit, first.received));
	let offset = first.received;
	let total = first.total;
	let lastReceived = first.received;

	while (collector.remaining > 0 && lastReceived > 0 && offset < total) {
		const offsets: number[] = [];
		for (
			let planned = offset;
			offsets.length < concurrency && planned < total && planned - offset < collector.remaining;
			planned += pageSize
		) {
			offsets.push(planned);
		}

		const pages = await Promise.all(
			offsets.map(
				async (pageOffset) =>
					await listRoomsPage.call(
						this,
						baseUrl,
						pageOffset,
						Math.min(REQUESTED_PAGE_SIZE, collector.remaining - (pageOffset - offset)),
						itemIndex,
					),
			),
		);

		for (let index = 0; index < pages.length; index++) {
			const page = pages[index];
			collector.add(page.rooms);
			offset = offsets[index] + page.received;
			total = page.total;
			lastReceived = page.received;

			const expected = Math.min(pageSize, total - offsets[index]);
			if (page.received < expected) break;
		}
	}
	return collector.rooms;
}
