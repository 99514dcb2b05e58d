import type { FaultKind } from '../server';
import { startRoomsTest } from '../rooms/setup';
import type { OperationName } from './helpers';
import { fields, operationCases, requestsOf, restoreRetries, useTestRetries } from './helpers';

type Setup = Awaited<ReturnType<typeof startRoomsTest>>;

type Outcome =
	| { result: 'success'; requests: number }
	| { result: 'error'; status: string | undefined; message: string; requests: number };

const retried: Outcome = { result: 'success', requests: 2 };

function failed(status: string | undefined, message: string): Outcome {
	return { result: 'error', status, message, requests: 1 };
}

function same(outcome: Outcome): Record<OperationName, Outcome> {
	return { create: outcome, get: outcome, getAll: outcome, delete: outcome };
}

/** Expected result of one fault on the first request of each operation's route. */
const expected: Array<[FaultKind, Record<OperationName, Outcome>]> = [
	['429', same(retried)],
	['429-retry-after', same(retried)],
	['429-retry-after-date', same(retried)],
	['500-html', same(failed('500', 'the response was not valid JSON (HTTP 500, text/html)'))],
	['502-html', { ...same(retried), create: failed('502', 'not valid JSON (HTTP 502') }],
	['503-html', { ...same(retried), create: failed('503', 'not valid JSON (HTTP 503') }],
	['504-html', { ...same(retried), create: failed('504', 'not valid JSON (HTTP 504') }],
	['success-false', same(failed('200', 'Request could not be processed'))],
	['malformed-json', same(failed('200', 'the response was not valid JSON (HTTP 200'))],
	['truncated-json', same(failed('200', 'the response was not valid JSON (HTTP 200'))],
	['reset', { ...same(retried), create: failed(undefined, 'the connection was reset') }],
	['hang', { ...same(retried), create: failed(undefined, 'got no response within 400 ms') }],
];

const cases = expected.flatMap(([kind, outcomes]) =>
	(Object.keys(outcomes) as OperationName[]).map(
		(operation) => [kind, operation, outcomes[operation]] as const,
	),
);

describe('fault by operation', () => {
	let setup: Setup;

	beforeAll(() => {
		useTestRetries();
	});

	afterAll(() => {
		restoreRetries();
	});

	beforeEach(async () => {
		setup = await startRoomsTest();
	});

	afterEach(async () => {
		await setup.server.close();
	});

	test.each(cases)('%s on %s', async (kind, operation, outcome) => {
		const operationCase = operationCases[operation];
		const parameters = operationCase.prepare(setup.server);
		const roomsBefore = setup.server.roomCount();
		setup.server.injectFault({ route: operationCase.route, kind, retryAfter: 0 });

		const { output, error } = await setup.runRooms(parameters);

		expect(requestsOf(setup.server, operationCase.method)).toHaveLength(outcome.requests);
		if (outcome.result === 'success') {
			expect(error).toBeUndefined();
			expect(output.length).toBeGreaterThan(0);
		} else {
			expect(fields(error).name).toBe('NodeApiError');
			expect(fields(error).message).toContain(outcome.message);
			expect(fields(error).httpCode ?? undefined).toBe(outcome.status);
		}

		// A create makes exactly one room when it succeeds and none when the fault replaced it.
		if (operation === 'create') {
			expect(setup.server.roomCount()).toBe(outcome.result === 'success' ? 1 : 0);
		}
		if (operation === 'delete') {
			expect(setup.server.roomCount()).toBe(outcome.result === 'success' ? 0 : roomsBefore);
		}
	});

	test('reset after commit on create', async () => {
		setup.server.injectFault({ route: 'POST /rooms', kind: 'reset-after-commit' });

		const { error } = await setup.runRooms(operationCases.create.prepare(setup.server));

		expect(requestsOf(setup.server, 'POST')).toHaveLength(1);
		expect(setup.server.roomCount()).toBe(1);
		expect(fields(error).name).toBe('NodeApiError');
		expect(fields(error).message).toContain('the connection was reset');
		expect(fields(error).description).toContain('may have created the room');
	});

	test.each(['get', 'getAll'] as const)('reset after commit on %s', async (operation) => {
		const operationCase = operationCases[operation];
		const parameters = operationCase.prepare(setup.server);
		setup.server.injectFault({ route: operationCase.route, kind: 'reset-after-commit' });

		const { output, error } = await setup.runRooms(parameters);

		expect(error).toBeUndefined();
		expect(output.length).toBeGreaterThan(0);
		expect(requestsOf(setup.server, 'GET')).toHaveLength(2);
	});

	test('reset after commit on delete', async () => {
		const parameters = operationCases.delete.prepare(setup.server);
		setup.server.injectFault({ route: 'DELETE /rooms/:id', kind: 'reset-after-commit' });

		const { output, error } = await setup.runRooms(parameters);

		expect(error).toBeUndefined();
		expect(output[0].json.deleted).toBe(true);
		expect(requestsOf(setup.server, 'DELETE')).toHaveLength(2);
		expect(setup.server.roomCount()).toBe(0);
	});

	test('get many retries a later page', async () => {
		setup.server.seedRooms(150);
		setup.server.injectFault({ route: 'GET /rooms', nth: 2, kind: '503-html' });

		const { output, error } = await setup.runRooms({ operation: 'getAll', returnAll: true });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(150);
		expect(requestsOf(setup.server, 'GET')).toHaveLength(3);
	});

	test('continue on fail isolates a fault', async () => {
		const rooms = setup.server.seedRooms(3);
		setup.server.injectFault({ route: 'GET /rooms/:id', nth: 2, kind: '500-html' });

		const { output, error } = await setup.runRooms(
			{ operation: 'get', roomId: '={{ $json.id }}', options: { concurrency: 1 } },
			{ items: rooms.map((room) => ({ id: room.room_id })), continueOnFail: true },
		);

		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		expect(output[0].json.room_id).toBe(rooms[0].room_id);
		expect(output[1].json).toEqual({
			error: 'Octocular API error 500: the response was not valid JSON (HTTP 500, text/html)',
		});
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[2].json.room_id).toBe(rooms[2].room_id);
	});

	test('continue on fail create no duplicate', async () => {
		setup.server.injectFault({ route: 'POST /rooms', nth: 2, kind: 'reset' });

		const { output } = await setup.runRooms(
			{ ...operationCases.create.prepare(setup.server), options: { concurrency: 1 } },
			{ items: [{}, {}, {}], continueOnFail: true },
		);

		expect(output).toHaveLength(3);
		expect(output[1].json.error).toEqual(expect.stringContaining('connection was reset'));
		expect(requestsOf(setup.server, 'POST')).toHaveLength(3);
		expect(setup.server.roomCount()).toBe(2);
	});
});
