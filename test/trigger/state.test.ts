import type { IDataObject, INode } from 'n8n-workflow';

import type { TriggerApi } from '../../nodes/OctocularRooms/trigger/api';
import {
	detectOrder,
	parseTimestamp,
	spreadPositions,
} from '../../nodes/OctocularRooms/trigger/detect';
import {
	classifyFullScan,
	classifyNewest,
	classifyOldest,
} from '../../nodes/OctocularRooms/trigger/edge';
import type { PageReader } from '../../nodes/OctocularRooms/trigger/scan';
import { ListChangedError, scanRooms } from '../../nodes/OctocularRooms/trigger/scan';
import type { EdgeState } from '../../nodes/OctocularRooms/trigger/state';
import {
	MAX_ANCHORS,
	STATE_KEY,
	limitAnchors,
	readState,
	writeState,
} from '../../nodes/OctocularRooms/trigger/state';
import {
	readNewestCreatedAt,
	walkPastWatermark,
} from '../../nodes/OctocularRooms/trigger/watermark';

function edge(
	mode: 'newest' | 'oldest',
	anchors: string[],
	total: number,
	complete = false,
): EdgeState {
	return { version: 1, setting: mode, mode, anchors, total, complete };
}

describe('classifyNewest', () => {
	test('rooms before the first anchor are new', () => {
		const state = edge('newest', ['a3', 'a2', 'a1'], 10);
		const result = classifyNewest(state, ['n2', 'n1', 'a3', 'a2', 'a1', 'o9'], 12, false);

		expect(result.kind).toBe('ok');
		if (result.kind !== 'ok') return;
		expect(result.newIds).toEqual(['n1', 'n2']);
		expect(result.anchors.slice(0, 5)).toEqual(['n2', 'n1', 'a3', 'a2', 'a1']);
	});

	test('deleted anchors are skipped', () => {
		const state = edge('newest', ['a3', 'a2', 'a1'], 10);
		const result = classifyNewest(state, ['n1', 'a2', 'o9'], 9, false);

		expect(result).toMatchObject({ kind: 'ok', newIds: ['n1'], anchors: ['n1', 'a2', 'o9'] });
	});

	test('unknown room between anchors breaks the order', () => {
		const state = edge('newest', ['a3', 'a2', 'a1'], 10);
		const result = classifyNewest(state, ['a3', 'x', 'a2'], 11, false);

		expect(result.kind).toBe('order-broken');
	});

	test('total above known plus new breaks the order', () => {
		const state = edge('newest', ['a3', 'a2'], 10);
		const result = classifyNewest(state, ['n1', 'a3', 'a2'], 12, false);

		expect(result.kind).toBe('order-broken');
	});

	test('no anchor left is ambiguous unless complete', () => {
		const partial = edge('newest', ['a2', 'a1'], 50);
		const complete = edge('newest', ['a2', 'a1'], 2, true);

		expect(classifyNewest(partial, ['n1', 'o1'], 2, true).kind).toBe('no-anchor');
		expect(classifyNewest(complete, ['n1'], 1, true)).toMatchObject({ kind: 'ok', newIds: ['n1'] });
	});
});

describe('classifyOldest', () => {
	test('rooms after the anchors are new', () => {
		const state = edge('oldest', ['a1', 'a2', 'a3'], 10);
		const result = classifyOldest(state, ['a2', 'a3', 'n1', 'n2'], 8, 12);

		expect(result).toMatchObject({ kind: 'ok', newIds: ['n1', 'n2'] });
		if (result.kind !== 'ok') return;
		expect(result.anchors).toEqual(['a1', 'a2', 'a3', 'n1', 'n2']);
	});

	test('no anchor in the read part asks to start lower', () => {
		const state = edge('oldest', ['a1', 'a2'], 10);

		expect(classifyOldest(state, ['n1'], 8, 9).kind).toBe('start-lower');
	});

	test('old rooms read before the anchors stay old', () => {
		const state = edge('oldest', ['a1', 'a2'], 10);
		const result = classifyOldest(state, ['o7', 'a2', 'n1'], 0, 10);

		expect(result).toMatchObject({ kind: 'ok', newIds: ['n1'] });
	});

	test('anchors out of order break the order', () => {
		const state = edge('oldest', ['a1', 'a2', 'a3'], 10);

		expect(classifyOldest(state, ['a3', 'a1'], 8, 10).kind).toBe('order-broken');
	});
});

describe('classifyFullScan', () => {
	test('returns unknown ids in list order', () => {
		expect(classifyFullScan(['a', 'b'], ['c', 'a', 'd', 'b'])).toEqual(['c', 'd']);
	});
});

