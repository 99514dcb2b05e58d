import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { description as roomDescription } from './actions/room';
import { DEFAULT_CONCURRENCY } from './actions/concurrency';
import { route } from './actions/router';

export class OctocularRooms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Octocular Rooms',
		name: 'octocularRooms',
		icon: { light: 'file:../../icons/octocular.svg', dark: 'file:../../icons/octocular.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, get, list and delete Octocular Lab interview rooms. Create returns the session_link to send to the candidate.',
		defaults: { name: 'Octocular Rooms' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'octocularApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Room', value: 'room' }],
				default: 'room',
			},
			...roomDescription,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Concurrency',
						name: 'concurrency',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 100 },
						default: DEFAULT_CONCURRENCY,
						description:
							'Max number of requests sent at the same time: one per input item, or one per page for Get Many with Return All or a Limit above 100. Output keeps the list and input order. Lower it if the service rate-limits you.',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
