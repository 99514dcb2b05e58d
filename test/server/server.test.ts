import * as http from 'node:http';
import {
	FAULT_KINDS,
	OctocularTestServer,
	SANDBOX_API_KEY,
	startOctocularServer,
	type Room,
} from '../server';

const API_KEY = 'test-api-key';
const VALID_BODY = {
	user: { id: 'user-1', organization_id: 'org-1' },
	candidate_email: 'candidate@example.com',
};

let server: OctocularTestServer;

function api(path: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	if (!headers.has('Authorization')) {
		headers.set('Authorization', `Bearer ${API_KEY}`);
	}
	return fetch(`${server.baseUrl}${path}`, { ...init, headers });
}

function postRoom(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
	return api('/rooms', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}

async function listIds(query: string): Promise<string[]> {
	const response = await api(`/rooms${query}`);
	const json = (await response.json()) as { data: Array<{ room_id: string }> };
	return json.data.map((item) => item.room_id);
}

beforeEach(async () => {
	server = await startOctocularServer({ apiKey: API_KEY, seed: 7 });
});

afterEach(async () => {
	await server.close();
});

describe('authentication', () => {
	it('rejects a missing key with 401', async () => {
		const response = await fetch(`${server.baseUrl}/rooms`);
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toBe('Bearer');
		expect(await response.json()).toEqual({ success: false, error: 'Invalid or missing API key' });
		expect(server.requests[0].authorized).toBe(false);
	});

	it('rejects a wrong key without echoing it', async () => {
		const response = await api('/rooms', { headers: { Authorization: 'Bearer wrong-key-123' } });
		const text = await response.text();
		expect(response.status).toBe(401);
		expect(text).not.toContain('wrong-key-123');
		expect(text).not.toContain(API_KEY);
	});

	it('accepts the right key', async () => {
		const response = await api('/rooms');
		expect(response.status).toBe(200);
		expect(server.requests[0].authorized).toBe(true);
	});

	it('defaults to the sandbox key', async () => {
		const sandbox = await startOctocularServer();
		try {
			expect(sandbox.apiKey).toBe(SANDBOX_API_KEY);
			expect(sandbox.apiKey).toBe('octocular-sandbox-key');
			expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
			const response = await fetch(`${sandbox.baseUrl}/rooms`, {
				headers: { Authorization: `Bearer ${SANDBOX_API_KEY}` },
			});
			expect(response.status).toBe(200);
		} finally {
			await sandbox.close();
		}
	});

	it('never stores the key in the request log', async () => {
		await postRoom(VALID_BODY);
		await api('/rooms');
		expect(JSON.stringify(server.requests)).not.toContain(API_KEY);
	});
});

describe('POST /rooms', () => {
	it('creates a full room with 201', async () => {
		const response = await postRoom({
			...VALID_BODY,
			settings: { enable_chat_assistant: true },
			scheduled_time: '2026-01-01T12:30:00.000+02:00',
			unknown_top_level: 'ignored',
		});
		expect(response.status).toBe(201);
		const json = (await response.json()) as { success: boolean; data: Room };
		expect(json.success).toBe(true);
		const room = json.data;
		expect(room.room_id).toMatch(/^r_[0-9a-f]{12}$/);
		expect(room.session_link).toBe(`https://octocular.io/session/${room.room_id}`);
		expect(room.candidate_email).toBe('candidate@example.com');
		expect(room.scheduled_time).toBe('2026-01-01T10:30:00+00:00');
		expect(room.expires_at).toBeNull();
		expect(room.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/);
		expect(room.status).toBe('active');
		expect(room.settings).toEqual({ enable_chat_assistant: true });
		expect(room.interview_language).toBe('en');
		expect(room).not.toHaveProperty('unknown_top_level');
		expect(room).not.toHaveProperty('user');
		expect(server.getRoom(room.room_id)).toEqual(room);
	});

	it('gives strictly increasing created_at', async () => {
		const rooms = server.seedRooms(50);
		for (let i = 1; i < rooms.length; i += 1) {
			expect(rooms[i].created_at > rooms[i - 1].created_at).toBe(true);
		}
		const posted = (await (await postRoom(VALID_BODY)).json()) as { data: Room };
		expect(posted.data.created_at > rooms[rooms.length - 1].created_at).toBe(true);
	});

	it.each([
		['missing user', { ...VALID_BODY, user: undefined }, 'user'],
		['missing user.id', { ...VALID_BODY, user: { organization_id: 'org-1' } }, 'user.id'],
		['empty user.id', { ...VALID_BODY, user: { id: '', organization_id: 'org-1' } }, 'user.id'],
		['missing organization', { ...VALID_BODY, user: { id: 'user-1' } }, 'user.organization_id'],
		[
			'numeric organization',
			{ ...VALID_BODY, user: { id: 'user-1', organization_id: 5 } },
			'user.organization_id',
		],
		['missing e-mail', { ...VALID_BODY, candidate_email: undefined }, 'candidate_email'],
		['invalid e-mail', { ...VALID_BODY, candidate_email: 'not-an-email' }, 'candidate_email'],
		['numeric e-mail', { ...VALID_BODY, candidate_email: 42 }, 'candidate_email'],
		['string settings', { ...VALID_BODY, settings: 'on' }, 'settings'],
		[
			'string chat flag',
			{ ...VALID_BODY, settings: { enable_chat_assistant: 'yes' } },
			'settings.enable_chat_assistant',
		],
		['free-text schedule', { ...VALID_BODY, scheduled_time: 'tomorrow' }, 'scheduled_time'],
		[
			'impossible date',
			{ ...VALID_BODY, scheduled_time: '2026-02-30T10:00:00Z' },
			'scheduled_time',
		],
		['array body', [VALID_BODY], 'JSON object'],
	])('rejects %s', async (_case, body, field) => {
		const response = await postRoom(body);
		expect(response.status).toBe(400);
		const json = (await response.json()) as { success: boolean; error: string };
		expect(json.success).toBe(false);
		expect(json.error).toContain(field);
		expect(server.roomCount()).toBe(0);
	});

	it('rejects invalid JSON with 400', async () => {
		const response = await postRoom('{"user": ');
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: string }).error).toMatch(/not valid JSON/);
	});

	it('rejects a non-JSON content type with 415', async () => {
		const response = await postRoom(JSON.stringify(VALID_BODY), { 'Content-Type': 'text/plain' });
		expect(response.status).toBe(415);
		expect(server.roomCount()).toBe(0);
	});

	it('names the field in a message error style', async () => {
		server.setOptions({ errorStyle: 'message' });
		const response = await postRoom({ ...VALID_BODY, candidate_email: 'x' });
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			message: 'candidate_email must be a valid e-mail address',
		});
	});
});

