import type { RoomSummary } from '../transport/paging';
import type { TriggerApi } from './api';
import type { OrderSample } from './detect';
import { MAX_DETECTION_SAMPLES, detectOrder, parseTimestamp, spreadPositions } from './detect';
import { scanRooms } from './scan';
import type { EdgeState, FullScanState, ListOrderSetting, TriggerState } from './state';
import { MAX_ANCHORS, STATE_VERSION, limitAnchors } from './state';
import { fromNewEnd, readNewestCreatedAt } from './watermark';

/** Builds an EdgeState from rooms read in list order at the end where new rooms appear. */
export function edgeStateFrom(
	setting: ListOrderSetting,
	mode: 'newest' | 'oldest',
	ids: string[],
	total: number,
	coversWholeList: boolean,
	newestCreatedAt: string | undefined,
): EdgeState {
	const limited = limitAnchors(ids, mode);
	const state: EdgeState = {
		version: STATE_VERSION,
		setting,
		mode,
		anchors: limited.anchors,
		total,
		complete: coversWholeList && !limited.truncated,
	};
	if (newestCreatedAt !== undefined) state.newestCreatedAt = newestCreatedAt;
	return state;
}

/**
 * Records a baseline for a list in creation order: the first or the last page of the list, and
 * `created_at` of its newest room, read with one detail request.
 */
export async function recordEdgeBaseline(
	api: TriggerApi,
	setting: ListOrderSetting,
	mode: 'newest' | 'oldest',
): Promise<EdgeState> {
	if (mode === 'newest') {
		const head = await scanRooms(api.readPage, 0, { maxPages: 1 });
		const ids = head.rooms.map((room) => room.room_id);
		const newest = await readNewestCreatedAt(api, ids, undefined, new Map());
		return edgeStateFrom(setting, mode, ids, head.firstTotal, head.reachedEnd, newest);
	}

	const first = await api.readPage(0, 1);
	const startOffset = Math.max(0, first.total - MAX_ANCHORS);
	const tail = await scanRooms(api.readPage, startOffset);
	const ids = tail.rooms.map((room) => room.room_id);
	const newest = await readNewestCreatedAt(api, fromNewEnd(ids, mode), undefined, new Map());
	return edgeStateFrom(setting, mode, ids, tail.lastTotal, startOffset === 0, newest);
}

/** Records a baseline that lists every room id. */
export async function recordFullScanBaseline(
	api: TriggerApi,
	setting: ListOrderSetting,
	detectionPending: boolean,
): Promise<FullScanState> {
	const scan = await scanRooms(api.readPage, 0);
	return {
		version: STATE_VERSION,
		setting,
		mode: 'any',
		knownIds: scan.rooms.map((room) => room.room_id),
		detectionPending,
	};
}

/** Reads `created_at` of the rooms at the given positions. Deleted rooms are left out. */
export async function sampleCreationTimes(
	api: TriggerApi,
	rooms: Array<{ position: number; room: RoomSummary }>,
): Promise<OrderSample[] | 'unreadable'> {
	const samples: OrderSample[] = [];
	for (const { position, room } of rooms) {
		const details = await api.readRoom(room.room_id);
		if (details === undefined) continue;

		const createdAt = parseTimestamp(details.created_at);
		if (createdAt === undefined) return 'unreadable';
		samples.push({ position, roomId: room.room_id, createdAt });
	}
	return samples;
}

/**
 * Samples rooms across the whole list: from the first page, the last page, and single rooms in
 * between, each group read in one request.
 */
async function sampleList(
	api: TriggerApi,
): Promise<Array<{ position: number; room: RoomSummary }>> {
	const head = await scanRooms(api.readPage, 0, { maxPages: 1 });
	const picked: Array<{ position: number; room: RoomSummary }> = [];
	const pickFrom = (rooms: RoomSummary[], offset: number, count: number) => {
		for (const index of spreadPositions(rooms.length, count)) {
			picked.push({ position: offset + index, room: rooms[index] });
		}
	};

	if (head.reachedEnd) {
		pickFrom(head.rooms, 0, MAX_DETECTION_SAMPLES);
		return picked;
	}
	const total = head.firstTotal;
	const tailOffset = Math.max(head.pageLimit, total - head.pageLimit);
	const middleLength = tailOffset - head.pageLimit;
	const middleCount = Math.min(MAX_DETECTION_SAMPLES / 3, middleLength);
	const endCount = Math.ceil((MAX_DETECTION_SAMPLES - middleCount) / 2);
	pickFrom(head.rooms, 0, endCount);

	const tail = await api.readPage(tailOffset, head.pageLimit);
	pickFrom(tail.rooms, tailOffset, endCount);

	for (const index of spreadPositions(middleLength, middleCount + 2).slice(1, -1)) {
		const position = head.pageLimit + index;
		const single = await api.readPage(position, 1);
		if (single.rooms.length > 0) picked.push({ position, room: single.rooms[0] });
	}
	return picked;
}

/**
 * Records the first baseline with List Order set to Detect Automatically: samples creation times
 * across the list, then keeps anchors for a creation order or every id otherwise.
 */
export async function recordDetectedBaseline(api: TriggerApi): Promise<TriggerState> {
	const samples = await sampleCreationTimes(api, await sampleList(api));
	const order = samples === 'unreadable' ? 'any' : detectOrder(samples);
	api.debug('Detected the room list order', { order: order ?? 'not yet known' });

	if (order === 'newest' || order === 'oldest') {
		return await recordEdgeBaseline(api, 'detect', order);
	}
	return await recordFullScanBaseline(api, 'detect', order === undefined);
}

/** Records the first baseline for a List Order setting. */
export async function recordBaseline(
	api: TriggerApi,
	setting: ListOrderSetting,
): Promise<TriggerState> {
	if (setting === 'detect') return await recordDetectedBaseline(api);
	if (setting === 'any') return await recordFullScanBaseline(api, setting, false);
	return await recordEdgeBaseline(api, setting, setting);
}
