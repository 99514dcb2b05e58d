// @ts-check
// Builds the Start → Fixed Items → node workflow that tests and benchmarks run, so that a node
// under test gets a chosen list of input items.

/** Type name under which createHarness callers register test/harness/fixedItems.js. */
const FIXED_ITEMS_TYPE = 'test.fixedItems';

/**
 * Returns the nodes and connections of Start → Items → `node`.
 * @param {object[]} items input items for `node`
 * @param {import('n8n-workflow').INode} node the node under test; its name must not be Start or Items
 * @returns {{ nodes: import('n8n-workflow').INode[], connections: import('n8n-workflow').IConnections }}
 */
function buildItemsWorkflow(items, node) {
	return {
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'items',
				name: 'Items',
				type: FIXED_ITEMS_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters: { items: JSON.stringify(items) },
			},
			node,
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
	};
}

module.exports = { FIXED_ITEMS_TYPE, buildItemsWorkflow };
