// @ts-check
// Runs contenders in interleaved rounds, each run in a fresh child process, and summarizes them.
const { runWorker } = require('./child');
const { formatMs, summarize } = require('./stats');

/** Time limit of one child process, in milliseconds. */
const RUN_TIMEOUT_MS = 180_000;

/**
 * @typedef {object} Contender
 * @property {string} key short id used in the results JSON
 * @property {string} label name printed in the report
 * @property {number} runs number of measured runs
 * @property {Record<string, unknown>} task task for bench/worker.js
 */

/**
 * Runs every contender `runs` times. Round r runs each contender that still needs a run, in an
 * order rotated by r, so that slow drift of the machine's load spreads over all contenders.
 * @param {Contender[]} contenders
 * @param {import('../../test/server').OctocularTestServer} server
 * @param {{ part: string, afterRun?: () => void, log: (line: string) => void }} options
 * @returns {Promise<Record<string, Array<Record<string, any>>>>} runs by contender key
 */
async function runRounds(contenders, server, options) {
	/** @type {Record<string, Array<Record<string, any>>>} */
	const runs = Object.fromEntries(contenders.map((contender) => [contender.key, []]));
	const rounds = Math.max(...contenders.map((contender) => contender.runs));

	for (let round = 0; round < rounds; round++) {
		const shift = round % contenders.length;
		const order = [...contenders.slice(shift), ...contenders.slice(0, shift)];

		for (const contender of order) {
			if (contender.runs <= round) continue;
			const outcome = await runWorker(contender.task, server, RUN_TIMEOUT_MS);
			runs[contender.key].push({
				round,
				...outcome.result,
				requests: outcome.requests,
				requestsByRoute: outcome.requestsByRoute,
				firstRequestDelayMs: outcome.firstRequestDelayMs,
			});
			const wall = outcome.result.wallMs ?? outcome.result.elapsedMs;
			options.log(
				`[${options.part}] round ${round + 1}/${contender.runs} ${contender.label}: ${formatMs(wall)}`,
			);
			options.afterRun?.();
		}
	}
	return runs;
}

/**
 * Summarizes the given numeric fields over a contender's runs. Fields missing from the runs
 * are left out.
 * @param {Array<Record<string, any>>} runs
 * @param {string[]} fields
 */
function summarizeRuns(runs, fields) {
	/** @type {Record<string, import('./stats').Summary>} */
	const summary = {};
	for (const field of fields) {
		const values = runs.map((run) => run[field]).filter((value) => typeof value === 'number');
		if (values.length > 0) summary[field] = summarize(values);
	}
	return summary;
}

/**
 * Returns the ratio of the medians of `field` for two contenders, and the range of the ratio
 * within rounds where both ran.
 * @param {Array<Record<string, any>>} numerator
 * @param {Array<Record<string, any>>} denominator
 * @param {string} field
 */
function compareRuns(numerator, denominator, field) {
	const median = (/** @type {Array<Record<string, any>>} */ runs) =>
		summarize(runs.map((run) => run[field])).median;
	const perRound = [];
	for (const run of numerator) {
		const other = denominator.find((candidate) => candidate.round === run.round);
		if (other) perRound.push(run[field] / other[field]);
	}
	return {
		ratioOfMedians: median(numerator) / median(denominator),
		perRound: perRound.length > 0 ? summarize(perRound) : undefined,
	};
}

/**
 * Deletes every room from the server's store, so that each run starts from the same state.
 * @param {import('../../test/server').OctocularTestServer} server
 */
function deleteAllRooms(server) {
	for (const roomId of server.listRoomIds()) server.deleteRoom(roomId);
}

module.exports = { runRounds, summarizeRuns, compareRuns, deleteAllRooms };
