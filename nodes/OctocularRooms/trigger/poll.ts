import { NodeOperationError } from 'n8n-workflow';

import type { RoomSummary } from '../transport/paging';
import type { TriggerApi } from './api';
import { summariesOf } from './api';
import {
	edgeStateFrom,
	recordBaseline,
	recordEdgeBaseline,
	recordFullScanBaseline,
	sampleCreationTimes,
} from './baseline';
import {
	MAX_DETECTION_SAMPLES,
	MIN_DETECTION_SAMPLES,
	detectOrder,
	spreadPositions,
} from './detect';
import type { EdgeResult } from './edge';
import { classifyFullScan, classifyNewest, classifyOldest } from './edge';
import { scanRooms } from './scan';
import type { EdgeState, FullScanState, ListOrderSetting, TriggerState } from './state';
import type { DetailsCache } from './watermark';
import { fromNewEnd, readNewestCreatedAt, walkPastWatermark } from './watermark';

/** Number of anchors an oldest-first poll reads before the place where new rooms start. */
export const OLDEST_START_MARGIN = 20;

export interface PollPlan {
	/** State to save once the rooms are emitted. */
	state: TriggerState;
	/** New rooms, oldest first when the list is in creation order, else in list order. */
	newRooms: RoomSummary[];
	/** Whether the order of `newRooms` follows creation. */
	creationOrdered: boolean;
	/** Room details already read by this poll, for the output items. */
	details?: DetailsCache;
}

interface EdgeRead {
	result: EdgeResult;
	rooms: RoomSummary[];
	total: number;
	/** Whether `rooms` runs from one end of the list to the other. */
	coversWholeList: boolean;
}

async function readNewest(api: TriggerApi, state: EdgeState): Promise<EdgeRead> {
	const anchors = new Set(state.anchors);
	const scan = await scanRooms(api.readPage, 0, {
		stopAfter: (page) => page.some((room) => anchors.has(room.room_id)),
	});
	const ids = scan.rooms.map((room) => room.room_id);
	const result = classifyNewest(state, ids, scan.firstTotal, scan.reachedEnd);
	return { result, rooms: scan.rooms, total: scan.firstTotal, coversWholeList: scan.reachedEnd };
}

async function readOldest(api: TriggerApi, state: EdgeState): Promise<EdgeRead> {
	const margin = Math.min(state.anchors.length, OLDEST_START_MARGIN);
	let startOffset = Math.max(0, state.total - margin);

	for (let attempt = 1; ; attempt++) {
		const scan = await scanRooms(api.readPage, startOffset);
		const ids = scan.rooms.map((room) => room.room_id);
		const result = classifyOldest(state, ids, startOffset, scan.lastTotal);
		if (result.kind !== 'start-lower') {
			const coversWholeList = startOffset === 0;
			return { result, rooms: scan.rooms, total: scan.lastTotal, coversWholeList };
		}

		// Deletes moved the anchors left of startOffset: read again from further left.
		startOffset = Math.max(0, startOffset - scan.pageLimit * 2 ** attempt);
	}
}

