// @ts-check
// Part (d): requests per second that the local server handles from a bare keep-alive client, the
// ceiling that the other parts run against. The server runs in the bench's main process and the
// client in a child, so each has its own core on a 2-core machine.
const { startOctocularServer } = require('../../test/server');
const { runRounds, summarizeRuns } = require('../lib/rounds');

/** Upper bounds of one measured loop; the first one reached ends it. */
const MAX_REQUESTS = 20_000;
const MAX_MS = 2_000;
const LIST_ROOMS = 10_000;
const PAGE_SIZE = 100;

const LEVELS = [
	{ route: 'POST /rooms', latencyMs: 0, concurrency: 1 },
	{ route: 'POST /rooms', latencyMs: 0, concurrency: 10 },
	{ route: 'POST /rooms', latencyMs: 0, concurrency: 100 },
	{ route: 'GET /rooms', latencyMs: 0, concurrency: 1 },
	{ route: 'GET /rooms', latencyMs: 0, concurrency: 10 },
	{ route: 'POST /rooms', latencyMs: 20, concurrency: 10 },
	{ route: 'POST /rooms', latencyMs: 20, concurrency: 100 },
	{ route: 'POST /rooms', latencyMs: 20, concurrency: 1000 },
];

/** @param {{ runs: number, log: (line: string) => void }} options */
async function benchCapacity(options) {
	const levels = [];

	for (const level of LEVELS) {
		// A fresh server per level, so the store size is the same in every run of the level.
		const server = await startOctocularServer({ port: 0, latencyMs: level.latencyMs });
		if (level.route === 'GET /rooms') server.seedRooms(LIST_ROOMS);

		const label =
			level.route === 'GET /rooms'
				? `GET /rooms?limit=${PAGE_SIZE} (${LIST_ROOMS} rooms), ${level.latencyMs} ms latency, ${level.concurrency} at a time`
				: `POST /rooms, ${level.latencyMs} ms latency, ${level.concurrency} at a time`;
		const contender = {
			key: 'capacity',
			label,
			runs: options.runs,
			task: {
				kind: 'capacity',
				route: level.route,
				concurrency: level.concurrency,
				pageSize: PAGE_SIZE,
				maxRequests: MAX_REQUESTS,
				maxMs: MAX_MS,
			},
		};

		try {
			const runs = await runRounds([contender], server, { part: 'd', log: options.log });
			levels.push({
				...level,
				label,
				summary: summarizeRuns(runs.capacity, ['requestsPerSecond', 'requests', 'elapsedMs']),
				runs: runs.capacity,
			});
		} finally {
			await server.close();
		}
	}

	return { settings: { maxRequests: MAX_REQUESTS, maxMs: MAX_MS }, levels };
}

module.exports = { benchCapacity };
