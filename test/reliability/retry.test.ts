import { retrySettings } from '../../nodes/OctocularRooms/transport';
import { startRoomsTest } from '../rooms/setup';
import { fields, operationCases, requestsOf, restoreRetries, useTestRetries } from './helpers';

type Setup = Awaited<ReturnType<typeof startRoomsTest>>;

describe('retry budget', () => {
	let setup: Setup;

	beforeEach(async () => {
		useTestRetries();
		setup = await startRoomsTest();
	});

	afterEach(async () => {
		restoreRetries();
		await setup.server.close();
	});

	test('attempts exhausted on get', async () => {
		const parameters = operationCases.get.prepare(setup.server);
		setup.server.injectFault({ route: 'GET /rooms/:id', kind: '503-html', times: 10 });

		const { error } = await setup.runRooms(parameters);

		expect(requestsOf(setup.server, 'GET')).toHaveLength(retrySettings.maxAttempts);
		expect(fields(error).name).toBe('NodeApiError');
		expect(fields(error).httpCode).toBe('503');
		expect(fields(error).message).toContain('not valid JSON (HTTP 503, text/html)');
	});

	test('attempts exhausted on create', async () => {
		setup.server.injectFault({ route: 'POST /rooms', kind: '429', times: 10 });

		const { error } = await setup.runRooms(operationCases.create.prepare(setup.server));

		expect(requestsOf(setup.server, 'POST')).toHaveLength(retrySettings.maxAttempts);
		expect(fields(error).httpCode).toBe('429');
		expect(fields(error).message).toContain('Too many requests, slow down');
		expect(setup.server.roomCount()).toBe(0);
	});

	test('retry-after beyond total wait', async () => {
		const parameters = operationCases.getAll.prepare(setup.server);
		setup.server.injectFault({ route: 'GET /rooms', kind: '429-retry-after', retryAfter: 120 });

		const { error } = await setup.runRooms(parameters);

		expect(requestsOf(setup.server, 'GET')).toHaveLength(1);
		expect(fields(error).httpCode).toBe('429');
		expect(fields(error).description).toContain('more than the retry budget allows');
	});

	test('hang exhausts attempts on delete', async () => {
		const parameters = operationCases.delete.prepare(setup.server);
		retrySettings.maxAttempts = 2;
		retrySettings.requestTimeoutMs = 200;
		setup.server.injectFault({ route: 'DELETE /rooms/:id', kind: 'hang', times: 2 });

		const { error } = await setup.runRooms(parameters);

		expect(requestsOf(setup.server, 'DELETE')).toHaveLength(2);
		expect(fields(error).message).toContain('got no response within 200 ms');
		expect(fields(error).description).toContain('Check that the Base URL is reachable');
	});

	test('refused connection on create', async () => {
		const baseUrl = setup.server.baseUrl;
		await setup.server.close();
		retrySettings.maxAttempts = 2;

		const { error } = await setup.runRooms(operationCases.create.prepare(setup.server), {
			baseUrl,
		});

		expect(fields(error).message).toContain(
			'POST /rooms failed because the connection was refused',
		);
		expect(fields(error).description).toContain('ECONNREFUSED');
	});
});

describe('retry-after timing', () => {
	let setup: Setup;

	beforeEach(async () => {
		setup = await startRoomsTest();
	});

	afterEach(async () => {
		await setup.server.close();
	});

	// This test keeps the default retry settings, so it waits for the real Retry-After.
	test('retry-after of 1 s honoured', async () => {
		const parameters = operationCases.get.prepare(setup.server);
		setup.server.injectFault({ route: 'GET /rooms/:id', kind: '429-retry-after', retryAfter: 1 });

		const { error } = await setup.runRooms(parameters);

		const gets = requestsOf(setup.server, 'GET');
		expect(error).toBeUndefined();
		expect(gets).toHaveLength(2);
		expect(gets[1].at - gets[0].at).toBeGreaterThanOrEqual(900);
	});

	test('retry-after as HTTP date honoured', async () => {
		const parameters = operationCases.get.prepare(setup.server);
		setup.server.injectFault({
			route: 'GET /rooms/:id',
			kind: '429-retry-after-date',
			retryAfter: 2,
		});

		const { error } = await setup.runRooms(parameters);

		// The test backoff is a few milliseconds, so only the date explains a gap this long.
		const gets = requestsOf(setup.server, 'GET');
		expect(error).toBeUndefined();
		expect(gets).toHaveLength(2);
		expect(gets[1].at - gets[0].at).toBeGreaterThanOrEqual(1500);
	});
});