describe('GET /rooms', () => {
	it('uses the default page size', async () => {
		server.seedRooms(30);
		const response = await api('/rooms');
		const json = (await response.json()) as { data: unknown[]; pagination: unknown };
		expect(json.data).toHaveLength(20);
		expect(json.pagination).toEqual({ limit: 20, offset: 0, total: 30 });
	});

	it('caps limit and reports the cap', async () => {
		server.seedRooms(150);
		server.setOptions({ maxPageSize: 40 });
		const json = (await (await api('/rooms?limit=100&offset=10')).json()) as {
			data: unknown[];
			pagination: unknown;
		};
		expect(json.data).toHaveLength(40);
		expect(json.pagination).toEqual({ limit: 40, offset: 10, total: 150 });
	});

	it('returns summaries only', async () => {
		const [room] = server.seedRooms(1, { status: 'expired' });
		const json = (await (await api('/rooms')).json()) as { data: unknown[] };
		expect(json.data).toEqual([
			{ room_id: room.room_id, candidate_email: room.candidate_email, status: 'expired' },
		]);
	});

	it('returns an empty page past the end', async () => {
		server.seedRooms(3);
		const json = (await (await api('/rooms?offset=5')).json()) as {
			data: unknown[];
			pagination: unknown;
		};
		expect(json.data).toEqual([]);
		expect(json.pagination).toEqual({ limit: 20, offset: 5, total: 3 });
	});

	it.each(['limit=-1', 'limit=abc', 'limit=1.5', 'offset=-3', 'offset=', 'limit=1&limit=2'])(
		'rejects %s with 400',
		async (query) => {
			const response = await api(`/rooms?${query}`);
			expect(response.status).toBe(400);
			const json = (await response.json()) as { error: string };
			expect(json.error).toMatch(/(limit|offset) must be a non-negative integer/);
		},
	);

	it('lists newest first', async () => {
		const ids = server.seedRooms(5).map((room) => room.room_id);
		expect(await listIds('')).toEqual([...ids].reverse());
		expect(server.listRoomIds()).toEqual([...ids].reverse());
	});

	it('lists oldest first', async () => {
		server.setOptions({ order: 'oldest' });
		const ids = server.seedRooms(5).map((room) => room.room_id);
		expect(await listIds('')).toEqual(ids);
	});

	it('lists by id', async () => {
		server.setOptions({ order: 'id' });
		const ids = server.seedRooms(30).map((room) => room.room_id);
		const sorted = [...ids].sort();
		expect(await listIds('?limit=100')).toEqual(sorted);
		const added = server.createRoom({ room_id: 'r_0000' });
		expect((await listIds('?limit=100'))[0]).toBe(added.room_id);
	});

	it('keeps a shuffled order stable between requests', async () => {
		server.setOptions({ order: 'shuffled' });
		const ids = server.seedRooms(30).map((room) => room.room_id);
		const first = await listIds('?limit=100');
		const second = await listIds('?limit=100');
		expect(second).toEqual(first);
		expect(first).not.toEqual(ids);
		expect(first).not.toEqual([...ids].reverse());
		expect([...first].sort()).toEqual([...ids].sort());

		server.deleteRoom(first[4]);
		expect(await listIds('?limit=100')).toEqual(first.filter((id) => id !== first[4]));
	});

	it('replays ids and shuffle for one seed', async () => {
		const other = await startOctocularServer({ seed: 7, order: 'shuffled' });
		try {
			server.setOptions({ order: 'shuffled' });
			const otherIds = other.seedRooms(10).map((room) => room.room_id);
			const ids = server.seedRooms(10).map((room) => room.room_id);
			expect(otherIds).toEqual(ids);
			expect(other.listRoomIds()).toEqual(server.listRoomIds());
		} finally {
			await other.close();
		}
	});
});

