// @ts-check
// A stand-in for n8n's Manual Trigger node (n8n-nodes-base.manualTrigger), which is not
// published on its own: it starts a workflow with one empty item.

/** @type {import('n8n-workflow').INodeType} */
const manualTrigger = {
	description: {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		return [this.getInputData()];
	},
};

module.exports = { manualTrigger };
