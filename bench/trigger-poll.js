// @ts-check
// Benchmark of one Rooms Trigger poll with 10 new rooms at 1,000, 10,000 and 100,000 rooms, for
// each list order of the local server, beside a naive trigger that re-reads every page.
//
// Run `npm run build` first, then `node bench/trigger-poll.js`. Both triggers run in n8n-core's
// PollContext against the local server on 127.0.0.1, through a counting TCP proxy that measures
// the bytes each poll reads. Prints a table, writes bench/results/trigger-poll.json and ends
// with that JSON on one line. ROOM_COUNTS=1000,10000 in the environment limits the sizes.
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const { Logger } = require('@n8n/backend-common');
const { Container } = require('@n8n/di');
const { PollContext } = require('n8n-core');

const { createAdditionalData, createHarness } = require('../test/harness');
const { startOctocularServer } = require('../test/server');

const DIST = path.join(__dirname, '..', 'dist');
const RESULTS = path.join(__dirname, 'results', 'trigger-poll.json');
const ROOM_COUNTS = (process.env.ROOM_COUNTS ?? '1000,10000,100000').split(',').map(Number);
/** @type {Array<'newest' | 'oldest' | 'shuffled' | 'id'>} */
const ORDERS = ['newest', 'oldest', 'shuffled', 'id'];
const NEW_ROOMS = 10;
const PAGE_SIZE = 100;

const TRIGGER_TYPE = 'n8n-nodes-octocular.octocularRoomsTrigger';
const NAIVE_TYPE = 'bench.naiveRoomsTrigger';

/**
 * A naive polling trigger: reads every page with plain offset paging, stores every id and emits
 * the ids it has not stored before. No overlap, no details.
 * @type {import('n8n-workflow').INodeType}
 */
const naiveTrigger = {
	description: /** @type {any} */ ({
		displayName: 'Naive Rooms Trigger',
		name: 'naiveRoomsTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Re-reads every page',
		defaults: { name: 'Naive Rooms Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'octocularApi', required: true }],
		properties: [],
	}),
	async poll() {
		const credentials = await this.getCredentials('octocularApi');
		const ids = [];
		for (let offset = 0; ; offset += PAGE_SIZE) {
			const body = await this.helpers.httpRequestWithAuthentication.call(this, 'octocularApi', {
				url: `${credentials.baseUrl}/rooms`,
				qs: { limit: PAGE_SIZE, offset },
				json: true,
			});
			for (const room of body.data) ids.push(room.room_id);
			if (body.data.length < PAGE_SIZE) break;
		}

		const staticData = this.getWorkflowStaticData('node');
		const known = new Set(/** @type {string[]} */ (staticData.ids ?? []));
		const isBaseline = staticData.ids === undefined;
		const fresh = ids.filter((id) => !known.has(id));
		staticData.ids = ids;
		if (isBaseline || fresh.length === 0) return null;
		return [fresh.map((id) => ({ json: { room_id: id } }))];
	},
};

/**
 * Starts a TCP proxy on 127.0.0.1 that counts the bytes sent from the server to the client.
 * @param {number} targetPort
 */
async function startCountingProxy(targetPort) {
	const counter = { bytes: 0 };
	const proxy = net.createServer((client) => {
		const upstream = net.connect(targetPort, '127.0.0.1');
		upstream.on('data', (chunk) => {
			counter.bytes += chunk.length;
		});
		client.pipe(upstream).pipe(client);
		client.on('error', () => upstream.destroy());
		upstream.on('error', () => client.destroy());
	});
	await new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {net.AddressInfo} */ (proxy.address());
	return { counter, port: address.port, close: () => new Promise((r) => proxy.close(r)) };
}

/** Silences n8n's logger; the benchmark only reports its own figures. */
function silenceLogs() {
	const ignore = () => {};
	const logger = { error: ignore, warn: ignore, info: ignore, debug: ignore, scoped: () => logger };
	Container.set(Logger, /** @type {any} */ (logger));
}

/** @param {string} name @param {string} type @returns {any} */
function node(name, type) {
	return {
		id: name,
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { octocularApi: { id: '1', name: 'Octocular account' } },
	};
}

/** @param {any} harness @param {any} workflow @param {string} nodeName */
async function pollOnce(harness, workflow, nodeName) {
	const target = workflow.getNode(nodeName);
	const context = new PollContext(
		workflow,
		target,
		createAdditionalData(harness.credentialsHelper),
		'trigger',
		'activate',
	);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(target.type, target.typeVersion);
	const output = await nodeType.poll.call(context);
	return output === null ? 0 : output[0].length;
}

/**
 * Measures one contender: baseline poll, 10 new rooms, then the measured poll.
 * @param {any} options
 */
async function measure({ server, proxy, harness, type, nodeName, order, rooms }) {
	const workflow = harness.createWorkflow({ nodes: [node(nodeName, type)] });
	await pollOnce(harness, workflow, nodeName);
	server.seedRooms(NEW_ROOMS);
	server.clearRequests();
	proxy.counter.bytes = 0;

	const started = process.hrtime.bigint();
	const emitted = await pollOnce(harness, workflow, nodeName);
	const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;

	const listRequests = server.requests.filter((/** @type {any} */ request) =>
		request.path.endsWith('/rooms'),
	).length;
	const nodeData = workflow.staticData[`node:${nodeName}`] ?? {};
	const state = type === TRIGGER_TYPE ? nodeData.roomsTrigger : nodeData;
	return {
		contender: type === TRIGGER_TYPE ? 'trigger' : 'naive',
		order,
		rooms,
		emitted,
		listRequests,
		detailRequests: server.requests.length - listRequests,
		bytesRead: proxy.counter.bytes,
		stateBytes: Buffer.byteLength(JSON.stringify(state ?? null)),
		mode: state?.mode ?? 'every page',
		elapsedMs: Math.round(elapsedMs),
	};
}

/** @param {any[]} results */
function printTable(results) {
	const header = [
		'rooms',
		'order',
		'contender',
		'mode',
		'list req',
		'detail req',
		'KB read',
		'state B',
		'ms',
		'emitted',
	];
	const rows = results.map((r) =>
		[
			r.rooms,
			r.order,
			r.contender,
			r.mode,
			r.listRequests,
			r.detailRequests,
			(r.bytesRead / 1024).toFixed(1),
			r.stateBytes,
			r.elapsedMs,
			r.emitted,
		].map(String),
	);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => row[column].length)),
	);
	const line = (/** @type {string[]} */ cells) =>
		cells.map((cell, column) => cell.padStart(widths[column])).join('  ');
	process.stdout.write(`${line(header)}\n`);
	for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

