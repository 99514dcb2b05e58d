import { OctocularApi } from '../../credentials/OctocularApi.credentials';
import { startRoomsTest } from './setup';

type Setup = Awaited<ReturnType<typeof startRoomsTest>>;

describe('Octocular API credential', () => {
	let setup: Setup;

	beforeEach(async () => {
		setup = await startRoomsTest();
	});

	afterEach(async () => {
		await setup.server.close();
	});

	test('test passes on the local server', async () => {
		const result = await setup.testCredential();

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(setup.server.requests).toHaveLength(1);
		expect(setup.server.requests[0].path).toBe('/api/v1/rooms');
		expect(setup.server.requests[0].query).toEqual({ limit: '1' });
		expect(setup.server.requests[0].authorized).toBe(true);
	});

	test('test passes with a trailing slash', async () => {
		const result = await setup.testCredential({ baseUrl: `${setup.server.baseUrl}/` });

		expect(result.status).toBe('OK');
	});

	test('test fails on an HTML 200 page', async () => {
		setup.server.setHtmlMode(true);

		const result = await setup.testCredential();

		expect(result.status).toBe('Error');
		expect(result.message).toContain('did not return an Octocular API response');
	});

	test('test fails with a wrong key', async () => {
		const result = await setup.testCredential({ apiKey: 'wrong-key' });

		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('wrong-key');
	});

	test('test fails on a wrong base URL', async () => {
		const baseUrl = setup.server.baseUrl.replace('/api/v1', '');

		const result = await setup.testCredential({ baseUrl });

		expect(result.status).toBe('Error');
	});

	test('key is sent as a bearer token', () => {
		const credential = new OctocularApi();

		expect(credential.authenticate.properties.headers).toEqual({
			Authorization: '=Bearer {{$credentials.apiKey}}',
		});
		expect(
			credential.properties.find((property) => property.name === 'apiKey')?.typeOptions,
		).toEqual({
			password: true,
		});
		expect(credential.properties.find((property) => property.name === 'baseUrl')?.default).toBe(
			'https://octocular.io/api/v1',
		);
	});
});
