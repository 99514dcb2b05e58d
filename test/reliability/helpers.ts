import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';

import { retrySettings } from '../../nodes/OctocularRooms/transport';
import type { FaultRoute, OctocularTestServer } from '../server';

export const createParameters = {
	operation: 'create',
	userId: 'usr_1',
	organizationId: 'org_1',
	candidateEmail: 'candidate@example.com',
};

export type OperationName = 'create' | 'get' | 'getAll' | 'delete';

export interface OperationCase {
	name: OperationName;
	route: FaultRoute;
	method: string;
	/** Seeds what the operation needs and returns its node parameters. */
	prepare(server: OctocularTestServer): IDataObject;
}

export const operationCases: Record<OperationName, OperationCase> = {
	create: {
		name: 'create',
		route: 'POST /rooms',
		method: 'POST',
		prepare: () => createParameters,
	},
	get: {
		name: 'get',
		route: 'GET /rooms/:id',
		method: 'GET',
		prepare: (server) => ({ operation: 'get', roomId: server.seedRooms(1)[0].room_id }),
	},
	getAll: {
		name: 'getAll',
		route: 'GET /rooms',
		method: 'GET',
		prepare: (server) => {
			server.seedRooms(3);
			return { operation: 'getAll', limit: 5 };
		},
	},
	delete: {
		name: 'delete',
		route: 'DELETE /rooms/:id',
		method: 'DELETE',
		prepare: (server) => ({ operation: 'delete', roomId: server.seedRooms(1)[0].room_id }),
	},
};

const defaults = { ...retrySettings };

/** Short retry waits and a short per-attempt timeout, so that fault tests finish quickly. */
export function useTestRetries(): void {
	retrySettings.maxAttempts = 4;
	retrySettings.baseDelayMs = 5;
	retrySettings.maxDelayMs = 20;
	retrySettings.maxTotalWaitMs = 5_000;
	retrySettings.requestTimeoutMs = 400;
}

export function restoreRetries(): void {
	Object.assign(retrySettings, defaults);
}

/** Fields of a NodeApiError or NodeOperationError that the tests check. */
export interface NodeErrorFields {
	name: string;
	message: string;
	description?: string | null;
	httpCode?: string | null;
	context?: IDataObject;
}

export function fields(error: Error | undefined): NodeErrorFields {
	if (error === undefined) throw new Error('Expected the node to fail, but it succeeded');
	return error as unknown as NodeErrorFields;
}

/** Requests of one method that reached the test server. */
export function requestsOf(server: OctocularTestServer, method: string) {
	return server.requests.filter((request) => request.method === method);
}

export interface RecordingListener {
	url: string;
	/** Number of requests received. */
	hits: () => number;
	/** Number of requests that carried an Authorization header of any value. */
	authorizationHeaders: () => number;
	close: () => Promise<void>;
}

/**
 * Starts a second loopback listener, on another port, that returns 200 with a success body and
 * records whether any request carried an Authorization header. Tests use it as a redirect
 * target or as the host of a session link.
 */
export async function startRecordingListener(): Promise<RecordingListener> {
	let hits = 0;
	let authorizationHeaders = 0;
	const server = createServer((request, response) => {
		hits++;
		if (request.headers.authorization !== undefined) authorizationHeaders++;
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify({ success: true, data: [], pagination: { total: 0 } }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		hits: () => hits,
		authorizationHeaders: () => authorizationHeaders,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
