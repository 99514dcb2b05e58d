// @ts-check
// `npm run bench`: runs parts (a) to (d) of the benchmark against local servers on 127.0.0.1,
// prints medians with their spread, and writes the results to bench/results/latest.json.
//
// Usage: node bench/run.js [--runs N] [--slow-runs N] [--parts abcd]
//   --runs N       measured runs per contender (default 5)
//   --slow-runs N  runs of the contenders that take over 5 s per run (default 3)
//   --parts LIST   parts to run, any of a, b, c, d (default abcd)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { findNodesBase, installNodesBase, coreVersion } = require('./lib/nodesBase');
const { benchCapacity } = require('./parts/capacity');
const { benchCreateRooms } = require('./parts/createRooms');
const { benchGetMany } = require('./parts/getMany');
const { benchTriggerPoll } = require('./parts/triggerPoll');
const { printReport } = require('./report');

const REPO_ROOT = path.join(__dirname, '..');
const RESULTS_FILE = path.join(__dirname, 'results', 'latest.json');
/**
 * Copy of dist/ that the workers load. It lies outside .cache/bench because that folder's
 * node_modules contains a second n8n-workflow.
 */
const DIST_COPY = path.join(REPO_ROOT, '.cache', 'bench-dist');

function readOptions() {
	const { values } = parseArgs({
		options: {
			runs: { type: 'string', default: '5' },
			'slow-runs': { type: 'string', default: '3' },
			parts: { type: 'string', default: 'abcd' },
		},
	});
	const runs = Number(values.runs);
	const slowRuns = Number(values['slow-runs']);
	if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(slowRuns) || slowRuns < 1) {
		throw new Error('--runs and --slow-runs must be whole numbers of at least 1');
	}
	const parts = String(values.parts);
	if (!/^[abcd]+$/.test(parts)) throw new Error(`--parts takes letters a to d, got "${parts}"`);
	return { runs, slowRuns, parts };
}

function describeMachine() {
	const cpus = os.cpus();
	return {
		date: new Date().toISOString(),
		cpuModel: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		memoryBytes: os.totalmem(),
		platform: `${os.type()} ${os.release()}`,
		node: process.version,
		n8nCore: coreVersion(),
	};
}

/** @param {string} line */
function log(line) {
	console.log(line);
}

async function main() {
	const options = readOptions();
	const distNode = path.join(REPO_ROOT, 'dist/nodes/OctocularRooms/OctocularRooms.node.js');
	if (!fs.existsSync(distNode)) throw new Error('dist/ is missing: run npm run build first');
	// Workers load this copy, so a rebuild of dist/ during the bench does not affect it.
	fs.rmSync(DIST_COPY, { recursive: true, force: true });
	fs.cpSync(path.join(REPO_ROOT, 'dist'), DIST_COPY, { recursive: true });
	process.env.BENCH_DIST_DIR = DIST_COPY;

	const machine = describeMachine();
	console.log(
		`Bench on ${machine.cores} × ${machine.cpuModel}, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${machine.node}, load average ${os.loadavg()[0].toFixed(2)}`,
	);

	/** @type {Record<string, any>} */
	const parts = {};
	/** @type {Record<string, { seconds: number, loadBefore: number[], loadAfter: number[] }>} */
	const timing = {};
	const started = Date.now();

	/**
	 * @param {string} part
	 * @param {() => Promise<any>} run
	 */
	const runPart = async (part, run) => {
		if (!options.parts.includes(part)) return;
		const loadBefore = os.loadavg();
		const partStarted = Date.now();
		parts[part] = await run();
		timing[part] = {
			seconds: (Date.now() - partStarted) / 1000,
			loadBefore,
			loadAfter: os.loadavg(),
		};
	};

	let nodesBaseDir = '';
	if (options.parts.includes('a')) {
		nodesBaseDir = findNodesBase() ?? installNodesBase();
		console.log(`HTTP Request node from ${path.relative(REPO_ROOT, nodesBaseDir)}`);
	}

	await runPart('a', () =>
		benchCreateRooms({ runs: options.runs, slowRuns: options.slowRuns, nodesBaseDir, log }),
	);
	await runPart('b', () => benchGetMany({ runs: options.runs, log }));
	await runPart('c', () => benchTriggerPoll({ log }));
	await runPart('d', () => benchCapacity({ runs: Math.min(options.runs, 3), log }));

	const results = {
		machine,
		command: `node bench/run.js ${process.argv.slice(2).join(' ')}`.trim(),
		options,
		totalSeconds: (Date.now() - started) / 1000,
		timing,
		parts,
	};
	printReport(results);

	fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
	fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(
		`\nTotal ${results.totalSeconds.toFixed(0)} s. Results written to ${path.relative(REPO_ROOT, RESULTS_FILE)}`,
	);
}

main().catch((error) => {
	console.error(`Bench failed: ${error.stack ?? error}`);
	process.exitCode = 1;
});
