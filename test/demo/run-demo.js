// Runs the example workflow of examples/ inside n8n's engine (n8n-core WorkflowExecute)
// against the local Octocular server, and prints what each node output.
// Usage: npm run demo (builds first). Everything stays on 127.0.0.1.
const path = require('node:path');

const { createHarness, nodeError, nodeOutput } = require('../harness');
const { manualTrigger } = require('../harness/manualTrigger');
const { startOctocularServer } = require('../server');

const root = path.join(__dirname, '..', '..');
const { OctocularApi } = require(path.join(root, 'dist/credentials/OctocularApi.credentials'));
const { OctocularRooms } = require(
	path.join(root, 'dist/nodes/OctocularRooms/OctocularRooms.node'),
);
const workflowJson = require(path.join(root, 'examples', 'octocular-rooms-demo.workflow.json'));

/** Prints one node's output items as indented JSON under a heading. */
function printNode(name, items) {
	console.log(`\n── ${name}: ${items.length} item${items.length === 1 ? '' : 's'}`);
	for (const item of items) {
		console.log(JSON.stringify(item.json, null, 2).replace(/^/gm, '   '));
	}
}

async function main() {
	const server = await startOctocularServer({ port: 0 });
	server.seedRooms(3);
	console.log(`Local Octocular server: ${server.baseUrl} (3 rooms seeded)`);

	try {
		const harness = createHarness({
			nodeTypes: {
				'n8n-nodes-base.manualTrigger': manualTrigger,
				'n8n-nodes-octocular.octocularRooms': new OctocularRooms(),
			},
			credentialTypes: { octocularApi: new OctocularApi() },
			credentials: { octocularApi: { apiKey: server.apiKey, baseUrl: server.baseUrl } },
		});
		const workflow = harness.createWorkflow(workflowJson);
		const run = await harness.runWorkflow(workflow);

		let failed = false;
		for (const node of workflowJson.nodes) {
			const error = nodeError(run, node.name);
			if (error) {
				console.error(`\n✗ ${node.name} failed: ${error.message}`);
				failed = true;
				continue;
			}
			if (node.type === 'n8n-nodes-octocular.octocularRooms') {
				printNode(node.name, nodeOutput(run, node.name));
			}
		}

		const created = nodeOutput(run, 'Create Room')[0]?.json;
		const deleted = nodeOutput(run, 'Delete Room')[0]?.json;
		if (failed || !created?.session_link || deleted?.deleted !== true) {
			throw new Error('The demo workflow did not create, read, list and delete a room');
		}
		console.log(`\nCreated room ${created.room_id}; the candidate opens ${created.session_link}`);
		console.log(`Deleted room ${deleted.room_id}. ${server.roomCount()} rooms remain.`);
	} finally {
		await server.close();
	}
}

main().catch((error) => {
	console.error(`Demo failed: ${error.message}`);
	process.exitCode = 1;
});