describe('limitAnchors', () => {
	test('keeps the ids nearest the new end', () => {
		const ids = Array.from({ length: MAX_ANCHORS + 5 }, (_, index) => `id${index}`);

		expect(limitAnchors(ids, 'newest').anchors[0]).toBe('id0');
		expect(limitAnchors(ids, 'oldest').anchors.at(-1)).toBe(`id${MAX_ANCHORS + 4}`);
		expect(limitAnchors(ids, 'oldest').truncated).toBe(true);
	});

	test('stays under 8 KB for long ids', () => {
		const ids = Array.from({ length: MAX_ANCHORS }, (_, index) => `${'x'.repeat(300)}${index}`);
		const state = { ...edge('newest', limitAnchors(ids, 'newest').anchors, 100_000) };

		expect(JSON.stringify(state).length).toBeLessThan(8 * 1024);
	});
});

describe('readState', () => {
	test('round-trips through JSON', () => {
		const staticData = {};
		writeState(staticData, edge('oldest', ['a', 'b'], 2, true));
		const reloaded = JSON.parse(JSON.stringify(staticData));

		expect(readState(reloaded, 'oldest')).toEqual(edge('oldest', ['a', 'b'], 2, true));
	});

	test('keeps a valid newestCreatedAt only', () => {
		const createdAt = '2026-01-01T10:00:00.000001+00:00';
		const valid = { [STATE_KEY]: { ...edge('newest', ['a'], 1), newestCreatedAt: createdAt } };
		const invalid = { [STATE_KEY]: { ...edge('newest', ['a'], 1), newestCreatedAt: 'soon' } };
		const old = { [STATE_KEY]: edge('newest', ['a'], 1) };

		expect(readState(valid, 'newest')).toMatchObject({ newestCreatedAt: createdAt });
		expect(readState(invalid, 'newest')).toEqual(edge('newest', ['a'], 1));
		expect(readState(old, 'newest')).toEqual(edge('newest', ['a'], 1));
	});

	test('ignores another setting, version or shape', () => {
		const staticData = {};
		writeState(staticData, edge('oldest', ['a'], 1));

		expect(readState(staticData, 'newest')).toBeUndefined();
		expect(readState({ [STATE_KEY]: { version: 2 } }, 'any')).toBeUndefined();
		expect(readState({ [STATE_KEY]: 'text' }, 'any')).toBeUndefined();
	});
});

describe('detectOrder', () => {
	const samples = (times: number[]) =>
		times.map((createdAt, position) => ({ position, roomId: `r${position}`, createdAt }));

	test('recognizes both creation orders', () => {
		const rising = Array.from({ length: 10 }, (_, index) => index);

		expect(detectOrder(samples(rising))).toBe('oldest');
		expect(detectOrder(samples([...rising].reverse()))).toBe('newest');
	});

	test('needs ten samples for a creation order', () => {
		expect(detectOrder(samples([1, 2, 3]))).toBeUndefined();
	});

	test('any contradiction means any order', () => {
		expect(detectOrder(samples([1, 3, 2]))).toBe('any');
	});

	test('parses microseconds and offsets', () => {
		const base = parseTimestamp('2026-01-01T10:00:00+00:00')!;

		expect(parseTimestamp('2026-01-01T10:00:00.000001+00:00')).toBe(base + 1);
		expect(parseTimestamp('2026-01-01T12:00:00+02:00')).toBe(base);
		expect(parseTimestamp('yesterday')).toBeUndefined();
	});

	test('spreads positions over the range', () => {
		expect(spreadPositions(100, 3)).toEqual([0, 50, 99]);
		expect(spreadPositions(2, 5)).toEqual([0, 1]);
		expect(spreadPositions(10, 1)).toEqual([0]);
	});
});

/** Builds a fake list whose rooms can change between page reads. */
function fakeList(ids: string[], cap: number, beforeRead?: (call: number, list: string[]) => void) {
	const list = [...ids];
	let calls = 0;
	const readPage: PageReader = async (offset, limit) => {
		beforeRead?.(++calls, list);
		const size = Math.min(limit, cap);
		const rooms = list.slice(offset, offset + size).map((room_id) => ({ room_id }));
		return { rooms, received: rooms.length, limit: size, offset, total: list.length };
	};
	return { list, readPage };
}

