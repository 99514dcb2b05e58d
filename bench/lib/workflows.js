// @ts-check
// Builds and runs Start → Fixed Items → contender workflows in n8n-core's engine, through the
// test harness, for our node and for n8n's HTTP Request node.
const path = require('node:path');

const { createHarness, nodeError, nodeOutput } = require('../../test/harness');
const { fixedItems } = require('../../test/harness/fixedItems');
const { FIXED_ITEMS_TYPE, buildItemsWorkflow } = require('../../test/harness/itemsWorkflow');
const { manualTrigger } = require('../../test/harness/manualTrigger');

/**
 * Folder of the compiled package that the bench loads. bench/run.js sets BENCH_DIST_DIR to a copy
 * of dist/ taken at its start, so a rebuild during the bench cannot change the code under test.
 */
const DIST_DIR = process.env.BENCH_DIST_DIR || path.join(__dirname, '..', '..', 'dist');
const CONTENDER = 'Contender';
const ROOMS_TYPE = 'n8n-nodes-octocular.octocularRooms';
const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';
/** Version that n8n 2.41 gives a new HTTP Request node. */
const HTTP_REQUEST_VERSION = 4.5;

/**
 * Creates a runner for Start → Fixed Items → `node`, where `node` is the contender.
 * @param {{ nodeTypes: Record<string, any>, credentialTypes: Record<string, any>,
 *   credentials: Record<string, any>, node: Omit<import('n8n-workflow').INode, 'name' | 'id' | 'position'> }} setup
 */
function createRunner(setup) {
	const harness = createHarness({
		nodeTypes: {
			'n8n-nodes-base.manualTrigger': manualTrigger,
			[FIXED_ITEMS_TYPE]: fixedItems,
			...setup.nodeTypes,
		},
		credentialTypes: setup.credentialTypes,
		credentials: setup.credentials,
	});

	/**
	 * Runs the workflow with the given input items and throws the contender's error if it failed.
	 * @param {object[]} items
	 */
	return async function run(items) {
		const node = { ...setup.node, id: 'contender', name: CONTENDER, position: [400, 0] };
		const workflow = harness.createWorkflow(
			buildItemsWorkflow(items, /** @type {import('n8n-workflow').INode} */ (node)),
		);

		const result = await harness.runWorkflow(workflow);
		const error = nodeError(result, CONTENDER);
		if (error) throw error;
		return nodeOutput(result, CONTENDER);
	};
}

/**
 * Loads our node and credential from the compiled package and returns a runner for the given parameters.
 * @param {{ baseUrl: string, apiKey: string }} server
 * @param {Record<string, unknown>} parameters Rooms node parameters
 */
function createRoomsRunner(server, parameters) {
	const { OctocularApi } = require(path.join(DIST_DIR, 'credentials/OctocularApi.credentials'));
	const { OctocularRooms } = require(
		path.join(DIST_DIR, 'nodes/OctocularRooms/OctocularRooms.node'),
	);
	return createRunner({
		nodeTypes: { [ROOMS_TYPE]: new OctocularRooms() },
		credentialTypes: { octocularApi: new OctocularApi() },
		credentials: { octocularApi: { apiKey: server.apiKey, baseUrl: server.baseUrl } },
		node: {
			type: ROOMS_TYPE,
			typeVersion: 1,
			parameters: /** @type {any} */ ({ resource: 'room', ...parameters }),
			credentials: { octocularApi: { id: '1', name: 'Octocular account' } },
		},
	});
}

/**
 * Returns Rooms node parameters that create one room per item from the item's fields.
 * @param {number} concurrency
 */
function createRoomParameters(concurrency) {
	return {
		operation: 'create',
		userId: '={{ $json.user_id }}',
		organizationId: '={{ $json.organization_id }}',
		candidateEmail: '={{ $json.candidate_email }}',
		options: { concurrency },
	};
}

/**
 * Returns a runner of n8n's HTTP Request node set up as a user would for POST /rooms: JSON body
 * written with expressions, and a Bearer Auth credential.
 * @param {{ HttpRequest: any, HttpBearerAuth: any }} loaded from loadHttpRequestNode
 * @param {{ baseUrl: string, apiKey: string }} server
 * @param {{ batchSize: number, batchInterval: number } | undefined} batch Batching option; when
 *   undefined the option is left out and the node starts every request at once
 */
function createHttpRequestRunner(loaded, server, batch) {
	/** @type {Record<string, unknown>} */
	const options = {};
	if (batch) options.batching = { batch };

	return createRunner({
		nodeTypes: { [HTTP_REQUEST_TYPE]: new loaded.HttpRequest() },
		credentialTypes: { httpBearerAuth: new loaded.HttpBearerAuth() },
		credentials: { httpBearerAuth: { token: server.apiKey } },
		node: {
			type: HTTP_REQUEST_TYPE,
			typeVersion: HTTP_REQUEST_VERSION,
			parameters: /** @type {any} */ ({
				method: 'POST',
				url: `${server.baseUrl}/rooms`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpBearerAuth',
				sendBody: true,
				specifyBody: 'json',
				jsonBody:
					'={ "user": { "id": "{{ $json.user_id }}", "organization_id": "{{ $json.organization_id }}" }, "candidate_email": "{{ $json.candidate_email }}" }',
				options,
			}),
			credentials: { httpBearerAuth: { id: '2', name: 'Octocular bearer token' } },
		},
	});
}

module.exports = {
	createRoomsRunner,
	createRoomParameters,
	createHttpRequestRunner,
};
