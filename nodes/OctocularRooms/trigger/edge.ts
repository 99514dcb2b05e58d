import type { EdgeState } from './state';
import { limitAnchors } from './state';

/** Result of comparing the ids read at one end of the list with the anchors of the state. */
export type EdgeResult =
	| {
			kind: 'ok';
			/** Ids of new rooms, oldest first. */
			newIds: string[];
			anchors: string[];
			complete: boolean;
	  }
	/** No anchor is left in the part of the list that was read, and the state was not complete. */
	| { kind: 'no-anchor' }
	/** The oldest-first scan started too far right to reach an anchor; read again from lower. */
	| { kind: 'start-lower' }
	/** The list contradicts the assumed order, as `reason` describes. */
	| { kind: 'order-broken'; reason: string };

interface AnchorWalk {
	firstFound: number;
	/** Stored indexes of anchors that are gone for certain. */
	deleted: Set<number>;
	/** Index in the read ids after which only unknown ids appear, or -1. */
	lastAnchorPosition: number;
	broken?: string;
}

/**
 * Walks the read ids from the first anchor on. In a list in creation order the surviving anchors
 * keep their stored order and form one block: an unknown id between two anchors, or anchors out
 * of order, prove that the list is not in the assumed order.
 */
function walkAnchors(ids: string[], anchors: string[]): AnchorWalk {
	const anchorIndex = new Map<string, number>();
	anchors.forEach((id, index) => anchorIndex.set(id, index));

	const firstFound = ids.findIndex((id) => anchorIndex.has(id));
	const deleted = new Set<number>();
	if (firstFound < 0) return { firstFound, deleted, lastAnchorPosition: -1 };

	let previousIndex = anchorIndex.get(ids[firstFound]) as number;
	let lastAnchorPosition = firstFound;
	let unknownSeen = false;

	for (let position = firstFound + 1; position < ids.length; position++) {
		const index = anchorIndex.get(ids[position]);
		if (index === undefined) {
			unknownSeen = true;
			continue;
		}
		if (unknownSeen) {
			return { firstFound, deleted, lastAnchorPosition, broken: 'an unknown room between anchors' };
		}
		if (index <= previousIndex) {
			return { firstFound, deleted, lastAnchorPosition, broken: 'anchors out of their order' };
		}
		for (let skipped = previousIndex + 1; skipped < index; skipped++) deleted.add(skipped);
		previousIndex = index;
		lastAnchorPosition = position;
	}

	// The whole anchor block was read when an unknown id follows it, so the rest is gone.
	if (unknownSeen) {
		for (let index = previousIndex + 1; index < anchors.length; index++) deleted.add(index);
	}
	return { firstFound, deleted, lastAnchorPosition };
}

function checkTotal(state: EdgeState, total: number, newCount: number): string | undefined {
	// Deletes only lower the total, so more rooms than known plus new means a new room elsewhere.
	if (total > state.total + newCount) {
		return `total ${total} exceeds the ${state.total} known rooms plus ${newCount} new ones`;
	}
	return undefined;
}

/**
 * Finds the new rooms of a newest-first list.
 *
 * @param ids room ids read from offset 0, in list order, up to the first page with an anchor or
 *   the end of the list
 * @param total `total` of the first page, read before any of the new rooms could be missed
 */
export function classifyNewest(
	state: EdgeState,
	ids: string[],
	total: number,
	reachedEnd: boolean,
): EdgeResult {
	const walk = walkAnchors(ids, state.anchors);
	if (walk.broken) return { kind: 'order-broken', reason: walk.broken };

	if (walk.firstFound < 0 && !(reachedEnd && state.complete)) return { kind: 'no-anchor' };
	const boundary = walk.firstFound < 0 ? ids.length : walk.firstFound;
	const newIds = ids.slice(0, boundary);

	const totalProblem = checkTotal(state, total, newIds.length);
	if (totalProblem) return { kind: 'order-broken', reason: totalProblem };

	// The read started at offset 0, so anchors stored before the first one found are gone. The
	// other unread anchors lie after the read part, unless the walk proved them deleted.
	const firstIndex =
		walk.firstFound < 0 ? state.anchors.length : state.anchors.indexOf(ids[walk.firstFound]);
	const read = new Set(ids);
	const unread = state.anchors.filter(
		(id, index) => index > firstIndex && !read.has(id) && !walk.deleted.has(index) && !reachedEnd,
	);
	const merged = [...ids, ...unread];
	const limited = limitAnchors(merged, 'newest');

	return {
		kind: 'ok',
		newIds: newIds.reverse(),
		anchors: limited.anchors,
		complete: (state.complete || reachedEnd) && !limited.truncated,
	};
}

/**
 * Finds the new rooms of an oldest-first list.
 *
 * @param ids room ids read from `startOffset` to the end of the list, in list order
 * @param total `total` of the last page, which read the end of the list
 */
export function classifyOldest(
	state: EdgeState,
	ids: string[],
	startOffset: number,
	total: number,
): EdgeResult {
	const walk = walkAnchors(ids, state.anchors);
	if (walk.broken) return { kind: 'order-broken', reason: walk.broken };

	if (walk.firstFound < 0) {
		if (startOffset > 0) return { kind: 'start-lower' };
		if (!state.complete) return { kind: 'no-anchor' };
	}
	const anchorSet = new Set(state.anchors);
	const boundary = walk.firstFound < 0 ? 0 : walk.firstFound;
	const newIds = ids.slice(boundary).filter((id) => !anchorSet.has(id));

	const totalProblem = checkTotal(state, total, newIds.length);
	if (totalProblem) return { kind: 'order-broken', reason: totalProblem };

	// Anchors before the first one found are before startOffset, unless old rooms were read
	// before it: then the read passed them, so they are gone.
	const keptBefore: string[] = [];
	if (walk.firstFound === 0) {
		const firstIndex = state.anchors.indexOf(ids[0]);
		keptBefore.push(...state.anchors.slice(0, firstIndex));
	}
	const merged = [...keptBefore, ...ids];
	const limited = limitAnchors(merged, 'oldest');

	return {
		kind: 'ok',
		newIds,
		anchors: limited.anchors,
		complete: (state.complete || startOffset === 0) && !limited.truncated,
	};
}

/** Finds the new rooms of a list in any order by comparing it with every known id. */
export function classifyFullScan(knownIds: string[], ids: string[]): string[] {
	const known = new Set(knownIds);
	return ids.filter((id) => !known.has(id));
}
