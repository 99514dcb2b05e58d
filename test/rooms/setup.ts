import type { IDataObject, INode, INodeExecutionData, IRun } from 'n8n-workflow';

import { OctocularApi } from '../../credentials/OctocularApi.credentials';
import { OctocularRooms } from '../../nodes/OctocularRooms/OctocularRooms.node';
import { retrySettings } from '../../nodes/OctocularRooms/transport';
import { createHarness, nodeError, nodeOutput } from '../harness';
import { runCredentialTest } from '../harness/credentialTest';
import { fixedItems } from '../harness/fixedItems';
import { FIXED_ITEMS_TYPE, buildItemsWorkflow } from '../harness/itemsWorkflow';
import { manualTrigger } from '../harness/manualTrigger';
import type { OctocularTestServer, StartOptions } from '../server';
import { startOctocularServer } from '../server';

export const ROOMS_TYPE = 'n8n-nodes-octocular.octocularRooms';
export const NODE_NAME = 'Octocular Rooms';

/** Valid Create parameters, for tests that change one field or check the request body. */
export const CREATE_PARAMETERS = {
	operation: 'create',
	userId: 'usr_1',
	organizationId: 'org_1',
	candidateEmail: 'candidate@example.com',
};

/** Short retry waits, so that fault tests finish quickly. */
export function useFastRetries(): void {
	retrySettings.baseDelayMs = 5;
	retrySettings.maxDelayMs = 20;
	retrySettings.requestTimeoutMs = 2_000;
}

export interface RunOptions {
	/** Input items; each becomes one execution of the node. Default: one empty item. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	apiKey?: string;
	baseUrl?: string;
}

export interface RoomsRun {
	run: IRun;
	/** Output items, or an empty list when the node failed. */
	output: INodeExecutionData[];
	error: Error | undefined;
}

/** Starts a local Octocular server and returns helpers that run the Rooms node against it. */
export async function startRoomsTest(serverOptions: StartOptions = {}) {
	const server: OctocularTestServer = await startOctocularServer({ port: 0, ...serverOptions });

	function harnessFor(options: RunOptions) {
		return createHarness({
			nodeTypes: {
				'n8n-nodes-base.manualTrigger': manualTrigger,
				[FIXED_ITEMS_TYPE]: fixedItems,
				[ROOMS_TYPE]: new OctocularRooms(),
			},
			credentialTypes: { octocularApi: new OctocularApi() },
			credentials: {
				octocularApi: {
					apiKey: options.apiKey ?? server.apiKey,
					baseUrl: options.baseUrl ?? server.baseUrl,
				},
			},
		});
	}

	/** Runs Start → Fixed Items → Octocular Rooms with the given node parameters. */
	async function runRooms(parameters: IDataObject, options: RunOptions = {}): Promise<RoomsRun> {
		const harness = harnessFor(options);
		const node: INode = {
			id: 'rooms',
			name: NODE_NAME,
			type: ROOMS_TYPE,
			typeVersion: 1,
			position: [400, 0],
			parameters: { resource: 'room', ...parameters } as INode['parameters'],
			credentials: { octocularApi: { id: '1', name: 'Octocular account' } },
			continueOnFail: options.continueOnFail ?? false,
		};
		const workflow = harness.createWorkflow(buildItemsWorkflow(options.items ?? [{}], node));
		const run = await harness.runWorkflow(workflow);
		const error = nodeError(run, NODE_NAME);
		return { run, error, output: error ? [] : nodeOutput(run, NODE_NAME) };
	}

	async function testCredential(options: RunOptions = {}) {
		return await runCredentialTest(harnessFor(options), new OctocularApi(), new OctocularRooms());
	}

	return { server, runRooms, testCredential };
}
