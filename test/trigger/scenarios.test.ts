import type { IDataObject } from 'n8n-workflow';

import type { RoomOrder } from '../server';
import type { TriggerTest } from './setup';
import {
	TRIGGER_NAME,
	captureLogs,
	idsOf,
	logEntries,
	savedState,
	startTriggerTest,
	triggerNode,
	useFastRetries,
} from './setup';

const ORDERS: RoomOrder[] = ['newest', 'oldest', 'shuffled', 'id'];
const DETAIL_FIELDS = ['session_link', 'created_at', 'scheduled_time', 'expires_at', 'settings'];

let current: TriggerTest | undefined;

async function start(options: Parameters<typeof startTriggerTest>[0] = {}): Promise<TriggerTest> {
	current = await startTriggerTest(options);
	return current;
}

function countRequests(t: TriggerTest) {
	const list = t.server.requests.filter((request) => request.path.endsWith('/rooms')).length;
	return { list, details: t.server.requests.length - list };
}

beforeAll(() => {
	useFastRetries();
});

beforeEach(() => {
	captureLogs();
});

afterEach(async () => {
	await current?.server.close();
	current = undefined;
});

describe('Rooms Trigger baseline and manual run', () => {
	test.each(ORDERS)('first poll emits nothing, %s order', async (order) => {
		const t = await start({ order, maxPageSize: 10 });
		t.server.seedRooms(35);
		const workflow = t.createWorkflow();

		const first = await t.poll(workflow);

		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(savedState(workflow)).toBeDefined();
	});

	test('manual run returns newest room before baseline', async () => {
		const t = await start({ order: 'oldest', maxPageSize: 10 });
		t.server.seedRooms(25);
		const newest = t.server.createRoom();
		const workflow = t.createWorkflow();

		const manual = await t.runManual(workflow);

		expect(manual.error).toBeUndefined();
		expect(idsOf(manual.items)).toEqual([newest.room_id]);
		for (const field of DETAIL_FIELDS) expect(manual.items[0]).toHaveProperty(field);
		expect(savedState(workflow)).toBeUndefined();
	});

	test('manual run leaves a saved state untouched', async () => {
		const t = await start({ order: 'newest' });
		t.server.seedRooms(5);
		const workflow = t.createWorkflow();
		await t.poll(workflow);
		const before = JSON.stringify(savedState(workflow));
		const created = t.server.createRoom();

		const manual = await t.runManual(workflow);
		const afterManual = JSON.stringify(savedState(workflow));
		const next = await t.poll(workflow);

		expect(idsOf(manual.items)).toEqual([created.room_id]);
		expect(afterManual).toBe(before);
		expect(idsOf(next.items)).toEqual([created.room_id]);
	});
});