describe('scanRooms', () => {
	const ids = Array.from({ length: 40 }, (_, index) => `r${index}`);

	test('reads every room with a capped page size', async () => {
		const scan = await scanRooms(fakeList(ids, 7).readPage, 0);

		expect(scan.rooms.map((room) => room.room_id)).toEqual(ids);
		expect(scan.reachedEnd).toBe(true);
	});

	test('misses no room when rooms are deleted between pages', async () => {
		const { readPage } = fakeList(ids, 10, (call, list) => {
			if (call === 2) list.splice(0, 8);
		});
		const scan = await scanRooms(readPage, 0);

		expect(scan.rooms.map((room) => room.room_id)).toEqual(ids);
		expect(scan.stable).toBe(false);
	});

	test('keeps a room once when rooms are created between pages', async () => {
		const { readPage } = fakeList(ids, 10, (call, list) => {
			if (call === 3) list.unshift('n1', 'n2', 'n3');
		});
		const scan = await scanRooms(readPage, 0);
		const read = scan.rooms.map((room) => room.room_id);

		expect(new Set(read).size).toBe(read.length);
		expect(ids.every((id) => read.includes(id))).toBe(true);
	});

	test('gives up when the list keeps shifting', async () => {
		const { readPage } = fakeList(ids, 10, (call, list) => {
			if (call > 1) list.splice(0, list.length, ...list.map((id) => `${id}x`));
		});

		await expect(scanRooms(readPage, 0)).rejects.toThrow(ListChangedError);
	});
});

/** Builds a TriggerApi whose GET /rooms/{id} returns `created_at` from a table; absent ids 404. */
function fakeDetails(createdAt: Record<string, string>) {
	const requested: string[] = [];
	const api: TriggerApi = {
		node: {} as INode,
		readPage: async () => {
			throw new Error('readPage is not expected');
		},
		readRoom: async (roomId) => {
			requested.push(roomId);
			const value = createdAt[roomId];
			return value === undefined
				? undefined
				: ({ room_id: roomId, created_at: value } as IDataObject);
		},
		warn: () => {},
		debug: () => {},
	};
	return { api, requested };
}

const at = (second: number) => `2026-01-01T10:00:${String(second).padStart(2, '0')}.000000+00:00`;

describe('walkPastWatermark', () => {
	test('returns rooms after the watermark, oldest first', async () => {
		const { api, requested } = fakeDetails({ n2: at(30), n1: at(20), o1: at(10), o0: at(5) });
		const walk = await walkPastWatermark(api, ['n2', 'n1', 'o1', 'o0'], at(10), new Map());

		expect(walk).toEqual({ kind: 'ok', newIds: ['n1', 'n2'], newestCreatedAt: at(30) });
		expect(requested).toEqual(['n2', 'n1', 'o1']);
	});

	test('skips deleted rooms', async () => {
		const { api } = fakeDetails({ n1: at(20), o1: at(10) });
		const walk = await walkPastWatermark(api, ['gone', 'n1', 'o1'], at(10), new Map());

		expect(walk).toEqual({ kind: 'ok', newIds: ['n1'], newestCreatedAt: at(20) });
	});

	test('keeps the watermark when nothing is new', async () => {
		const { api } = fakeDetails({ o1: at(10) });
		const walk = await walkPastWatermark(api, ['o1'], at(10), new Map());

		expect(walk).toEqual({ kind: 'ok', newIds: [], newestCreatedAt: at(10) });
	});

	test('rejects invalid or unordered timestamps', async () => {
		const { api } = fakeDetails({ bad: 'yesterday', n1: at(20), n2: at(30), o1: at(10) });

		expect((await walkPastWatermark(api, ['bad'], at(10), new Map())).kind).toBe('unusable');
		expect((await walkPastWatermark(api, ['n1', 'n2'], at(10), new Map())).kind).toBe('unusable');
		expect((await walkPastWatermark(api, ['o1'], 'soon', new Map())).kind).toBe('unusable');
	});

	test('fills and reuses the details cache', async () => {
		const { api, requested } = fakeDetails({ n1: at(20), o1: at(10) });
		const cache = new Map<string, IDataObject>([['n1', { room_id: 'n1', created_at: at(20) }]]);
		await walkPastWatermark(api, ['n1', 'o1'], at(10), cache);

		expect(requested).toEqual(['o1']);
		expect(cache.has('o1')).toBe(true);
	});
});

describe('readNewestCreatedAt', () => {
	test('reads the first room that exists', async () => {
		const { api, requested } = fakeDetails({ n1: at(20), o1: at(10) });

		expect(await readNewestCreatedAt(api, ['gone', 'n1', 'o1'], undefined, new Map())).toBe(at(20));
		expect(requested).toEqual(['gone', 'n1']);
	});

	test('never moves the watermark back', async () => {
		const { api } = fakeDetails({ o1: at(10) });

		expect(await readNewestCreatedAt(api, ['o1'], at(15), new Map())).toBe(at(15));
		expect(await readNewestCreatedAt(api, ['gone'], at(15), new Map())).toBe(at(15));
	});

	test('drops the watermark for an invalid timestamp', async () => {
		const { api } = fakeDetails({ bad: 'yesterday' });

		expect(await readNewestCreatedAt(api, ['bad'], at(15), new Map())).toBeUndefined();
	});
});