async function main() {
	const { OctocularRoomsTrigger } = require(
		path.join(DIST, 'nodes/OctocularRooms/OctocularRoomsTrigger.node.js'),
	);
	const { OctocularApi } = require(path.join(DIST, 'credentials/OctocularApi.credentials.js'));
	silenceLogs();
	const results = [];

	for (const rooms of ROOM_COUNTS) {
		for (const order of ORDERS) {
			const server = await startOctocularServer({ port: 0, order, maxPageSize: PAGE_SIZE });
			const proxy = await startCountingProxy(server.port);
			const harness = createHarness({
				nodeTypes: { [TRIGGER_TYPE]: new OctocularRoomsTrigger(), [NAIVE_TYPE]: naiveTrigger },
				credentialTypes: { octocularApi: new OctocularApi() },
				credentials: {
					octocularApi: {
						apiKey: server.apiKey,
						baseUrl: server.baseUrl.replace(`:${server.port}/`, `:${proxy.port}/`),
					},
				},
			});
			server.seedRooms(rooms);

			const context = { server, proxy, harness, order, rooms };
			results.push(await measure({ ...context, type: TRIGGER_TYPE, nodeName: 'Trigger' }));
			results.push(await measure({ ...context, type: NAIVE_TYPE, nodeName: 'Naive' }));
			process.stderr.write(`measured ${rooms} rooms, ${order} order\n`);

			await proxy.close();
			await server.close();
		}
	}

	const report = {
		benchmark: 'trigger-poll',
		date: new Date().toISOString(),
		node: process.version,
		pageSize: PAGE_SIZE,
		newRooms: NEW_ROOMS,
		results,
	};
	fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
	fs.writeFileSync(RESULTS, `${JSON.stringify(report, null, '\t')}\n`);

	printTable(results);
	process.stdout.write(`Results written to ${path.relative(process.cwd(), RESULTS)}\n`);
	process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exitCode = 1;
});
