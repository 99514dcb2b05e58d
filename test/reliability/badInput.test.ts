import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest } from '../server';
import { startRoomsTest } from '../rooms/setup';
import { createParameters, fields } from './helpers';

type Setup = Awaited<ReturnType<typeof startRoomsTest>>;

/** Value that an item or expression can hold. */
type Value = IDataObject[string] | undefined;

type Operation = 'create' | 'get' | 'getAll' | 'delete';

/** Parameter under test. scheduledTime and enableChatAssistant are in Additional Fields. */
type Parameter =
	| 'candidateEmail'
	| 'scheduledTime'
	| 'enableChatAssistant'
	| 'userId'
	| 'organizationId'
	| 'roomId'
	| 'limit'
	| 'returnAll';

interface InputCase {
	operation: Operation;
	parameter: Parameter;
	/** Item value that the parameter's expression `{{ $json.value }}` returns. */
	value?: Value;
	/** Expression used in place of `{{ $json.value }}`. */
	expression?: string;
	/** Accepted: checks the request that the server received. */
	sent?: (request: RecordedRequest) => void;
	/** Rejected: the field name and the quoted value the message must contain. */
	rejected?: { field: string; quoted: string };
}

const valid: Record<Parameter, Value> = {
	candidateEmail: 'a@example.com',
	scheduledTime: '2026-01-01T10:00:00Z',
	enableChatAssistant: true,
	userId: 'usr_1',
	organizationId: 'org_1',
	roomId: 'r_ok',
	limit: 5,
	returnAll: false,
};

const long = 'x'.repeat(10_000);

function body(request: RecordedRequest): IDataObject {
	return request.body as IDataObject;
}

const email = (value: Value, sent?: string): InputCase =>
	sent === undefined
		? {
				operation: 'create',
				parameter: 'candidateEmail',
				value,
				rejected: { field: 'Candidate Email', quoted: quoted(value) },
			}
		: {
				operation: 'create',
				parameter: 'candidateEmail',
				value,
				sent: (request) => expect(body(request).candidate_email).toBe(sent),
			};

const scheduled = (value: Value, sent?: string, expression?: string): InputCase =>
	sent === undefined
		? {
				operation: 'create',
				parameter: 'scheduledTime',
				value,
				expression,
				rejected: { field: 'Scheduled Time', quoted: quoted(value) },
			}
		: {
				operation: 'create',
				parameter: 'scheduledTime',
				value,
				expression,
				sent: (request) => expect(body(request).scheduled_time).toBe(sent),
			};

const roomId = (operation: 'get' | 'delete', value: Value, rawPath?: string): InputCase =>
	rawPath === undefined
		? {
				operation,
				parameter: 'roomId',
				value,
				rejected: { field: 'Room ID', quoted: quoted(value) },
			}
		: {
				operation,
				parameter: 'roomId',
				value,
				sent: (request) => expect(request.rawPath).toBe(`/api/v1/rooms/${rawPath}`),
			};

const limit = (value: Value, sent?: string): InputCase =>
	sent === undefined
		? {
				operation: 'getAll',
				parameter: 'limit',
				value,
				rejected: { field: 'Limit', quoted: quoted(value) },
			}
		: {
				operation: 'getAll',
				parameter: 'limit',
				value,
				sent: (request) => expect(request.query.limit).toBe(sent),
			};

/** Quoted form of a value as the error message shows it: JSON, cut to 60 characters. */
function quoted(value: unknown): string {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		return trimmed.length > 60
			? `${JSON.stringify(`${trimmed.slice(0, 60)}…`)} (${trimmed.length} characters)`
			: JSON.stringify(trimmed);
	}
	if (value !== null && typeof value === 'object') return 'an object';
	return String(value);
}