describe('GET and DELETE /rooms/{id}', () => {
	const unusualIds = ['a/b', 'with space', 'ünï©ødé-房间', '100%', 'q?x=1#frag'];

	it.each(unusualIds)('gets room %s by encoded id', async (roomId) => {
		server.createRoom({ room_id: roomId });
		const response = await api(`/rooms/${encodeURIComponent(roomId)}`);
		expect(response.status).toBe(200);
		const json = (await response.json()) as { data: Room };
		expect(json.data.room_id).toBe(roomId);
		expect(server.requests[0].path).toBe(`/api/v1/rooms/${roomId}`);
		expect(server.requests[0].rawPath).toBe(`/api/v1/rooms/${encodeURIComponent(roomId)}`);
	});

	it('returns 404 naming an unknown id', async () => {
		const response = await api('/rooms/r_missing');
		expect(response.status).toBe(404);
		expect(((await response.json()) as { error: string }).error).toBe('Room not found: r_missing');
	});

	it('deletes with the documented body', async () => {
		const [room] = server.seedRooms(1);
		const response = await api(`/rooms/${room.room_id}`, { method: 'DELETE' });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			success: true,
			message: 'Room deleted successfully',
			data: { room_id: room.room_id },
		});
		expect(server.roomCount()).toBe(0);
	});

	it('deletes with an empty 204', async () => {
		server.setOptions({ deleteResponse: 'empty' });
		const [room] = server.seedRooms(1, { room_id: 'a/b' });
		const response = await api(`/rooms/${encodeURIComponent(room.room_id)}`, { method: 'DELETE' });
		expect(response.status).toBe(204);
		expect(await response.text()).toBe('');
		expect(server.getRoom('a/b')).toBeUndefined();
	});

	it('returns 404 deleting an unknown id', async () => {
		const response = await api('/rooms/r_missing', { method: 'DELETE' });
		expect(response.status).toBe(404);
	});
});