describe('Rooms Trigger new rooms', () => {
	test.each(ORDERS)('emits each new room once, %s order', async (order) => {
		const t = await start({ order, maxPageSize: 10 });
		t.server.seedRooms(42);
		const workflow = t.createWorkflow();
		await t.poll(workflow);
		const created = [t.server.createRoom(), t.server.createRoom(), t.server.createRoom()];

		const second = await t.poll(workflow);
		const third = await t.poll(workflow);

		expect(second.error).toBeUndefined();
		expect(idsOf(second.items)).toEqual(created.map((room) => room.room_id));
		for (const field of DETAIL_FIELDS) expect(second.items![0]).toHaveProperty(field);
		expect(second.items![0].interview_language).toBe('en');
		expect(third.items).toBeNull();
	});

	test.each(['newest', 'oldest'] as RoomOrder[])(
		'250 new rooms with a cap of 100, %s order',
		async (order) => {
			const t = await start({ order, maxPageSize: 100 });
			t.server.seedRooms(120);
			const workflow = t.createWorkflow([triggerNode({ parameters: { includeDetails: false } })]);
			await t.poll(workflow);
			const created = t.server.seedRooms(250).map((room) => room.room_id);

			const result = await t.poll(workflow);

			expect(result.error).toBeUndefined();
			expect(idsOf(result.items)).toEqual(created);
		},
	);

	test.each(ORDERS)('creates and deletes during a poll, %s order', async (order) => {
		const t = await start({ order, maxPageSize: 4 });
		t.server.seedRooms(30);
		const workflow = t.createWorkflow([triggerNode({ parameters: { includeDetails: false } })]);
		await t.poll(workflow);
		const created = t.server.seedRooms(9).map((room) => room.room_id);
		const old = t.server.listRoomIds().filter((id) => !created.includes(id));
		const duringPoll: string[] = [];
		const removeHook = t.server.onRequest((info) => {
			if (info.requestIndex === 1) {
				duringPoll.push(t.server.createRoom().room_id);
				t.server.deleteRoom(old[0]);
				t.server.deleteRoom(old[1]);
			}
		});

		const second = await t.poll(workflow);
		removeHook();
		const third = await t.poll(workflow);

		const all = [...idsOf(second.items), ...idsOf(third.items)];
		expect(created.every((id) => idsOf(second.items).includes(id))).toBe(true);
		expect(all.filter((id) => duringPoll.includes(id))).toEqual(duringPoll);
		expect(new Set(all).size).toBe(all.length);
	});

	test('room deleted before its details is skipped', async () => {
		const t = await start({ order: 'newest' });
		t.server.seedRooms(5);
		const workflow = t.createWorkflow();
		await t.poll(workflow);
		const [gone, remaining] = [t.server.createRoom(), t.server.createRoom()];
		t.server.onRequest((info) => {
			if (info.path.endsWith(encodeURIComponent(gone.room_id))) t.server.deleteRoom(gone.room_id);
		});

		const result = await t.poll(workflow);

		expect(idsOf(result.items)).toEqual([remaining.room_id]);
	});

	test('filters on status and candidate email', async () => {
		const t = await start({ order: 'newest' });
		const workflow = t.createWorkflow([
			triggerNode({
				parameters: { filters: { status: 'ACTIVE', candidateEmail: '@keep.example' } },
			}),
		]);
		await t.poll(workflow);
		const kept = t.server.createRoom({ candidate_email: 'a@keep.example' });
		t.server.createRoom({ candidate_email: 'b@drop.example' });
		t.server.createRoom({ candidate_email: 'c@keep.example', status: 'expired' });

		const result = await t.poll(workflow);

		expect(idsOf(result.items)).toEqual([kept.room_id]);
	});
});

