import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listRooms } from '../../transport/paging';
import { readConcurrency } from '../concurrency';
import type { PreparedCall } from '../types';
import { validateBoolean, validateLimit } from '../validation';

const showFor = { resource: ['room'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: showFor },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...showFor, returnAll: [false] } },
	},
	{
		displayName:
			'The list shows only room_id, candidate_email and status. Use Get for the session link, times and settings.',
		name: 'listNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showFor },
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedCall {
	const returnAll = validateBoolean(
		this,
		this.getNodeParameter('returnAll', itemIndex, false),
		'Return All',
		itemIndex,
	);
	const limit = returnAll
		? Number.POSITIVE_INFINITY
		: validateLimit(this, this.getNodeParameter('limit', itemIndex, 50), itemIndex);

	const concurrency = readConcurrency(this, itemIndex);

	return async function (this: IExecuteFunctions, baseUrl: string) {
		return await listRooms.call(this, baseUrl, limit, concurrency, itemIndex);
	};
}
