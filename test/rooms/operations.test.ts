import type { IPairedItemData } from 'n8n-workflow';

import { CREATE_PARAMETERS, startRoomsTest } from './setup';

type Setup = Awaited<ReturnType<typeof startRoomsTest>>;

describe('Octocular Rooms operations', () => {
	let setup: Setup;

	beforeEach(async () => {
		setup = await startRoomsTest();
	});

	afterEach(async () => {
		await setup.server.close();
	});

	test('create sends the documented body', async () => {
		const { output, error } = await setup.runRooms({
			...CREATE_PARAMETERS,
			additionalFields: {
				scheduledTime: '2026-01-01T10:00:00+02:00',
				enableChatAssistant: true,
			},
		});

		expect(error).toBeUndefined();
		const post = setup.server.requests.filter((request) => request.method === 'POST');
		expect(post).toHaveLength(1);
		expect(post[0].path).toBe('/api/v1/rooms');
		expect(post[0].authorized).toBe(true);
		expect(post[0].body).toEqual({
			user: { id: 'usr_1', organization_id: 'org_1' },
			candidate_email: 'candidate@example.com',
			settings: { enable_chat_assistant: true },
			scheduled_time: '2026-01-01T08:00:00.000Z',
		});
		expect(output).toHaveLength(1);
		expect(output[0].json.session_link).toEqual(expect.stringContaining('/session/'));
	});

	test('create without additional fields', async () => {
		await setup.runRooms(CREATE_PARAMETERS);

		const post = setup.server.requests.find((request) => request.method === 'POST');
		expect(post?.body).toEqual({
			user: { id: 'usr_1', organization_id: 'org_1' },
			candidate_email: 'candidate@example.com',
		});
	});

	test('create outputs the room as returned', async () => {
		const { output } = await setup.runRooms(CREATE_PARAMETERS);

		const roomId = output[0].json.room_id as string;
		expect(output[0].json).toEqual(setup.server.getRoom(roomId));
		expect(output[0].json.interview_language).toBe('en');
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	test('get outputs the full room', async () => {
		const [room] = setup.server.seedRooms(1, { status: 'completed', future_field: { a: 1 } });

		const { output, error } = await setup.runRooms({ operation: 'get', roomId: room.room_id });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual(room);
		expect(output[0].json.status).toBe('completed');
		expect(output[0].json.future_field).toEqual({ a: 1 });
	});

	test('get encodes a room id with slash and space', async () => {
		const [room] = setup.server.seedRooms(1, { room_id: 'team a/r 1?x#y' });

		const { output, error } = await setup.runRooms({ operation: 'get', roomId: room.room_id });

		expect(error).toBeUndefined();
		expect(output[0].json.room_id).toBe('team a/r 1?x#y');
		const request = setup.server.requests[0];
		expect(request.rawPath).toBe('/api/v1/rooms/team%20a%2Fr%201%3Fx%23y');
		expect(request.path).toBe('/api/v1/rooms/team a/r 1?x#y');
	});

	test('get many with limit', async () => {
		setup.server.seedRooms(30);

		const { output } = await setup.runRooms({ operation: 'getAll', limit: 7 });

		expect(output).toHaveLength(7);
		expect(Object.keys(output[0].json).sort()).toEqual(['candidate_email', 'room_id', 'status']);
		expect(output.every((item) => (item.pairedItem as IPairedItemData).item === 0)).toBe(true);
	});

	test('get many return all under page cap', async () => {
		setup.server.setOptions({ maxPageSize: 100 });
		setup.server.seedRooms(250);

		const { output } = await setup.runRooms({ operation: 'getAll', returnAll: true });

		const ids = output.map((item) => item.json.room_id);
		expect(ids).toHaveLength(250);
		expect(new Set(ids).size).toBe(250);
		expect(new Set(ids)).toEqual(new Set(setup.server.listRoomIds()));
		expect(setup.server.requests).toHaveLength(3);
	});

	test('get many limit 150 over cap', async () => {
		setup.server.setOptions({ maxPageSize: 100 });
		setup.server.seedRooms(250);

		const { output } = await setup.runRooms({ operation: 'getAll', limit: 150 });

		const ids = output.map((item) => item.json.room_id);
		expect(ids).toHaveLength(150);
		expect(new Set(ids).size).toBe(150);
		expect(ids).toEqual(setup.server.listRoomIds().slice(0, 150));
	});

	test('get many with a cap below 100', async () => {
		setup.server.setOptions({ maxPageSize: 7 });
		setup.server.seedRooms(50);

		const { output } = await setup.runRooms({ operation: 'getAll', returnAll: true });

		expect(output).toHaveLength(50);
		expect(setup.server.requests).toHaveLength(8);
		const offsets = setup.server.requests.map((request) => Number(request.query.offset));
		expect(offsets).toEqual([0, 7, 14, 21, 28, 35, 42, 49]);
	});

	test('get many reads pages concurrently', async () => {
		setup.server.setOptions({ maxPageSize: 100 });
		setup.server.seedRooms(1000);

		const { output } = await setup.runRooms({
			operation: 'getAll',
			returnAll: true,
			options: { concurrency: 4 },
		});

		const ids = output.map((item) => item.json.room_id);
		expect(ids).toEqual(setup.server.listRoomIds());
		const offsets = setup.server.requests.map((request) => Number(request.query.offset));
		expect(offsets.sort((a, b) => a - b)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
	});

	test('get many with rooms created while paging', async () => {
		setup.server.setOptions({ maxPageSize: 10, order: 'newest' });
		const original = setup.server.seedRooms(95).map((room) => room.room_id);
		setup.server.onRequest(({ requestIndex }) => {
			if (requestIndex % 2 === 1) setup.server.createRoom({ candidate_email: 'new@example.com' });
		});

		const { output } = await setup.runRooms({
			operation: 'getAll',
			returnAll: true,
			options: { concurrency: 3 },
		});

		const ids = output.map((item) => item.json.room_id as string);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expect.arrayContaining(original));
	});

	test('get many on an empty list', async () => {
		const { output, error } = await setup.runRooms({ operation: 'getAll', returnAll: true });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(0);
	});

	test('delete answered with a body', async () => {
		const [room] = setup.server.seedRooms(1);

		const { output } = await setup.runRooms({ operation: 'delete', roomId: room.room_id });

		expect(output).toHaveLength(1);
		expect(output[0].json.deleted).toBe(true);
		expect(output[0].json.room_id).toBe(room.room_id);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(setup.server.getRoom(room.room_id)).toBeUndefined();
	});

	test('delete answered by an empty 204', async () => {
		setup.server.setOptions({ deleteResponse: 'empty' });
		const [room] = setup.server.seedRooms(1);

		const { output, error } = await setup.runRooms({ operation: 'delete', roomId: room.room_id });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({ deleted: true, room_id: room.room_id });
		expect(setup.server.getRoom(room.room_id)).toBeUndefined();
	});

	test('multiple items keep input order', async () => {
		const rooms = setup.server.seedRooms(25);

		const { output } = await setup.runRooms(
			{ operation: 'get', roomId: '={{ $json.id }}', options: { concurrency: 5 } },
			{ items: rooms.map((room) => ({ id: room.room_id })) },
		);

		expect(output.map((item) => item.json.room_id)).toEqual(rooms.map((room) => room.room_id));
		expect(output.map((item) => (item.pairedItem as IPairedItemData).item)).toEqual(
			rooms.map((_room, index) => index),
		);
	});
});
