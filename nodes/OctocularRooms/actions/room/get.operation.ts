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
		description: 'ID of the room to read, as returned in room_id by Create or Get Many',
		displayOptions: { show: { resource: ['room'], operation: ['get'] } },
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedCall {
	const roomId = validateRoomId(this, this.getNodeParameter('roomId', itemIndex), itemIndex);

	return async function (this: IExecuteFunctions, baseUrl: string) {
		const response = await octocularApiRequest.call(this, baseUrl, {
			method: 'GET',
			path: roomPath(roomId),
			itemIndex,
		});
		return [(response.body?.data ?? {}) as IDataObject];
	};
}
