import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, Workflow } from 'n8n-workflow';

import { OctocularApi } from '../../credentials/OctocularApi.credentials';
import { OctocularRoomsTrigger } from '../../nodes/OctocularRooms/OctocularRoomsTrigger.node';
import { retrySettings } from '../../nodes/OctocularRooms/transport';
import { createAdditionalData, createHarness, nodeError, nodeOutput } from '../harness';
import type { OctocularTestServer, StartOptions } from '../server';
import { startOctocularServer } from '../server';

export const TRIGGER_TYPE = 'n8n-nodes-octocular.octocularRoomsTrigger';
export const TRIGGER_NAME = 'Octocular Rooms Trigger';

/** Short retry waits and few attempts, so fault tests finish quickly. */
export function useFastRetries(): void {
	retrySettings.maxAttempts = 2;
	retrySettings.baseDelayMs = 1;
	retrySettings.maxDelayMs = 2;
	retrySettings.requestTimeoutMs = 2_000;
}

export interface LogEntry {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	meta: IDataObject;
}

/** Log entries written through `this.logger` since the last captureLogs call. */
export const logEntries: LogEntry[] = [];

/**
 * Replaces n8n's logger in its dependency container with one that records every entry, so tests
 * can check what the trigger logs and the test output stays readable.
 */
export function captureLogs(): void {
	logEntries.length = 0;
	const record =
		(level: LogEntry['level']) =>
		(message: string, meta: IDataObject = {}) => {
			logEntries.push({ level, message, meta });
		};
	const logger = {
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		scoped: () => logger,
	};
	Container.set(Logger, logger as unknown as Logger);
}

/** Returns the trigger state saved in the static data of a node, or undefined. */
export function savedState(workflow: Workflow, nodeName = TRIGGER_NAME): IDataObject | undefined {
	const nodeData = (workflow.staticData as IDataObject)[`node:${nodeName}`] as IDataObject;
	return nodeData?.roomsTrigger as IDataObject | undefined;
}

export interface PollResult {
	/** Emitted items, or null when the poll returned null. */
	items: IDataObject[] | null;
	error: Error | undefined;
}

export interface TriggerNodeOptions {
	name?: string;
	parameters?: IDataObject;
}

/** Builds a trigger node with the given parameters. */
export function triggerNode(options: TriggerNodeOptions = {}): INode {
	const name = options.name ?? TRIGGER_NAME;
	return {
		id: name,
		name,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { event: 'roomCreated', ...(options.parameters ?? {}) } as INode['parameters'],
		credentials: { octocularApi: { id: '1', name: 'Octocular account' } },
	};
}

/**
 * Starts a local Octocular server and returns helpers that poll the trigger through n8n-core:
 * trigger mode through a PollContext, as n8n's poll scheduler does, and manual mode through
 * WorkflowExecute, as the editor's test run does.
 */
export async function startTriggerTest(serverOptions: StartOptions = {}) {
	const server: OctocularTestServer = await startOctocularServer({ port: 0, ...serverOptions });
	const credentials = { apiKey: server.apiKey, baseUrl: server.baseUrl };
	const harness = createHarness({
		nodeTypes: { [TRIGGER_TYPE]: new OctocularRoomsTrigger() },
		credentialTypes: { octocularApi: new OctocularApi() },
		credentials: { octocularApi: credentials },
	});

	/** Changes the API key the trigger sends from the next request on. */
	function setApiKey(apiKey: string): void {
		credentials.apiKey = apiKey;
	}

	/** Creates a workflow of trigger nodes; pass staticData to restore a saved state. */
	function createWorkflow(nodes: INode[] = [triggerNode()], staticData?: IDataObject): Workflow {
		return harness.createWorkflow({ nodes, staticData });
	}

	/** Reloads a workflow from its static data serialized as JSON, as after an n8n restart. */
	function restart(workflow: Workflow): Workflow {
		const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		return createWorkflow(Object.values(workflow.nodes), saved);
	}

	/** Runs one poll in trigger mode. */
	async function poll(workflow: Workflow, nodeName = TRIGGER_NAME): Promise<PollResult> {
		const node = workflow.getNode(nodeName);
		if (!node) throw new Error(`No node ${nodeName}`);
		const additionalData = createAdditionalData(harness.credentialsHelper);
		const context = new PollContext(workflow, node, additionalData, 'trigger', 'activate');
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);

		try {
			const output = (await nodeType.poll!.call(context)) as INodeExecutionData[][] | null;
			return {
				items: output === null ? null : output[0].map((item) => item.json),
				error: undefined,
			};
		} catch (error) {
			return { items: null, error: error as Error };
		}
	}

	/** Runs the trigger as the start node of a manual execution. */
	async function runManual(workflow: Workflow, nodeName = TRIGGER_NAME) {
		const run = await harness.runWorkflow(workflow, { mode: 'manual', startNodeName: nodeName });
		const error = nodeError(run, nodeName);
		const items = error ? [] : nodeOutput(run, nodeName).map((item) => item.json);
		return { run, error, items };
	}

	return { server, createWorkflow, restart, poll, runManual, setApiKey };
}

export type TriggerTest = Awaited<ReturnType<typeof startTriggerTest>>;

/** Returns the room ids of emitted items, or [] for null. */
export function idsOf(items: IDataObject[] | null): string[] {
	return (items ?? []).map((item) => String(item.room_id));
}
