// @ts-check
// Part (b): Get Many with Return All over 10,000 rooms, against bare paged requests of the same
// page size, at 0 ms and at 20 ms of server latency.
const { startOctocularServer } = require('../../test/server');
const { compareRuns, runRounds, summarizeRuns } = require('../lib/rounds');

const ROOMS = 10_000;
/** Page size of the node's paging (REQUESTED_PAGE_SIZE in the transport) and of the server. */
const PAGE_SIZE = 100;
const LATENCIES_MS = [0, 20];
const FIELDS = [
	'wallMs',
	'cpuMs',
	'maxRssBytes',
	'peakRssRiseBytes',
	'peakHeapRiseBytes',
	'retainedHeapBytes',
	'roomsJsonBytes',
	'requests',
];

/** @param {{ runs: number, log: (line: string) => void }} options */
async function benchGetMany(options) {
	const server = await startOctocularServer({ port: 0, maxPageSize: PAGE_SIZE });
	server.seedRooms(ROOMS);
	const byLatency = [];

	try {
		for (const latencyMs of LATENCIES_MS) {
			server.setOptions({ latencyMs });
			const task = { kind: 'get-many', pageSize: PAGE_SIZE, expectedRooms: ROOMS };
			const contenders = [
				{
					key: 'octocular',
					label: `Octocular Rooms, Get Many, Return All (${latencyMs} ms latency)`,
					runs: options.runs,
					task: { ...task, contender: 'octocular' },
				},
				{
					key: 'octocular-serial',
					label: `Octocular Rooms, Get Many, Return All, Concurrency 1 (${latencyMs} ms latency)`,
					runs: options.runs,
					task: { ...task, contender: 'octocular', concurrency: 1 },
				},
				{
					key: 'bare',
					label: `Bare client, pages of ${PAGE_SIZE} one after another (${latencyMs} ms latency)`,
					runs: options.runs,
					task: { ...task, contender: 'bare' },
				},
			];
			const runs = await runRounds(contenders, server, { part: 'b', log: options.log });
			byLatency.push({ latencyMs, contenders, runs });
		}
	} finally {
		await server.close();
	}

	const results = byLatency.map(({ latencyMs, contenders, runs }) => {
		const ours = runs.octocular;
		const versusBare = compareRuns(ours, runs.bare, 'wallMs');
		const summary = summarizeRuns(ours, FIELDS);
		const jsonBytes = summary.roomsJsonBytes.median;
		return {
			latencyMs,
			contenders: contenders.map((contender) => ({
				key: contender.key,
				label: contender.label,
				summary: summarizeRuns(runs[contender.key], FIELDS),
				runs: runs[contender.key],
			})),
			oursOverBare: versusBare,
			oursSerialOverBare: compareRuns(runs['octocular-serial'], runs.bare, 'wallMs'),
			peakHeapRiseOverJson: summary.peakHeapRiseBytes.median / jsonBytes,
			retainedHeapOverJson: summary.retainedHeapBytes.median / jsonBytes,
			bareRetainedHeapOverJson:
				summarizeRuns(runs.bare, ['retainedHeapBytes']).retainedHeapBytes.median / jsonBytes,
		};
	});

	const targets = [];
	for (const result of results) {
		targets.push({
			name: `Wall time at most 1.2× bare paged requests (${result.latencyMs} ms latency)`,
			value: result.oursOverBare.ratioOfMedians,
			met: result.oursOverBare.ratioOfMedians <= 1.2,
		});
		targets.push({
			name: `Same, pages one after another (Concurrency 1, ${result.latencyMs} ms latency)`,
			value: result.oursSerialOverBare.ratioOfMedians,
			met: result.oursSerialOverBare.ratioOfMedians <= 1.2,
		});
	}
	const strictest = results[0];
	targets.push({
		name: 'Peak memory at most 2× the JSON size of the rooms (peak heap rise during the run)',
		value: strictest.peakHeapRiseOverJson,
		met: strictest.peakHeapRiseOverJson <= 2,
	});

	return { settings: { rooms: ROOMS, pageSize: PAGE_SIZE }, byLatency: results, targets };
}

module.exports = { benchGetMany };