describe('Rooms Trigger failures and state', () => {
	const faults: Array<[string, (t: TriggerTest) => void]> = [
		['401', (t) => t.setApiKey('wrong-key')],
		['429', (t) => t.server.injectFault({ route: 'GET /rooms', kind: '429', times: 5 })],
		[
			'500 on a page',
			(t) => t.server.injectFault({ route: 'GET /rooms', nth: 2, kind: '500-html' }),
		],
		[
			'503 on details',
			(t) => t.server.injectFault({ route: 'GET /rooms/:id', nth: 3, kind: '503-html', times: 5 }),
		],
		['reset', (t) => t.server.injectFault({ route: 'GET /rooms', kind: 'reset', times: 5 })],
	];

	test.each(faults)('failed poll keeps state, %s', async (_name, injectFault) => {
		const t = await start({ order: 'shuffled', maxPageSize: 5 });
		t.server.seedRooms(20);
		const workflow = t.createWorkflow();
		await t.poll(workflow);
		const created = [t.server.createRoom(), t.server.createRoom(), t.server.createRoom()];
		const before = JSON.stringify(savedState(workflow));

		injectFault(t);
		const failed = await t.poll(workflow);
		const afterFailure = JSON.stringify(savedState(workflow));
		t.server.clearFaults();
		t.setApiKey(t.server.apiKey);
		const retried = await t.poll(workflow);

		expect(failed.error).toBeDefined();
		expect(afterFailure).toBe(before);
		expect(idsOf(retried.items).sort()).toEqual(created.map((room) => room.room_id).sort());
		const errors = logEntries.filter((entry) => entry.level === 'error');
		expect(errors[0].meta).toMatchObject({ node: TRIGGER_NAME, workflowId: 'harness-workflow' });
		expect(JSON.stringify(logEntries)).not.toContain(t.server.apiKey);
	});

	test('failed poll saves nothing', async () => {
		const t = await start({ order: 'newest' });
		t.server.seedRooms(3);
		const workflow = t.createWorkflow();
		await t.poll(workflow);
		t.server.createRoom();
		const before = JSON.stringify(savedState(workflow));

		t.server.injectFault({ route: 'GET /rooms/:id', kind: '500-html' });
		await t.poll(workflow);

		expect(JSON.stringify(savedState(workflow))).toBe(before);
	});

	test('two trigger nodes keep their own state', async () => {
		const t = await start({ order: 'newest' });
		t.server.seedRooms(3);
		const workflow = t.createWorkflow([
			triggerNode({ name: 'First' }),
			triggerNode({ name: 'Second' }),
		]);
		await t.poll(workflow, 'First');
		const created = t.server.createRoom();
		await t.poll(workflow, 'Second');

		const first = await t.poll(workflow, 'First');
		const second = await t.poll(workflow, 'Second');

		expect(idsOf(first.items)).toEqual([created.room_id]);
		expect(second.items).toBeNull();
	});

	test('restart from JSON re-emits nothing', async () => {
		const t = await start({ order: 'id' });
		t.server.seedRooms(12);
		let workflow = t.createWorkflow();
		await t.poll(workflow);
		t.server.createRoom();
		await t.poll(workflow);

		workflow = t.restart(workflow);
		const afterRestart = await t.poll(workflow);

		expect(afterRestart.items).toBeNull();
	});

	test('explicit order contradicted fails the poll', async () => {
		const t = await start({ order: 'shuffled', maxPageSize: 10 });
		t.server.seedRooms(60);
		const workflow = t.createWorkflow([
			triggerNode({ parameters: { options: { listOrder: 'newest' } } }),
		]);
		await t.poll(workflow);
		t.server.seedRooms(5);
		const before = JSON.stringify(savedState(workflow));

		const result = await t.poll(workflow);

		expect(result.error?.message).toContain('List Order');
		expect(JSON.stringify(savedState(workflow))).toBe(before);
	});
});

