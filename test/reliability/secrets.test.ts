import { startRoomsTest } from '../rooms/setup';
import type { RecordingListener } from './helpers';
import {
	fields,
	operationCases,
	requestsOf,
	restoreRetries,
	startRecordingListener,
	useTestRetries,
} from './helpers';

type Setup = Awaited<ReturnType<typeof startRoomsTest>>;

describe('redirect and key', () => {
	let setup: Setup;
	let target: RecordingListener;

	beforeAll(() => {
		useTestRetries();
	});

	afterAll(() => {
		restoreRetries();
	});

	beforeEach(async () => {
		setup = await startRoomsTest();
		target = await startRecordingListener();
	});

	afterEach(async () => {
		await target.close();
		await setup.server.close();
	});

	test.each(['create', 'get', 'getAll', 'delete'] as const)(
		'redirect to other port on %s',
		async (operation) => {
			const operationCase = operationCases[operation];
			const parameters = operationCase.prepare(setup.server);
			const location = `${target.url}/api/v1/rooms`;
			setup.server.injectFault({ route: operationCase.route, kind: 'redirect', location });

			const { error } = await setup.runRooms(parameters);

			expect(fields(error).name).toBe('NodeApiError');
			expect(fields(error).httpCode).toBe('302');
			expect(fields(error).message).toContain(`redirect to ${location}`);
			expect(requestsOf(setup.server, operationCase.method)).toHaveLength(1);
			expect(target.hits()).toBe(0);
			expect(target.authorizationHeaders()).toBe(0);
		},
	);

	test('redirect to localhost host', async () => {
		const parameters = operationCases.get.prepare(setup.server);
		setup.server.injectFault({ route: 'GET /rooms/:id', kind: 'redirect' });

		const { error } = await setup.runRooms(parameters);

		expect(fields(error).httpCode).toBe('302');
		expect(fields(error).description).toContain('Set the Base URL in the credential');
		expect(requestsOf(setup.server, 'GET')).toHaveLength(1);
	});

	test('credential test redirect', async () => {
		setup.server.injectFault({
			route: 'GET /rooms',
			kind: 'redirect',
			location: `${target.url}/api/v1/rooms`,
		});

		const result = await setup.testCredential();

		expect(result.status).toBe('Error');
		expect(target.hits()).toBe(0);
		expect(target.authorizationHeaders()).toBe(0);
	});
});

describe('base URL scheme', () => {
	let setup: Setup;

	beforeEach(async () => {
		setup = await startRoomsTest();
	});

	afterEach(async () => {
		await setup.server.close();
	});

	test.each([
		['ftp://127.0.0.1/api/v1', 'protocol "ftp:" is not supported'],
		['file:///etc/passwd', 'protocol "file:" is not supported'],
		['javascript:alert(1)', 'protocol "javascript:" is not supported'],
		['127.0.0.1:8080/api/v1', 'Invalid Base URL in the Octocular credential'],
		['not a url', 'Invalid Base URL in the Octocular credential'],
		['', 'Invalid Base URL in the Octocular credential'],
	])('base URL %j rejected', async (baseUrl, message) => {
		const { error } = await setup.runRooms(operationCases.getAll.prepare(setup.server), {
			baseUrl,
		});

		expect(fields(error).name).toBe('NodeOperationError');
		expect(fields(error).message).toContain(message);
		expect(setup.server.requests).toHaveLength(0);
	});

	test('http base URL accepted', async () => {
		const { error } = await setup.runRooms(operationCases.getAll.prepare(setup.server));

		expect(error).toBeUndefined();
		expect(setup.server.baseUrl.startsWith('http://')).toBe(true);
	});
});

describe('session link', () => {
	let setup: Setup;
	let sessionHost: RecordingListener;

	beforeEach(async () => {
		setup = await startRoomsTest();
		sessionHost = await startRecordingListener();
	});

	afterEach(async () => {
		await sessionHost.close();
		await setup.server.close();
	});

	test('session link never fetched', async () => {
		const [room] = setup.server.seedRooms(1, {
			session_link: `${sessionHost.url}/session/r_seeded`,
		});

		const created = await setup.runRooms(operationCases.create.prepare(setup.server));
		const read = await setup.runRooms({ operation: 'get', roomId: room.room_id });
		const listed = await setup.runRooms({ operation: 'getAll', returnAll: true });

		expect(created.output[0].json.session_link).toEqual(expect.stringContaining('/session/'));
		expect(read.output[0].json.session_link).toBe(`${sessionHost.url}/session/r_seeded`);
		expect(listed.output).toHaveLength(2);
		expect(sessionHost.hits()).toBe(0);
		expect(setup.server.requests.filter((request) => request.path.includes('/session/'))).toEqual(
			[],
		);
	});
});
