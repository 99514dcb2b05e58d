// @ts-check
// A test-only node that outputs the items given in its `items` parameter (a JSON array of
// objects), so a workflow can feed several items into the node under test.

/** @type {import('n8n-workflow').INodeType} */
const fixedItems = {
	description: {
		displayName: 'Fixed Items',
		name: 'fixedItems',
		group: ['transform'],
		version: 1,
		description: 'Outputs the items of its parameter',
		defaults: { name: 'Fixed Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	},
	async execute() {
		const raw = this.getNodeParameter('items', 0);
		const items = typeof raw === 'string' ? JSON.parse(raw) : raw;
		return [items.map((/** @type {import('n8n-workflow').IDataObject} */ json) => ({ json }))];
	},
};

module.exports = { fixedItems };
