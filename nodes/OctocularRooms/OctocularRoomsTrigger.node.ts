import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getBaseUrl } from './transport';
import { asNodeError, createTriggerApi } from './trigger/api';
import { triggerProperties } from './trigger/description';
import type { RoomFilters } from './trigger/emit';
import { buildItems, readNewestRoom } from './trigger/emit';
import { planPoll } from './trigger/poll';
import type { ListOrderSetting } from './trigger/state';
import { STATE_KEY, readState, writeState } from './trigger/state';

const LIST_ORDERS: ListOrderSetting[] = ['detect', 'newest', 'oldest', 'any'];

export class OctocularRoomsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Octocular Rooms Trigger',
		name: 'octocularRoomsTrigger',
		icon: { light: 'file:../../icons/octocular.svg', dark: 'file:../../icons/octocular.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Room Created',
		description: 'Starts the workflow when a new Octocular Lab interview room is created',
		defaults: { name: 'Octocular Rooms Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'octocularApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const node = this.getNode();
		const workflowId = this.getWorkflow().id;

		try {
			const includeDetails = this.getNodeParameter('includeDetails', true) as boolean;
			const filters = this.getNodeParameter('filters', {}) as RoomFilters;
			const options = this.getNodeParameter('options', {}) as IDataObject;
			const requested = options.listOrder as ListOrderSetting | undefined;
			const setting =
				requested !== undefined && LIST_ORDERS.includes(requested) ? requested : 'detect';

			const baseUrl = await getBaseUrl.call(this);
			const api = createTriggerApi(this, baseUrl);

			if (this.getMode() === 'manual') {
				const room = await readNewestRoom(api, includeDetails);
				return room === undefined ? null : [this.helpers.returnJsonArray([room])];
			}

			// The next state is built in memory and saved only after every request succeeded.
			const staticData = this.getWorkflowStaticData('node');
			const previous = readState(staticData, setting);
			const plan = await planPoll(api, setting, previous);
			const items = await buildItems(
				api,
				plan.newRooms,
				{ includeDetails, filters },
				plan.creationOrdered,
				plan.details,
			);

			if (JSON.stringify(staticData[STATE_KEY]) !== JSON.stringify(plan.state)) {
				writeState(staticData, plan.state);
			}
			if (items.length === 0) return null;
			return [this.helpers.returnJsonArray(items)];
		} catch (error) {
			this.logger.error('Octocular Rooms Trigger poll failed', {
				node: node.name,
				workflowId,
				error: error instanceof Error ? error.message : String(error),
			});
			throw asNodeError(node, error);
		}
	}
}