describe('routing and error styles', () => {
	it('returns 404 for an unknown route', async () => {
		expect((await api('/users')).status).toBe(404);
		expect((await api('/rooms/')).status).toBe(404);
	});

	it('checks the key before routing', async () => {
		expect((await fetch(`${server.baseUrl}/users`)).status).toBe(401);
	});

	it('returns 405 with Allow for a wrong method', async () => {
		const response = await api('/rooms', { method: 'PUT' });
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, POST');
		const item = await api('/rooms/r_1', { method: 'PATCH' });
		expect(item.status).toBe(405);
		expect(item.headers.get('allow')).toBe('GET, DELETE');
	});

	it('sends HTML errors in html style', async () => {
		server.setOptions({ errorStyle: 'html' });
		const response = await api('/rooms/<script>');
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		const text = await response.text();
		expect(text).toContain('Room not found: &lt;script&gt;');
	});

	it('answers every route with HTML in html mode', async () => {
		server.setHtmlMode(true);
		for (const path of ['/rooms', '/rooms/x', '/nothing']) {
			const response = await api(path);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		}
		server.setHtmlMode(false);
		expect((await api('/rooms')).headers.get('content-type')).toMatch(/^application\/json/);
	});

	it('rejects invalid runtime options', () => {
		expect(() => server.setOptions({ order: 'random' as never })).toThrow(/order must be one of/);
		expect(() => server.setOptions({ maxPageSize: 0 })).toThrow(/maxPageSize/);
		expect(() => server.setOptions({ seed: 1 } as never)).toThrow(/cannot be changed/);
	});

	it('adds latency to responses', async () => {
		server.setOptions({ latencyMs: 150 });
		const started = Date.now();
		await api('/rooms');
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('reuses kept-alive sockets', async () => {
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		const get = () =>
			new Promise<boolean>((resolve, reject) => {
				const request = http.get(
					`${server.baseUrl}/rooms`,
					{ agent, headers: { Authorization: `Bearer ${API_KEY}` } },
					(response) => {
						response.resume();
						response.on('end', () => resolve(request.reusedSocket));
					},
				);
				request.on('error', reject);
			});
		expect(await get()).toBe(false);
		expect(await get()).toBe(true);
		agent.destroy();
	});
});

describe('faults', () => {
	it('lists every fault kind', () => {
		expect(FAULT_KINDS).toContain('reset-after-commit');
		expect(FAULT_KINDS).toHaveLength(14);
	});

	it('sends 429 without Retry-After', async () => {
		server.injectFault({ kind: '429' });
		const response = await api('/rooms');
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBeNull();
		expect((await api('/rooms')).status).toBe(200);
	});

	it('sends 429 with Retry-After seconds', async () => {
		server.injectFault({ kind: '429-retry-after', retryAfter: 3 });
		const response = await api('/rooms');
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('3');
	});

	it('sends 429 with a Retry-After date', async () => {
		server.injectFault({ kind: '429-retry-after-date', retryAfter: 2 });
		const sent = Date.now();
		const response = await api('/rooms');
		const retryAt = Date.parse(response.headers.get('retry-after') ?? '');
		expect(response.status).toBe(429);
		expect(retryAt).toBeGreaterThanOrEqual(sent + 2000 - 1000);
		expect(retryAt).toBeLessThanOrEqual(sent + 2000 + 2000);
	});

	it.each([500, 502, 503, 504])('sends a %i HTML page', async (status) => {
		server.injectFault({ kind: `${status}-html` as '500-html' });
		const response = await api('/rooms');
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await response.text()).toContain('<html>');
	});

	it('sends success false with 200', async () => {
		server.injectFault({ kind: 'success-false' });
		const response = await api('/rooms');
		expect(response.status).toBe(200);
		expect(((await response.json()) as { success: boolean }).success).toBe(false);
	});

	it.each(['malformed-json', 'truncated-json'] as const)(
		'sends %s as invalid JSON',
		async (kind) => {
			server.seedRooms(5);
			server.injectFault({ kind });
			const response = await api('/rooms');
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/^application\/json/);
			const text = await response.text();
			expect(() => JSON.parse(text)).toThrow(SyntaxError);
		},
	);

	it('cuts a real list body for truncated-json', async () => {
		server.seedRooms(5);
		server.injectFault({ kind: 'truncated-json', route: 'GET /rooms' });
		const text = await (await api('/rooms')).text();
		expect(text.startsWith('{"success":true,"data":[{"room_id":"r_')).toBe(true);
	});

	it('resets the socket without response', async () => {
		server.injectFault({ kind: 'reset' });
		await expect(api('/rooms')).rejects.toThrow();
		expect((await api('/rooms')).status).toBe(200);
	});

	it('hangs until closed', async () => {
		server.injectFault({ kind: 'hang' });
		await expect(api('/rooms', { signal: AbortSignal.timeout(200) })).rejects.toThrow();
	});

	it('closes while a request hangs', async () => {
		server.injectFault({ kind: 'hang' });
		const pending = api('/rooms');
		await new Promise((resolve) => setTimeout(resolve, 50));
		await server.close();
		await expect(pending).rejects.toThrow();
		server = await startOctocularServer({ apiKey: API_KEY });
	});

	it('redirects to a loopback location', async () => {
		server.injectFault({ kind: 'redirect', location: 'http://127.0.0.2:9/capture' });
		const response = await api('/rooms', { redirect: 'manual' });
		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe('http://127.0.0.2:9/capture');
	});

	it('redirects by default to localhost', async () => {
		server.injectFault({ kind: 'redirect' });
		const response = await api('/rooms?limit=1', { redirect: 'manual' });
		expect(response.headers.get('location')).toBe(
			`http://localhost:${server.port}/api/v1/rooms?limit=1`,
		);
	});

	it('rejects a redirect to another host', () => {
		expect(() => server.injectFault({ kind: 'redirect', location: 'http://example.com/' })).toThrow(
			/loopback/,
		);
	});

	it('does not create a room for a faulted POST', async () => {
		server.injectFault({ route: 'POST /rooms', kind: '503-html' });
		expect((await postRoom(VALID_BODY)).status).toBe(503);
		expect(server.roomCount()).toBe(0);
	});

	it('creates the room before reset-after-commit', async () => {
		server.injectFault({ route: 'POST /rooms', kind: 'reset-after-commit' });
		await expect(postRoom(VALID_BODY)).rejects.toThrow();
		expect(server.roomCount()).toBe(1);
	});

	it('applies nth, times and route', async () => {
		server.seedRooms(1);
		server.injectFault({ route: 'GET /rooms', nth: 2, times: 2, kind: '429' });
		const statuses = [];
		for (let i = 0; i < 5; i += 1) {
			statuses.push((await api('/rooms')).status);
			statuses.push((await api('/rooms/r_none')).status);
		}
		expect(statuses).toEqual([200, 404, 429, 404, 429, 404, 200, 404, 200, 404]);
	});

	it('removes a fault with its returned function', async () => {
		const remove = server.injectFault({ kind: '429' });
		remove();
		expect((await api('/rooms')).status).toBe(200);
	});

	it('replays random faults for one seed', async () => {
		const run = async () => {
			server.clearFaults();
			server.setRandomFaults({ rate: 0.3, kinds: ['429', '503-html'], seed: 42 });
			const statuses = [];
			for (let i = 0; i < 30; i += 1) {
				statuses.push((await api('/rooms')).status);
			}
			return statuses;
		};
		const first = await run();
		expect(await run()).toEqual(first);
		expect(first).toContain(200);
		expect(first.some((status) => status !== 200)).toBe(true);

		server.setRandomFaults({ rate: 0 });
		expect((await api('/rooms')).status).toBe(200);
	});

	it('clears every fault', async () => {
		server.injectFault({ kind: '429', times: 5 });
		server.setRandomFaults({ rate: 1 });
		server.clearFaults();
		expect((await api('/rooms')).status).toBe(200);
	});
});

