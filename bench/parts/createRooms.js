// @ts-check
// Part (a): create 1,000 rooms with 20 ms of server latency, with our node, n8n's HTTP Request
// node and bare HTTP clients.
const { startOctocularServer } = require('../../test/server');
const { compareRuns, deleteAllRooms, runRounds, summarizeRuns } = require('../lib/rounds');

const ROOMS = 1000;
const LATENCY_MS = 20;
const FIELDS = [
	'wallMs',
	'cpuMs',
	'maxRssBytes',
	'peakRssRiseBytes',
	'peakHeapRiseBytes',
	'requests',
	'firstRequestDelayMs',
];

/**
 * @param {{ runs: number, slowRuns: number, nodesBaseDir: string, log: (line: string) => void }} options
 *   slowRuns applies to the contenders that take over 5 s per run
 */
async function benchCreateRooms(options) {
	const task = { kind: 'create-rooms', count: ROOMS };
	const contenders = [
		{
			key: 'octocular-default',
			label: 'Octocular Rooms, Concurrency 25 (default)',
			runs: options.runs,
			task: { ...task, contender: 'octocular', concurrency: 25 },
		},
		{
			key: 'octocular-10',
			label: 'Octocular Rooms, Concurrency 10',
			runs: options.runs,
			task: { ...task, contender: 'octocular', concurrency: 10 },
		},
		{
			key: 'octocular-100',
			label: 'Octocular Rooms, Concurrency 100 (max)',
			runs: options.runs,
			task: { ...task, contender: 'octocular', concurrency: 100 },
		},
		{
			key: 'http-request-default',
			label: 'HTTP Request, default (all items at once)',
			runs: options.runs,
			task: { ...task, contender: 'http-request', nodesBaseDir: options.nodesBaseDir },
		},
		{
			key: 'http-request-batched',
			label: 'HTTP Request, Batching 10 items per 20 ms',
			runs: options.slowRuns,
			task: {
				...task,
				contender: 'http-request',
				nodesBaseDir: options.nodesBaseDir,
				batch: { batchSize: 10, batchInterval: 20 },
			},
		},
		{
			key: 'bare-serial',
			label: 'Bare client, one request at a time',
			runs: options.slowRuns,
			task: { ...task, contender: 'bare', concurrency: 1 },
		},
		{
			key: 'bare-10',
			label: 'Bare client, 10 requests at a time',
			runs: options.runs,
			task: { ...task, contender: 'bare', concurrency: 10 },
		},
	];

	const server = await startOctocularServer({ port: 0, latencyMs: LATENCY_MS });
	let runs;
	try {
		runs = await runRounds(contenders, server, {
			part: 'a',
			afterRun: () => deleteAllRooms(server),
			log: options.log,
		});
	} finally {
		await server.close();
	}

	const ours = runs['octocular-default'];
	const httpRequest = runs['http-request-default'];
	const versusHttpRequest = compareRuns(ours, httpRequest, 'wallMs');
	const serialVersusOurs = compareRuns(runs['bare-serial'], ours, 'wallMs');

	return {
		settings: { rooms: ROOMS, latencyMs: LATENCY_MS },
		contenders: contenders.map((contender) => ({
			key: contender.key,
			label: contender.label,
			task: { ...contender.task, nodesBaseDir: undefined },
			summary: summarizeRuns(runs[contender.key], FIELDS),
			runs: runs[contender.key],
		})),
		comparisons: {
			oursOverHttpRequest: versusHttpRequest,
			oursAt10OverHttpRequest: compareRuns(runs['octocular-10'], httpRequest, 'wallMs'),
			oursAt100OverHttpRequest: compareRuns(runs['octocular-100'], httpRequest, 'wallMs'),
			serialOverOurs: serialVersusOurs,
			serialOverOursAt10: compareRuns(runs['bare-serial'], runs['octocular-10'], 'wallMs'),
			serialOverOursAt100: compareRuns(runs['bare-serial'], runs['octocular-100'], 'wallMs'),
			oursOverBare10: compareRuns(ours, runs['bare-10'], 'wallMs'),
		},
		targets: [
			{
				name: 'Wall time at most 1.0× the HTTP Request node (both at their defaults)',
				value: versusHttpRequest.ratioOfMedians,
				met: versusHttpRequest.ratioOfMedians <= 1.0,
			},
			{
				name: 'At least 5× faster than one request at a time (default Concurrency)',
				value: serialVersusOurs.ratioOfMedians,
				met: serialVersusOurs.ratioOfMedians >= 5,
			},
		],
	};
}

module.exports = { benchCreateRooms };