const cases: Array<[string, InputCase]> = [
	// Candidate Email
	['email plain', email('a@example.com', 'a@example.com')],
	['email padded', email('  a@example.com \n', 'a@example.com')],
	[
		'email tag and subdomain',
		email('First.Last+tag@mail.example.co.uk', 'First.Last+tag@mail.example.co.uk'),
	],
	['email display name', email('Jane <jane@example.com>')],
	['email single-label domain', email('jane@example')],
	['email double at', email('jane@@example.com')],
	['email inner space', email('jane doe@example.com')],
	['email leading dot', email('.jane@example.com')],
	['email double dot', email('jane..doe@example.com')],
	['email non-ASCII', email('jané@example.com')],
	['email domain hyphen', email('jane@-example.com')],
	['email two addresses', email('a@example.com,b@example.com')],
	['email number', email(42)],
	[
		'email object',
		{
			...email({ address: 'a@example.com' }),
			rejected: { field: 'Candidate Email', quoted: 'expected text, got an object' },
		},
	],
	['email 10,000 chars', email(`${long}@example.com`)],
	[
		'email blank',
		{ ...email('   '), rejected: { field: 'Candidate Email', quoted: 'the value is empty' } },
	],
	// Scheduled Time
	['time with Z', scheduled('2026-01-01T10:00:00Z', '2026-01-01T10:00:00.000Z')],
	['time with offset', scheduled('2026-01-01T10:00:00+02:00', '2026-01-01T08:00:00.000Z')],
	['time compact offset', scheduled('2026-01-01T10:00:00-0530', '2026-01-01T15:30:00.000Z')],
	['time fraction', scheduled('2026-01-01T10:00:00.123456Z', '2026-01-01T10:00:00.123Z')],
	['time comma fraction', scheduled('2026-01-01T10:00:00,5Z', '2026-01-01T10:00:00.500Z')],
	['time space separator', scheduled('2026-01-01 10:00:00Z', '2026-01-01T10:00:00.000Z')],
	['time without offset', scheduled('2026-01-01T10:00', '2026-01-01T10:00:00.000Z')],
	['time leap day', scheduled('2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z')],
	['time Feb 30', scheduled('2026-02-30T10:00:00Z')],
	['time Feb 29 non-leap', scheduled('2026-02-29T10:00:00Z')],
	['time hour 24', scheduled('2026-01-01T24:00:00Z')],
	['time second 60', scheduled('2026-01-01T10:00:60Z')],
	['time month 13', scheduled('2026-13-01T10:00:00Z')],
	['time date only', scheduled('2026-01-01')],
	['time offset +25:00', scheduled('2026-01-01T10:00:00+25:00')],
	['time offset minute 60', scheduled('2026-01-01T10:00:00+01:60')],
	['time words', scheduled('tomorrow at 10')],
	['time epoch number', scheduled(1767261600000)],
	['time object', scheduled({ at: '2026-01-01' })],
	[
		'time Luxon in zone',
		scheduled(
			undefined,
			'2026-01-01T09:00:00.000Z',
			'={{ DateTime.fromISO("2026-01-01T10:00:00", { zone: "Europe/Berlin" }) }}',
		),
	],
	[
		'time JS Date',
		scheduled(undefined, '2026-01-01T10:00:00.000Z', '={{ new Date("2026-01-01T10:00:00Z") }}'),
	],
	[
		'time Luxon invalid',
		{
			...scheduled(
				undefined,
				undefined,
				'={{ $json.bad ? DateTime.fromISO("2026-02-30") : $json.value }}',
			),
			rejected: { field: 'Scheduled Time', quoted: 'is not a valid date and time' },
		},
	],
	// Room ID
	['id with slash', roomId('get', 'r/1', 'r%2F1')],
	['id dot-dot', roomId('get', '..')],
	['id dot', roomId('delete', '.')],
	['id encoded dot-dot', roomId('get', '%2e%2e', '%252e%252e')],
	['id dot-dot slash', roomId('delete', '../rooms', '..%2Frooms')],
	['id question mark', roomId('get', 'r?x=1', 'r%3Fx%3D1')],
	['id hash', roomId('delete', 'r#frag', 'r%23frag')],
	['id unicode', roomId('get', 'räum-ü', 'r%C3%A4um-%C3%BC')],
	['id inner space', roomId('get', 'r 1', 'r%201')],
	['id padded', roomId('delete', '  r_1 ', 'r_1')],
	['id number', roomId('get', 12345, '12345')],
	[
		'id blank',
		{ ...roomId('delete', '   '), rejected: { field: 'Room ID', quoted: 'the value is empty' } },
	],
	[
		'id empty',
		{ ...roomId('get', ''), rejected: { field: 'Room ID', quoted: 'the value is empty' } },
	],
	[
		'id object',
		{
			...roomId('get', { id: 'r_1' }),
			rejected: { field: 'Room ID', quoted: 'expected text, got an object' },
		},
	],
	['id 10,000 chars', roomId('get', long)],
	['id control char', roomId('delete', 'r\u0000x')],
	[
		'id lone surrogate',
		{
			...roomId('get', undefined),
			expression: '={{ $json.bad ? "r" + String.fromCharCode(0xd800) : $json.value }}',
			rejected: { field: 'Room ID', quoted: 'is not valid Unicode text' },
		},
	],
	// User ID and Organization ID
	[
		'user id number',
		{
			operation: 'create',
			parameter: 'userId',
			value: 123,
			sent: (request) =>
				expect(body(request).user).toEqual({ id: '123', organization_id: 'org_1' }),
		},
	],
	[
		'organization id object',
		{
			operation: 'create',
			parameter: 'organizationId',
			value: { id: 1 },
			rejected: { field: 'Organization ID', quoted: 'expected text, got an object' },
		},
	],
	[
		'user id 10,000 chars',
		{
			operation: 'create',
			parameter: 'userId',
			value: long,
			rejected: { field: 'User ID', quoted: quoted(long) },
		},
	],
	// Limit and Return All
	['limit 0', limit(0)],
	['limit negative', limit(-1)],
	['limit fraction', limit(1.5)],
	['limit numeric text', limit('10', '10')],
	['limit padded text', limit(' 7 ', '7')],
	['limit word', limit('ten')],
	['limit hex text', limit('0x10')],
	['limit exponent text', limit('1e2')],
	['limit object', limit({ n: 1 })],
	[
		'return all text false',
		{
			operation: 'getAll',
			parameter: 'returnAll',
			value: 'false',
			sent: (request) => expect(request.query.limit).toBe('5'),
		},
	],
	[
		'return all word',
		{
			operation: 'getAll',
			parameter: 'returnAll',
			value: 'yes',
			rejected: { field: 'Return All', quoted: '"yes"' },
		},
	],
	[
		'chat assistant text',
		{
			operation: 'create',
			parameter: 'enableChatAssistant',
			value: 'true',
			sent: (request) => expect(body(request).settings).toEqual({ enable_chat_assistant: true }),
		},
	],
];