describe('Rooms Trigger order checks', () => {
	test('detected order contradicted switches to every page', async () => {
		const t = await start({ order: 'newest', maxPageSize: 10 });
		t.server.seedRooms(40);
		const workflow = t.createWorkflow();
		await t.poll(workflow);
		expect(savedState(workflow)?.mode).toBe('newest');

		t.server.setOptions({ order: 'shuffled' });
		t.server.seedRooms(15);
		const switched = await t.poll(workflow);
		const created = t.server.createRoom();
		const next = await t.poll(workflow);

		expect(switched.error).toBeUndefined();
		expect(savedState(workflow)?.mode).toBe('any');
		expect(logEntries.some((entry) => entry.level === 'warn')).toBe(true);
		expect(idsOf(next.items)).toEqual([created.room_id]);
	});

	test.each(['newest', 'oldest'] as RoomOrder[])(
		'anchors deleted, emits by created_at, %s order',
		async (order) => {
			const t = await start({ order, maxPageSize: 100 });
			t.server.seedRooms(150);
			const workflow = t.createWorkflow([
				triggerNode({ parameters: { options: { listOrder: order } } }),
			]);
			await t.poll(workflow);
			const anchors = savedState(workflow)?.anchors as string[];
			expect(anchors).toHaveLength(100);
			for (const id of anchors) t.server.deleteRoom(id);
			const created = [t.server.createRoom(), t.server.createRoom(), t.server.createRoom()];
			t.server.clearRequests();

			const result = await t.poll(workflow);
			const requests = countRequests(t);
			const next = await t.poll(workflow);

			expect(result.error).toBeUndefined();
			expect(idsOf(result.items)).toEqual(created.map((room) => room.room_id));
			for (const field of DETAIL_FIELDS) expect(result.items![0]).toHaveProperty(field);
			// One detail request per new room, plus one for the first older room.
			expect(requests.details).toBe(4);
			expect(savedState(workflow)?.newestCreatedAt).toBe(created[2].created_at);
			expect(logEntries.some((entry) => entry.level === 'warn')).toBe(false);
			expect(next.error).toBeUndefined();
			expect(next.items).toBeNull();
		},
	);

	test('anchors deleted, skips deleted new room', async () => {
		const t = await start({ order: 'oldest', maxPageSize: 100 });
		t.server.seedRooms(150);
		const workflow = t.createWorkflow([
			triggerNode({ parameters: { includeDetails: false, options: { listOrder: 'oldest' } } }),
		]);
		await t.poll(workflow);
		for (const id of savedState(workflow)?.anchors as string[]) t.server.deleteRoom(id);
		const [kept, gone] = [t.server.createRoom(), t.server.createRoom()];
		t.server.onRequest((info) => {
			if (info.path.endsWith(encodeURIComponent(gone.room_id))) t.server.deleteRoom(gone.room_id);
		});

		const result = await t.poll(workflow);

		expect(result.error).toBeUndefined();
		expect(idsOf(result.items)).toEqual([kept.room_id]);
		expect(result.items![0]).not.toHaveProperty('session_link');
	});

	test('anchors deleted without watermark re-baselines', async () => {
		const t = await start({ order: 'newest', maxPageSize: 100 });
		t.server.seedRooms(150);
		const workflow = t.createWorkflow([
			triggerNode({ parameters: { options: { listOrder: 'newest' } } }),
		]);
		await t.poll(workflow);
		const state = savedState(workflow)!;
		// States saved before the created_at watermark existed have no newestCreatedAt.
		delete state.newestCreatedAt;
		for (const id of state.anchors as string[]) t.server.deleteRoom(id);
		t.server.createRoom();

		const result = await t.poll(workflow);
		const created = t.server.createRoom();
		const next = await t.poll(workflow);

		// Without a watermark the room created while every anchor was deleted is not emitted.
		expect(result.error).toBeUndefined();
		expect(result.items).toBeNull();
		expect(logEntries.some((entry) => entry.message.includes('recorded a new baseline'))).toBe(
			true,
		);
		expect(idsOf(next.items)).toEqual([created.room_id]);
	});

	test('old state gains watermark on next poll', async () => {
		const t = await start({ order: 'newest', maxPageSize: 100 });
		const [, newest] = t.server.seedRooms(2);
		const workflow = t.createWorkflow([
			triggerNode({ parameters: { options: { listOrder: 'newest' } } }),
		]);
		await t.poll(workflow);
		delete savedState(workflow)!.newestCreatedAt;

		const result = await t.poll(workflow);

		expect(result.items).toBeNull();
		expect(savedState(workflow)?.newestCreatedAt).toBe(newest.created_at);
	});
});

describe('Rooms Trigger cost at 100,000 rooms', () => {
	test.each(['newest', 'oldest'] as RoomOrder[])('10 new rooms, %s order', async (order) => {
		const t = await start({ order, maxPageSize: 100 });
		t.server.seedRooms(100_000);
		const workflow = t.createWorkflow();
		await t.poll(workflow);
		const created = t.server.seedRooms(10).map((room) => room.room_id);
		t.server.clearRequests();

		const result = await t.poll(workflow);
		const requests = countRequests(t);
		const stateSize = JSON.stringify(savedState(workflow) as IDataObject).length;

		expect(idsOf(result.items)).toEqual(created);
		expect(requests.list).toBeLessThanOrEqual(2);
		expect(requests.details).toBe(10);
		expect(stateSize).toBeLessThanOrEqual(8 * 1024);
	});
});
