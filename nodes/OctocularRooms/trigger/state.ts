import type { IDataObject } from 'n8n-workflow';

import { parseTimestamp } from './detect';

/** Key of the trigger state inside the node's workflow static data. */
export const STATE_KEY = 'roomsTrigger';

export const STATE_VERSION = 1;

/** Value of the List Order option. */
export type ListOrderSetting = 'detect' | 'newest' | 'oldest' | 'any';

/**
 * Strategy of a state: `newest` and `oldest` keep anchors at the end of the list where new rooms
 * appear, `any` keeps every known room id and reads every page.
 */
export type PollMode = 'newest' | 'oldest' | 'any';

/** State for a list in creation order: a bounded set of ids next to where new rooms appear. */
export interface EdgeState {
	version: typeof STATE_VERSION;
	setting: ListOrderSetting;
	mode: 'newest' | 'oldest';
	/**
	 * Known room ids nearest the end where new rooms appear, in list order. For `newest` these are
	 * the first ids of the list, for `oldest` the last ones.
	 */
	anchors: string[];
	/** `total` of GET /rooms when the state was saved. */
	total: number;
	/** Whether `anchors` contained every room in the list when the state was saved. */
	complete: boolean;
	/**
	 * `created_at` of the newest room the trigger has read, as the service sent it. When every
	 * anchor is deleted, rooms created after it are new. States saved before this field existed,
	 * or whose newest room had an invalid timestamp, lack it.
	 */
	newestCreatedAt?: string;
}

/** State for a list whose order is unrelated to creation: every room id seen in the last poll. */
export interface FullScanState {
	version: typeof STATE_VERSION;
	setting: ListOrderSetting;
	mode: 'any';
	/** Room ids listed by the last successful poll. */
	knownIds: string[];
	/**
	 * Whether the list order still has to be detected. Only used with List Order set to Detect
	 * Automatically, while the list is too short to tell.
	 */
	detectionPending: boolean;
}

export type TriggerState = EdgeState | FullScanState;

/** Maximum number of anchors kept by an EdgeState. */
export const MAX_ANCHORS = 100;

/** Maximum combined length of the anchors, in characters, so the state stays under 8 KB. */
export const MAX_ANCHOR_CHARACTERS = 6_000;

function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/**
 * Reads the trigger state from the node's static data. Returns undefined when there is none, when
 * it comes from another version, or when it was recorded for another List Order setting, so the
 * caller records a new baseline.
 */
export function readState(
	staticData: IDataObject,
	setting: ListOrderSetting,
): TriggerState | undefined {
	const raw = staticData[STATE_KEY];
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;

	const state = raw as Record<string, unknown>;
	if (state.version !== STATE_VERSION || state.setting !== setting) return undefined;

	if (state.mode === 'newest' || state.mode === 'oldest') {
		const valid =
			isStringArray(state.anchors) &&
			typeof state.total === 'number' &&
			Number.isInteger(state.total) &&
			state.total >= 0 &&
			typeof state.complete === 'boolean';
		if (!valid) return undefined;
		const edge: EdgeState = {
			version: STATE_VERSION,
			setting,
			mode: state.mode,
			anchors: [...(state.anchors as string[])],
			total: state.total as number,
			complete: state.complete as boolean,
		};
		// An invalid watermark is dropped, so the poll falls back to a new baseline if needed.
		if (parseTimestamp(state.newestCreatedAt) !== undefined) {
			edge.newestCreatedAt = state.newestCreatedAt as string;
		}
		return edge;
	}

	if (state.mode === 'any') {
		if (!isStringArray(state.knownIds) || typeof state.detectionPending !== 'boolean') {
			return undefined;
		}
		return {
			version: STATE_VERSION,
			setting,
			mode: 'any',
			knownIds: [...state.knownIds],
			detectionPending: state.detectionPending,
		};
	}
	return undefined;
}

/** Stores the state as plain JSON values, replacing the previous one. */
export function writeState(staticData: IDataObject, state: TriggerState): void {
	staticData[STATE_KEY] = JSON.parse(JSON.stringify(state)) as IDataObject;
}

/**
 * Keeps at most MAX_ANCHORS ids and MAX_ANCHOR_CHARACTERS characters, taken from the end of the
 * list where new rooms appear: the start for `newest`, the end for `oldest`. At least one id is
 * always kept. Returns the selected ids and whether all of them fit.
 */
export function limitAnchors(
	ids: string[],
	mode: 'newest' | 'oldest',
): { anchors: string[]; truncated: boolean } {
	const ordered = mode === 'newest' ? ids : [...ids].reverse();
	const selected: string[] = [];
	let characters = 0;

	for (const id of ordered) {
		if (selected.length >= MAX_ANCHORS) break;
		if (selected.length > 0 && characters + id.length > MAX_ANCHOR_CHARACTERS) break;
		selected.push(id);
		characters += id.length;
	}

	const anchors = mode === 'newest' ? selected : selected.reverse();
	return { anchors, truncated: selected.length < ids.length };
}