async function pollEdge(
	api: TriggerApi,
	setting: ListOrderSetting,
	state: EdgeState,
): Promise<PollPlan> {
	const read =
		state.mode === 'newest' ? await readNewest(api, state) : await readOldest(api, state);
	const { result } = read;
	const details: DetailsCache = new Map();
	const idsFromNewEnd = fromNewEnd(
		read.rooms.map((room) => room.room_id),
		state.mode,
	);

	if (result.kind === 'ok') {
		const newRooms = summariesOf(result.newIds, read.rooms);
		let { newestCreatedAt } = state;
		// A state saved before the watermark existed gets one on its first poll.
		if (newRooms.length > 0 || newestCreatedAt === undefined) {
			newestCreatedAt = await readNewestCreatedAt(api, idsFromNewEnd, newestCreatedAt, details);
		}
		const next: EdgeState = {
			...state,
			anchors: result.anchors,
			total: read.total,
			complete: result.complete,
		};
		if (newestCreatedAt === undefined) delete next.newestCreatedAt;
		else next.newestCreatedAt = newestCreatedAt;
		return { state: next, newRooms, creationOrdered: true, details };
	}

	if (result.kind === 'no-anchor') {
		// Every stored anchor was deleted since the last poll. The read covers the whole list, so
		// the rooms created after the watermark are found by walking from the new end.
		// NOTE: rooms created since the last poll are not emitted when the state has no watermark
		// or a walked room has an invalid or out-of-order created_at. A new baseline is recorded.
		// A new room whose created_at equals the watermark is taken for an old one.
		const walk =
			state.newestCreatedAt === undefined
				? { kind: 'unusable' as const, reason: 'the state has no created_at' }
				: await walkPastWatermark(api, idsFromNewEnd, state.newestCreatedAt, details);
		const logMeta = { listOrder: state.mode, anchors: state.anchors.length };

		if (walk.kind === 'ok') {
			api.debug(
				'Every known room near the end of the list was deleted; found new rooms by created_at',
				{
					...logMeta,
					newRooms: walk.newIds.length,
				},
			);
			const ids = read.rooms.map((room) => room.room_id);
			return {
				state: edgeStateFrom(
					setting,
					state.mode,
					ids,
					read.total,
					read.coversWholeList,
					walk.newestCreatedAt,
				),
				newRooms: summariesOf(walk.newIds, read.rooms),
				creationOrdered: true,
				details,
			};
		}

		api.warn('Every known room near the end of the list was deleted; recorded a new baseline', {
			...logMeta,
			reason: walk.reason,
		});
		return {
			state: await recordEdgeBaseline(api, setting, state.mode),
			newRooms: [],
			creationOrdered: true,
		};
	}

	const reason = result.kind === 'order-broken' ? result.reason : 'no anchor before the start';
	if (setting !== 'detect') {
		throw new NodeOperationError(
			api.node,
			`The room list is not in the order set in List Order (${setting}): ${reason}`,
			{ description: 'Set List Order to Any Order or Detect Automatically.' },
		);
	}

	// NOTE: the anchors do not show which of the other listed rooms are new, so rooms created
	// since the last poll outside the end that was read are not emitted.
	api.warn('The room list is not in creation order after all; switched to reading every page', {
		assumedOrder: state.mode,
		reason,
	});
	return {
		state: await recordFullScanBaseline(api, setting, false),
		newRooms: [],
		creationOrdered: false,
	};
}

/** Detects the order from a full, unchanged read of the list, once it is long enough. */
async function detectFromScan(
	api: TriggerApi,
	rooms: RoomSummary[],
	total: number,
): Promise<TriggerState | 'any' | undefined> {
	const picked = spreadPositions(rooms.length, MAX_DETECTION_SAMPLES).map((position) => ({
		position,
		room: rooms[position],
	}));
	const samples = await sampleCreationTimes(api, picked);
	const order = samples === 'unreadable' ? 'any' : detectOrder(samples);
	if (order === 'newest' || order === 'oldest') {
		const ids = rooms.map((room) => room.room_id);
		const newest = await readNewestCreatedAt(api, fromNewEnd(ids, order), undefined, new Map());
		return edgeStateFrom('detect', order, ids, total, true, newest);
	}
	return order;
}

async function pollFullScan(
	api: TriggerApi,
	setting: ListOrderSetting,
	state: FullScanState,
): Promise<PollPlan> {
	const scan = await scanRooms(api.readPage, 0);
	const ids = scan.rooms.map((room) => room.room_id);
	const newRooms = summariesOf(classifyFullScan(state.knownIds, ids), scan.rooms);
	let next: TriggerState = { ...state, knownIds: ids };

	const canDetect = scan.stable && ids.length >= MIN_DETECTION_SAMPLES;
	if (setting === 'detect' && state.detectionPending && canDetect) {
		const detected = await detectFromScan(api, scan.rooms, scan.lastTotal);
		if (detected === 'any') next = { ...next, detectionPending: false };
		else if (detected !== undefined) next = detected;
	}
	return { state: next, newRooms, creationOrdered: false };
}

/**
 * Reads the list and works out the new rooms and the next state, without saving anything.
 * Returns a baseline with no new rooms when there is no usable previous state.
 */
export async function planPoll(
	api: TriggerApi,
	setting: ListOrderSetting,
	previous: TriggerState | undefined,
): Promise<PollPlan> {
	if (previous === undefined) {
		const state = await recordBaseline(api, setting);
		return { state, newRooms: [], creationOrdered: true };
	}
	if (previous.mode === 'any') return await pollFullScan(api, setting, previous);
	return await pollEdge(api, setting, previous);
}
