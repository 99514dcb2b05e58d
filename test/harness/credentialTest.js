// @ts-check
// Runs a credential's declarative test the way n8n's credentials tester does: the test request
// goes through n8n-core's RoutingNode on a copy of a node type that uses the credential, and
// the `responseSuccessBody` rules are checked against the parsed response body.
const { ExecuteContext, RoutingNode } = require('n8n-core');
const { createEmptyRunExecutionData, Workflow } = require('n8n-workflow');

const { createNodeTypes } = require('./nodeTypes');
const { notifyHarnessObservers } = require('./observers');

/**
 * @param {ReturnType<typeof import('./index').createHarness>} harness
 * @param {import('n8n-workflow').ICredentialType} credentialType
 * @param {import('n8n-workflow').INodeType} nodeType a node type that uses the credential
 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
 */
async function runCredentialTest(harness, credentialType, nodeType) {
	const result = await testCredential(harness, credentialType, nodeType);
	notifyHarnessObservers({ kind: 'credentialTest', result });
	return result;
}

/**
 * @param {ReturnType<typeof import('./index').createHarness>} harness
 * @param {import('n8n-workflow').ICredentialType} credentialType
 * @param {import('n8n-workflow').INodeType} nodeType
 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
 */
async function testCredential(harness, credentialType, nodeType) {
	const test = credentialType.test;
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };

	const testNodeType = {
		description: {
			...nodeType.description,
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: /** @type {const} */ ('string'),
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	/** @type {import('n8n-workflow').INode} */
	const node = {
		id: 'credential-test',
		name: 'Credential Test',
		type: 'credential-test.node',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: 'test', name: 'Test credential' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: createNodeTypes({ 'credential-test.node': /** @type {any} */ (testNodeType) }),
	});
	const additionalData = harness.createAdditionalData(harness.credentialsHelper);
	const credentialData = await harness.credentialsHelper.getDecrypted(
		additionalData,
		{},
		credentialType.name,
	);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, /** @type {any} */ (testNodeType), {
		id: 'test',
		name: 'Test credential',
		type: credentialType.name,
		data: credentialData,
	});

	/** @type {any} */
	let response;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = /** @type {any} */ (error).cause;
		if (cause?.response) {
			const status = cause.response.status;
			return {
				status: 'Error',
				message: cause.response.statusText || `Received HTTP status code: ${status}`,
			};
		}
		return {
			status: 'Error',
			message: cause?.code ?? String(/** @type {Error} */ (error).message),
		};
	}

	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json;
		const value = body !== null && typeof body === 'object' ? body[rule.properties.key] : undefined;
		if (value === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

module.exports = { runCredentialTest };
