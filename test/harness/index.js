// @ts-check
// Runs workflows with n8n-core's own engine (WorkflowExecute), in memory, so tests, the demo
// and benchmarks exercise our nodes the way n8n does, over real HTTP.
const os = require('node:os');
const path = require('node:path');

// n8n-core writes an instance settings file with an encryption key into its user folder on
// first use. Point it at a temporary folder unless the caller chose one.
process.env.N8N_USER_FOLDER ??= path.join(os.tmpdir(), 'n8n-nodes-octocular-harness');
// n8n's logger prints every node error to the console, which buries test output. Set
// N8N_LOG_LEVEL to see it. The secret guard reads log calls before this level filters them.
process.env.N8N_LOG_LEVEL ??= 'silent';

const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const { Workflow } = require('n8n-workflow');

const { InMemoryCredentialsHelper } = require('./credentials');
const { createNodeTypes } = require('./nodeTypes');
const { notifyHarnessObservers } = require('./observers');

let executionCounter = 0;

/**
 * @typedef {object} HarnessOptions
 * @property {Record<string, import('n8n-workflow').INodeType>} nodeTypes node types by type name,
 *   such as 'n8n-nodes-octocular.octocularRooms'
 * @property {Record<string, import('n8n-workflow').ICredentialType>} credentialTypes by type name
 * @property {Record<string, import('n8n-workflow').ICredentialDataDecryptedObject>} credentials
 *   credential data by type name
 * @property {string} [timezone] workflow time zone, 'UTC' by default
 */

/**
 * Builds the additional data that n8n-core needs to execute nodes.
 * @param {InMemoryCredentialsHelper} credentialsHelper
 * @param {ExecutionLifecycleHooks} [hooks]
 * @returns {import('n8n-workflow').IWorkflowExecuteAdditionalData}
 */
function createAdditionalData(credentialsHelper, hooks) {
	const notSupported = () => {
		throw new Error('Not supported in the test harness');
	};
	return /** @type {any} */ ({
		credentialsHelper,
		hooks,
		executeWorkflow: notSupported,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: notSupported,
	});
}

/**
 * Creates a harness bound to one set of node types and credentials.
 * @param {HarnessOptions} options
 */
function createHarness(options) {
	const nodeTypes = createNodeTypes(options.nodeTypes);
	const credentialsHelper = new InMemoryCredentialsHelper(
		options.credentialTypes,
		options.credentials,
	);
	notifyHarnessObservers({
		kind: 'credentials',
		credentialTypes: options.credentialTypes,
		credentials: options.credentials,
	});

	/**
	 * Builds a Workflow object. Keep it between calls to keep workflow static data.
	 * @param {{ nodes: import('n8n-workflow').INode[], connections?: import('n8n-workflow').IConnections, staticData?: import('n8n-workflow').IDataObject, id?: string }} workflowData
	 */
	function createWorkflow(workflowData) {
		return new Workflow({
			id: workflowData.id ?? 'harness-workflow',
			name: 'Harness workflow',
			nodes: workflowData.nodes,
			connections: workflowData.connections ?? {},
			active: false,
			nodeTypes,
			staticData: workflowData.staticData,
			settings: { timezone: options.timezone ?? 'UTC' },
		});
	}

	/**
	 * Runs a workflow from its start node to the end and returns n8n's run data.
	 * @param {import('n8n-workflow').Workflow} workflow
	 * @param {{ mode?: import('n8n-workflow').WorkflowExecuteMode, startNodeName?: string }} [runOptions]
	 * @returns {Promise<import('n8n-workflow').IRun>}
	 */
	async function runWorkflow(workflow, runOptions = {}) {
		const mode = runOptions.mode ?? 'manual';
		const executionId = `harness-${++executionCounter}`;
		const workflowData = /** @type {any} */ ({
			id: workflow.id,
			name: workflow.name,
			nodes: Object.values(workflow.nodes),
			connections: workflow.connectionsBySourceNode,
			active: false,
			settings: workflow.settings,
			createdAt: new Date(),
			updatedAt: new Date(),
		});
		const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
		const done = new Promise((resolve) => {
			hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolve(fullRunData));
		});
		const additionalData = createAdditionalData(credentialsHelper, hooks);
		additionalData.executionId = executionId;

		const startNode = runOptions.startNodeName
			? (workflow.getNode(runOptions.startNodeName) ?? undefined)
			: undefined;
		const execution = new WorkflowExecute(additionalData, mode);
		try {
			const run = await execution.run({ workflow, startNode });
			await done;
			notifyHarnessObservers({ kind: 'run', run });
			return run;
		} catch (error) {
			notifyHarnessObservers({ kind: 'thrown', error });
			throw error;
		}
	}

	return { nodeTypes, credentialsHelper, createWorkflow, runWorkflow, createAdditionalData };
}

/**
 * Returns the output items of a node from run data, or throws the node's error.
 * @param {import('n8n-workflow').IRun} run
 * @param {string} nodeName
 * @param {number} [outputIndex]
 * @returns {import('n8n-workflow').INodeExecutionData[]}
 */
function nodeOutput(run, nodeName, outputIndex = 0) {
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	if (!taskData) throw new Error(`Node "${nodeName}" did not run`);
	if (taskData.error) throw taskData.error;
	return taskData.data?.main?.[outputIndex] ?? [];
}

/**
 * Returns the error a node stopped with, or undefined.
 * @param {import('n8n-workflow').IRun} run
 * @param {string} nodeName
 */
function nodeError(run, nodeName) {
	return run.data.resultData.runData[nodeName]?.[0]?.error;
}

module.exports = { createHarness, nodeOutput, nodeError, createAdditionalData };