function parametersFor(inputCase: InputCase, expression: string): IDataObject {
	const base: Record<Operation, IDataObject> = {
		create: { ...createParameters, candidateEmail: valid.candidateEmail },
		get: { operation: 'get', roomId: valid.roomId },
		getAll: { operation: 'getAll', limit: valid.limit },
		delete: { operation: 'delete', roomId: valid.roomId },
	};
	const parameters = { ...base[inputCase.operation] };
	if (inputCase.parameter === 'scheduledTime' || inputCase.parameter === 'enableChatAssistant') {
		parameters.additionalFields = { [inputCase.parameter]: expression };
	} else {
		parameters[inputCase.parameter] = expression;
	}
	return parameters;
}

describe('bad input table', () => {
	let setup: Setup;

	beforeAll(async () => {
		setup = await startRoomsTest();
	});

	afterAll(async () => {
		await setup.server.close();
	});

	beforeEach(() => {
		setup.server.clearRequests();
	});

	test('table has at least 40 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(40);
	});

	test.each(cases)('%s', async (_name, inputCase) => {
		const expression = inputCase.expression ?? '={{ $json.value }}';
		const parameters = parametersFor(inputCase, expression);

		if (inputCase.sent !== undefined) {
			await setup.runRooms(parameters, { items: [{ value: inputCase.value }] });

			expect(setup.server.requests.length).toBeGreaterThan(0);
			inputCase.sent(setup.server.requests[0]);
			return;
		}

		// A valid item 0 before the bad item 1 shows that validation runs before any request.
		const items = [{ value: valid[inputCase.parameter] }, { value: inputCase.value, bad: true }];
		const { error } = await setup.runRooms(parameters, { items });

		expect(fields(error).name).toBe('NodeOperationError');
		expect(fields(error).message).toContain(`Invalid ${inputCase.rejected?.field} in item 1`);
		expect(fields(error).message).toContain(inputCase.rejected?.quoted);
		expect(fields(error).message.length).toBeLessThan(300);
		expect(setup.server.requests).toHaveLength(0);
	});

	test('Luxon now normalised', async () => {
		const parameters = parametersFor(
			{ operation: 'create', parameter: 'scheduledTime' },
			'={{ $now.plus({ days: 1 }) }}',
		);

		await setup.runRooms(parameters);

		const sent = body(setup.server.requests[0]).scheduled_time as string;
		expect(sent).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(Math.abs(Date.parse(sent) - (Date.now() + 86_400_000))).toBeLessThan(60_000);
	});

	test('limit above page size', async () => {
		setup.server.seedRooms(260);

		const { output } = await setup.runRooms({ operation: 'getAll', limit: 250 });

		expect(output).toHaveLength(250);
		expect(setup.server.requests.map((request) => request.query.limit)).toEqual([
			'100',
			'100',
			'50',
		]);
	});
});
