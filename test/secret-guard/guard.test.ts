import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import { NodeApiError } from 'n8n-workflow';

import { startRoomsTest } from '../rooms/setup';
import { SANDBOX_API_KEY } from '../server';
import { REDACTED, SecretGuard, suiteGuard } from './guard';

const PLANTED_KEY = 'planted-key-7f3a9c';

const node = {
	id: 'rooms',
	name: 'Octocular Rooms',
	type: 'n8n-nodes-octocular.octocularRooms',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

describe('secret guard', () => {
	afterEach(() => {
		// The planted leaks below are intended, so clear them before the suite hook checks.
		suiteGuard.takeFindings();
	});

	test('finds key in error description', () => {
		const guard = new SecretGuard([PLANTED_KEY]);
		const error = new NodeApiError(
			node,
			{ message: 'failed' },
			{
				message: 'Octocular API error 500',
				description: `header was Bearer ${PLANTED_KEY}`,
			},
		);

		expect(guard.scanValue(error, 'error')).toBe(true);
		expect(guard.takeFindings()).toEqual([{ where: 'error › description' }]);
	});

	test('finds key in cause chain', () => {
		const guard = new SecretGuard([PLANTED_KEY]);
		const inner = new Error(`Authorization: Bearer ${PLANTED_KEY}`);
		const outer = new Error('request failed', { cause: new Error('socket', { cause: inner }) });

		expect(guard.scanValue(outer, 'thrown')).toBe(true);
		const places = guard.takeFindings().map((finding) => finding.where);
		expect(places).toContain('thrown › cause › cause › message');
	});

	test('finds URL-encoded and Base64 key', () => {
		const guard = new SecretGuard(['key with/slash+plus']);

		expect(guard.scanText('x?k=key%20with%2Fslash%2Bplus', 'url')).toBe(true);
		expect(guard.scanText(Buffer.from('key with/slash+plus').toString('base64'), 'b64')).toBe(true);
	});

	test('ignores clean values', () => {
		const guard = new SecretGuard([PLANTED_KEY]);

		expect(guard.scanValue({ json: { error: 'Octocular API error 401' } }, 'item')).toBe(false);
	});

	test('ignores too short values', () => {
		const guard = new SecretGuard(['wrong']);

		expect(guard.scanText('the Base URL may be wrong', 'text')).toBe(false);
	});

	test('suite hook sees console output', () => {
		suiteGuard.register(PLANTED_KEY);

		console.warn(`leaking ${PLANTED_KEY} on purpose`);

		expect(suiteGuard.takeFindings()).toEqual([{ where: 'console.warn' }]);
	});

	test('console output is redacted', () => {
		const guard = new SecretGuard([PLANTED_KEY]);

		expect(guard.redact(`a ${PLANTED_KEY} b`)).toBe(`a ${REDACTED} b`);
	});

	test('suite hook sees debug log lines', () => {
		suiteGuard.register(PLANTED_KEY);

		Container.get(Logger).debug('retrying', { header: `Bearer ${PLANTED_KEY}` });

		expect(suiteGuard.takeFindings()).toEqual([
			{ where: 'n8n logger (debug) › metadata › header' },
		]);
	});

	test('suite hook sees run data', async () => {
		const setup = await startRoomsTest();
		try {
			// The key typed into a parameter ends up in the output item, which the hook must see.
			await setup.runRooms(
				{ operation: 'get', roomId: '={{ $json.id }}' },
				{ items: [{ id: SANDBOX_API_KEY }], continueOnFail: true },
			);
		} finally {
			await setup.server.close();
		}

		expect(suiteGuard.takeFindings().length).toBeGreaterThan(0);
	});
});
