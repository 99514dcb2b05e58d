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

/** Number of anchors an oldest-first poll reads before the place where new rooms start. */
export const OLDEST_START_MARGIN = 20;

export interface PollPlan {
	/** State to save once the rooms are emitted. */
	state: TriggerState;
	/** New rooms, oldest first when the list is in creation order, else in list order. */
	newRooms: RoomSummary[];
	/** Whether the order of `newRooms` follows creation. */
	creationOrdered: boolean;
}

interface EdgeRead {
	result: EdgeResult;
	rooms: RoomSummary[];
	total: number;
}

async function readNewest(api: TriggerApi, state: EdgeState): Promise<EdgeRead> {
	const anchors = new Set(state.anchors);
	const scan = await scanRooms(api.readPage, 0, {
		stopAfter: (page) => page.some((room) => anchors.has(room.room_id)),
	});
	const ids = scan.rooms.map((room) => room.room_id);
	const result = classifyNewest(state, ids, scan.firstTotal, scan.reachedEnd);
	return { result, rooms: scan.rooms, total: scan.firstTotal };
}

async function readOldest(api: TriggerApi, state: EdgeState): Promise<EdgeRead> {
	const margin = Math.min(state.anchors.length, OLDEST_START_MARGIN);
	let startOffset = Math.max(0, state.total - margin);

	for (let attempt = 1; ; attempt++) {
		const scan = await scanRooms(api.readPage, startOffset);
		const ids = scan.rooms.map((room) => room.room_id);
		const result = classifyOldest(state, ids, startOffset, scan.lastTotal);
		if (result.kind !== 'start-lower') {
			return { result, rooms: scan.rooms, total: scan.lastTotal };
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

	if (result.kind === 'ok') {
		return {
			state: { ...state, anchors: result.anchors, total: read.total, complete: result.complete },
			newRooms: summariesOf(result.newIds, read.rooms),
			creationOrdered: true,
		};
	}

	if (result.kind === 'no-anchor') {
		// NOTE: every stored anchor was deleted since the last poll, so new rooms cannot be
		// distinguished from old ones. Rooms created since the last poll are not emitted.
		api.warn('Every known room near the end of the list was deleted; recorded a new baseline', {
			listOrder: state.mode,
			anchors: state.anchors.length,
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
		return edgeStateFrom('detect', order, ids, total, true);
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
