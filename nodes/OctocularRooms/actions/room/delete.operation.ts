import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { octocularApiRequest, roomPath } from '../../transport';
import type { PreparedCall } from '../types';
import { validateRoomId } from '../validation';

export const description: INodeProperties[] = [
	{
		displayName: 'Room ID',
		name: 'roomId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. r_8c1f',
		description: 'ID of the room to delete. Deletion is permanent.',
		displayOptions: { show: { resource: ['room'], operation: ['delete'] } },
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedCall {
	const roomId = validateRoomId(this, this.getNodeParameter('roomId', itemIndex), itemIndex);

	return async function (this: IExecuteFunctions, baseUrl: string) {
		const response = await octocularApiRequest.call(this, baseUrl, {
			method: 'DELETE',
			path: roomPath(roomId),
			itemIndex,
			notFoundAfterRetryIsSuccess: true,
		});

		// The service responds with a JSON body or an empty 204, and a retry of a delete whose
		// response was lost finds nothing (404). All three mean the room is gone.
		const result: IDataObject = { deleted: true, room_id: roomId };
		const message = response.body?.message;
		if (typeof message === 'string') result.message = message;
		return [result];
	};
}
