import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { octocularApiRequest, roomPath } from '../transport';
import type { RoomSummary } from '../transport/paging';
import { listRoomsPage } from '../transport/paging';
import type { PageReader } from './scan';

/** Operations the poll logic uses, so it can run against the real transport or a fake. */
export interface TriggerApi {
	node: INode;
	readPage: PageReader;
	/** Reads GET /rooms/{id}; returns undefined when the room no longer exists (404). */
	readRoom: (roomId: string) => Promise<IDataObject | undefined>;
	warn: (message: string, meta?: IDataObject) => void;
	debug: (message: string, meta?: IDataObject) => void;
}

/** Returns `error` when it is already a node error, else wraps it in a NodeOperationError. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error);
}

/** Builds the TriggerApi of one poll on n8n's poll context and the shared transport. */
export function createTriggerApi(context: IPollFunctions, baseUrl: string): TriggerApi {
	const node = context.getNode();
	const logMeta = { node: node.name, workflowId: context.getWorkflow().id };

	return {
		node,
		readPage: async (offset, limit) => await listRoomsPage.call(context, baseUrl, offset, limit),
		readRoom: async (roomId) => {
			try {
				const response = await octocularApiRequest.call(context, baseUrl, {
					method: 'GET',
					path: roomPath(roomId),
				});
				return (response.body?.data ?? undefined) as IDataObject | undefined;
			} catch (error) {
				if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
				throw asNodeError(node, error);
			}
		},
		warn: (message, meta) => context.logger.warn(message, { ...logMeta, ...meta }),
		debug: (message, meta) => context.logger.debug(message, { ...logMeta, ...meta }),
	};
}

/** Returns the summaries of `ids`, in that order, from the rooms read by a scan. */
export function summariesOf(ids: string[], rooms: RoomSummary[]): RoomSummary[] {
	const byId = new Map<string, RoomSummary>();
	for (const room of rooms) byId.set(room.room_id, room);

	const summaries: RoomSummary[] = [];
	for (const id of ids) {
		const room = byId.get(id);
		if (room) summaries.push(room);
	}
	return summaries;
}