describe('request log and hooks', () => {
	it('records method, paths, query and body', async () => {
		await postRoom(VALID_BODY);
		await api('/rooms?limit=5&offset=10');
		expect(server.requests).toHaveLength(2);
		expect(server.requests[0]).toMatchObject({
			method: 'POST',
			path: '/api/v1/rooms',
			body: VALID_BODY,
			authorized: true,
		});
		expect(server.requests[1].query).toEqual({ limit: '5', offset: '10' });
		expect(typeof server.requests[1].at).toBe('number');
		server.clearRequests();
		expect(server.requests).toHaveLength(0);
	});

	it('runs onRequest before handling', async () => {
		server.setOptions({ order: 'oldest' });
		server.seedRooms(4);
		const seen: number[] = [];
		const unsubscribe = server.onRequest(async ({ method, path, requestIndex }) => {
			seen.push(requestIndex);
			if (method === 'GET' && path.endsWith('/rooms') && requestIndex === 1) {
				server.createRoom({ room_id: 'r_between_pages' });
			}
		});
		const first = (await (await api('/rooms?limit=2')).json()) as { pagination: { total: number } };
		const second = (await (await api('/rooms?limit=2&offset=2')).json()) as {
			pagination: { total: number };
		};
		expect(first.pagination.total).toBe(4);
		expect(second.pagination.total).toBe(5);
		expect(seen).toEqual([0, 1]);

		unsubscribe();
		await api('/rooms');
		expect(seen).toEqual([0, 1]);
	});

	it('answers 500 when a hook throws', async () => {
		const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
		server.onRequest(() => {
			throw new Error('hook failed on purpose');
		});
		const response = await api('/rooms');
		expect(response.status).toBe(500);
		expect(spy).toHaveBeenCalledTimes(1);
		spy.mockRestore();
	});
});

