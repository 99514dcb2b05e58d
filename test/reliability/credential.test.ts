import type { FaultKind } from '../server';
import { startRoomsTest } from '../rooms/setup';

type Setup = Awaited<ReturnType<typeof startRoomsTest>>;

/**
 * The credential test is n8n's declarative request, which n8n does not retry, so every fault
 * ends in status Error with a message after exactly one request.
 */
const faults: Array<[FaultKind, string]> = [
	['429', 'Too Many Requests'],
	['429-retry-after', 'Too Many Requests'],
	['500-html', 'Internal Server Error'],
	['502-html', 'Bad Gateway'],
	['503-html', 'Service Unavailable'],
	['success-false', 'The Octocular API rejected the request'],
	['malformed-json', 'did not return an Octocular API response'],
	['truncated-json', 'did not return an Octocular API response'],
	['reset', 'ECONNRESET'],
];

describe('credential test faults', () => {
	let setup: Setup;

	beforeEach(async () => {
		setup = await startRoomsTest();
	});

	afterEach(async () => {
		await setup.server.close();
	});

	test.each(faults)('%s fails the test', async (kind, message) => {
		setup.server.injectFault({ route: 'GET /rooms', kind, retryAfter: 0 });

		const result = await setup.testCredential();

		expect(result.status).toBe('Error');
		expect(result.message).toContain(message);
		expect(setup.server.requests).toHaveLength(1);
	});
});
