import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteRoom from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import type { RoomOperation } from '../types';

export const operations: Record<string, RoomOperation> = {
	create,
	get,
	getAll: getMany,
	delete: deleteRoom,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['room'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an interview room for a candidate',
				action: 'Create a room',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a room permanently',
				action: 'Delete a room',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a room with its session link, times and settings',
				action: 'Get a room',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List rooms with their ID, candidate e-mail and status',
				action: 'Get many rooms',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...deleteRoom.description,
];
