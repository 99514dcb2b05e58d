import type { IDataObject } from 'n8n-workflow';

import type { OctocularContext } from './index';
import { octocularApiRequest } from './index';

/** Page size requested from GET /rooms. The service may cap it lower and report the applied size in `pagination.limit`. */
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

/**
 * Reads GET /rooms page by page until `maxRooms` rooms or the end of the list.
 *
 * The next offset advances by the number of rooms the page returned, so a page size capped by
 * the service is handled. A room seen twice, because rooms were created between two page
 * requests, is returned once.
 */
export async function listRooms(
	this: OctocularContext,
	baseUrl: string,
	maxRooms: number,
	itemIndex?: number,
): Promise<RoomSummary[]> {
	const rooms: RoomSummary[] = [];
	const seen = new Set<string>();
	let offset = 0;

	while (rooms.length < maxRooms) {
		const wanted = Math.min(REQUESTED_PAGE_SIZE, maxRooms - rooms.length);
		const page = await listRoomsPage.call(this, baseUrl, offset, wanted, itemIndex);

		for (const room of page.rooms) {
			if (seen.has(room.room_id) || rooms.length >= maxRooms) continue;
			seen.add(room.room_id);
			rooms.push(room);
		}

		offset += page.received;
		if (page.received === 0 || offset >= page.total) break;
	}
	return rooms;
}