describe('seedRooms', () => {
	it('applies overrides per index', () => {
		const rooms = server.seedRooms(3, (index) => ({
			room_id: `room ${index}`,
			status: 'completed',
		}));
		expect(rooms.map((room) => room.room_id)).toEqual(['room 0', 'room 1', 'room 2']);
		expect(server.getRoom('room 1')?.status).toBe('completed');
	});

	it('throws on a duplicate room_id', () => {
		server.createRoom({ room_id: 'same' });
		expect(() => server.createRoom({ room_id: 'same' })).toThrow(/already exists/);
	});

	it('keeps indexes valid after a duplicate', () => {
		server.setOptions({ order: 'id' });
		server.createRoom({ room_id: 'b' });
		expect(server.listRoomIds()).toEqual(['b']);
		expect(() => server.seedRooms(2, (index) => ({ room_id: index === 0 ? 'a' : 'b' }))).toThrow(
			/already exists/,
		);
		expect(server.listRoomIds()).toEqual(['a', 'b']);
		expect(server.roomCount()).toBe(2);
	});

	it('seeds and pages 100000 rooms', async () => {
		server.seedRooms(100_000);
		expect(server.roomCount()).toBe(100_000);

		for (const order of ['newest', 'oldest', 'shuffled', 'id'] as const) {
			server.setOptions({ order });
			const json = (await (await api('/rooms?limit=100&offset=99950')).json()) as {
				data: unknown[];
				pagination: { total: number };
			};
			expect(json.data).toHaveLength(50);
			expect(json.pagination.total).toBe(100_000);
		}

		server.setOptions({ order: 'id' });
		for (let i = 0; i < 50; i += 1) {
			server.createRoom({});
			const json = (await (await api(`/rooms?limit=100&offset=${i * 100}`)).json()) as {
				data: unknown[];
			};
			expect(json.data).toHaveLength(100);
		}
		expect(server.roomCount()).toBe(100_050);
	});
});
