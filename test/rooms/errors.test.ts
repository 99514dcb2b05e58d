import type { IDataObject } from 'n8n-workflow';

import { CREATE_PARAMETERS, startRoomsTest, useFastRetries } from './setup';

type Setup = Awaited<ReturnType<typeof startRoomsTest>>;

describe('Octocular Rooms errors', () => {
	let setup: Setup;

	beforeAll(() => {
		useFastRetries();
	});

	beforeEach(async () => {
		setup = await startRoomsTest();
	});

	afterEach(async () => {
		await setup.server.close();
	});

	test.each(['error', 'message'] as const)(
		'401 carries the service message (%s body)',
		async (style) => {
			setup.server.setOptions({ errorStyle: style });

			const { error } = await setup.runRooms(
				{ operation: 'getAll', limit: 5 },
				{ apiKey: 'wrong' },
			);

			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toContain('401');
			expect(error?.message).toContain('Invalid or missing API key');
			expect((error as unknown as { httpCode: string }).httpCode).toBe('401');
			expect((error as unknown as { description: string }).description).toContain('API key');
		},
	);

	test('404 carries the service message', async () => {
		const { error } = await setup.runRooms({ operation: 'get', roomId: 'r_missing' });

		expect(error?.name).toBe('NodeApiError');
		expect((error as unknown as { httpCode: string }).httpCode).toBe('404');
		expect(error?.message).toContain('Room not found');
		expect(error?.message).toContain('r_missing');
	});

	test('404 on delete of a missing room', async () => {
		const { error } = await setup.runRooms({ operation: 'delete', roomId: 'r_missing' });

		expect((error as unknown as { httpCode: string }).httpCode).toBe('404');
		expect(error?.message).toContain('Room not found');
	});

	test('400 carries the validation message', async () => {
		const { error } = await setup.runRooms({
			...CREATE_PARAMETERS,
			candidateEmail: 'candidate@example.invalid',
		});

		expect(error?.name).toBe('NodeApiError');
		expect((error as unknown as { httpCode: string }).httpCode).toBe('400');
		expect(error?.message).toContain('candidate_email');
		expect(setup.server.roomCount()).toBe(0);
	});

	test('continue on fail isolates the failing item', async () => {
		const [first, third] = setup.server.seedRooms(2);

		const { output, error } = await setup.runRooms(
			{ operation: 'get', roomId: '={{ $json.id }}' },
			{
				items: [{ id: first.room_id }, { id: 'r_missing' }, { id: third.room_id }],
				continueOnFail: true,
			},
		);

		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		expect(output[0].json.room_id).toBe(first.room_id);
		expect(output[1].json.error).toEqual(expect.stringContaining('Room not found'));
		expect(output[2].json.room_id).toBe(third.room_id);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('continue on fail with invalid input', async () => {
		const { output } = await setup.runRooms(
			{ ...CREATE_PARAMETERS, candidateEmail: '={{ $json.email }}' },
			{
				items: [{ email: 'a@example.com' }, { email: 'not-an-email' }, { email: 'c@example.com' }],
				continueOnFail: true,
			},
		);

		expect(output).toHaveLength(3);
		expect(output[1].json.error).toEqual(expect.stringContaining('Candidate Email'));
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(setup.server.roomCount()).toBe(2);
	});

	test('without continue on fail invalid input stops every request', async () => {
		const { error } = await setup.runRooms(
			{ ...CREATE_PARAMETERS, candidateEmail: '={{ $json.email }}' },
			{ items: [{ email: 'a@example.com' }, { email: 'b@' }] },
		);

		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('Candidate Email');
		expect(error?.message).toContain('item 1');
		expect(error?.message).toContain('"b@"');
		expect(setup.server.requests).toHaveLength(0);
	});

	test.each(['', '   ', '\t\n'])('blank room id %j sends no request', async (roomId) => {
		for (const operation of ['get', 'delete']) {
			const { error } = await setup.runRooms(
				{ operation, roomId: '={{ $json.id }}' },
				{ items: [{ id: roomId }] },
			);

			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toContain('Room ID');
			expect(error?.message).toContain('empty');
		}
		expect(setup.server.requests).toHaveLength(0);
	});

	test('literal empty room id stopped by n8n', async () => {
		await expect(setup.runRooms({ operation: 'get', roomId: '' })).rejects.toThrow(
			'Parameter "Room ID" is required',
		);
		expect(setup.server.requests).toHaveLength(0);
	});

	test('malformed candidate email sends no request', async () => {
		const { error } = await setup.runRooms({ ...CREATE_PARAMETERS, candidateEmail: 'Jane <j@x>' });

		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('Invalid Candidate Email in item 0');
		expect(setup.server.requests).toHaveLength(0);
	});

	test('error items carry no extra fields', async () => {
		const { output } = await setup.runRooms(
			{ operation: 'get', roomId: 'r_missing' },
			{ continueOnFail: true },
		);

		expect(Object.keys(output[0].json as IDataObject)).toEqual(['error']);
	});
});
