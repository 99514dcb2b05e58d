#!/usr/bin/env node
'use strict';
// End-to-end test of the packed package in real n8n 2.41.1 on Node.js 24.
// It builds and packs the package, checks the tarball, and installs it into
// fresh n8n user folders as a community package. Then it runs n8n headless
// under a guard that blocks and reports every connection that is not
// loopback. Prints "N passed, N failed" and exits 1 on any failure.
//
// Environment:
//   E2E_CACHE_DIR    cache for Node.js 24 and n8n (default: .cache/e2e)
//   E2E_SKIP_BUILD=1 pack the existing dist/ without `npm run build`
//   E2E_N8N1=1       also run the headless execution on n8n 1.123.x, Node.js 20
//   E2E_TRIGGER=0    skip `n8n start` (credential test and trigger)
//   E2E_EXAMPLE_WORKFLOW  workflow file to run headless (default: the example
//                    in examples/octocular-rooms-demo.workflow.json)

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const {
	CACHE_DIR,
	GUARD_PATH,
	N8nInstance,
	REPO_DIR,
	RUNTIMES,
	isInstalled,
	log,
} = require('./harness');
const { packRepository } = require('./package-install');

const results = [];

async function check(name, body) {
	const started = Date.now();
	try {
		await body();
		results.push({ name, passed: true });
		console.log(`  ok    ${name} (${Date.now() - started} ms)`);
		return true;
	} catch (error) {
		results.push({ name, passed: false });
		console.log(
			`  FAIL  ${name}\n        ${String(error.stack || error)
				.split('\n')
				.join('\n        ')}`,
		);
		return false;
	}
}

function timed(label, body) {
	const started = Date.now();
	const value = body();
	log(`${label} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return value;
}

function installRuntimes() {
	const parts = ['n8n2'];
	if (process.env.E2E_N8N1 === '1') {
		parts.push('n8n1');
	}
	timed(`install (${parts.join(', ')})`, () =>
		execFileSync('bash', [path.join(__dirname, 'install-n8n.sh'), ...parts], { stdio: 'inherit' }),
	);
}

// Runs the guard probe with the guard preloaded inside a new network
// namespace, where only loopback exists, so a miss of the guard still sends
// nothing off the machine.
async function guardSelfTest(runFolder) {
	const canIsolate = spawnSync('unshare', ['--net', 'true']).status === 0;
	if (!canIsolate) {
		log('unshare --net is not available: loopback guard self-test skipped');
		return;
	}
	const guardLog = path.join(runFolder, 'guard-self-test.log');
	const output = execFileSync(
		'unshare',
		[
			'--net',
			'sh',
			'-c',
			`ip link set lo up && exec "${process.execPath}" --require "${GUARD_PATH}" "${path.join(__dirname, 'guard-self-test-probe.js')}"`,
		],
		{
			encoding: 'utf8',
			env: { ...process.env, LOOPBACK_GUARD_LOG: guardLog },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const outcomes = JSON.parse(output);
	const recorded = fs.existsSync(guardLog)
		? fs.readFileSync(guardLog, 'utf8').split('\n').filter(Boolean)
		: [];
	await check('guard allows loopback connect', () => {
		if (outcomes.loopbackConnect !== 'ok') {
			throw new Error(`loopback connect: ${outcomes.loopbackConnect}`);
		}
	});
	await check('guard blocks and records others', () => {
		for (const [name, outcome] of Object.entries(outcomes)) {
			if (name !== 'loopbackConnect' && outcome === 'ok') {
				throw new Error(`${name} was not blocked`);
			}
		}
		const kinds = recorded.map((line) => JSON.parse(line).kind);
		const pids = new Set(recorded.map((line) => JSON.parse(line).pid));
		if (pids.size < 2) {
			throw new Error(
				`expected entries from the probe and its child, got pids ${[...pids].join(', ')}`,
			);
		}
		for (const kind of ['tcp connect', 'dns lookup', 'dns resolve4']) {
			if (!kinds.includes(kind)) {
				throw new Error(`no "${kind}" entry in ${guardLog}: ${kinds.join(', ')}`);
			}
		}
	});
}

// Returns the API keys the tests use: the local server's sandbox key and every
// string literal assigned to an API key in the test sources.
function readSecrets() {
	const { SANDBOX_API_KEY } = require('../server');
	const secrets = new Set([SANDBOX_API_KEY]);
	const keyLiteral = /(?:API_KEY\s*=|apiKey\s*[:=])\s*'([^']{8,})'/g;
	const visit = (folder) => {
		for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
			const entryPath = path.join(folder, entry.name);
			if (entry.isDirectory() && entry.name !== 'node_modules') {
				visit(entryPath);
			} else if (/\.[cm]?[jt]s$/.test(entry.name)) {
				for (const match of fs.readFileSync(entryPath, 'utf8').matchAll(keyLiteral)) {
					secrets.add(match[1]);
				}
			}
		}
	};
	visit(path.join(REPO_DIR, 'test'));
	return [...secrets];
}

function runChecker(tarball, extraArguments) {
	const secretArguments = readSecrets().flatMap((secret) => ['--secret', secret]);
	return spawnSync(
		process.execPath,
		[path.join(__dirname, 'check-package.js'), tarball, ...secretArguments, ...extraArguments],
		{
			encoding: 'utf8',
			env: { ...process.env, NODE_PATH: path.join(REPO_DIR, 'node_modules') },
		},
	);
}

// Writes a copy of the packed package.json in which the first letter of the
// first node's file name has the other case, a mistake that still works on
// case-insensitive file systems. Returns the copy's path and the broken path.
function writeBrokenPackageJson(tarball, runFolder) {
	const packageJson = JSON.parse(
		execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
	);
	const original = packageJson.n8n.nodes[0];
	const fileName = path.posix.basename(original);
	const flipped =
		fileName[0] === fileName[0].toLowerCase()
			? fileName[0].toUpperCase()
			: fileName[0].toLowerCase();
	packageJson.n8n.nodes[0] = `${path.posix.dirname(original)}/${flipped}${fileName.slice(1)}`;
	const file = path.join(runFolder, 'package.broken-case.json');
	fs.writeFileSync(file, JSON.stringify(packageJson, null, 2));
	return { file, brokenPath: packageJson.n8n.nodes[0] };
}

async function packageChecks(tarball, runFolder) {
	const report = runChecker(tarball, []);
	process.stdout.write(report.stdout.replace(/^/gm, '      '));
	await check('packed tarball passes the package check', () => {
		if (report.status !== 0) {
			throw new Error(`check-package.js exited ${report.status}\n${report.stderr}`);
		}
	});
	const { file, brokenPath } = writeBrokenPackageJson(tarball, runFolder);
	const broken = runChecker(tarball, ['--package-json', file]);
	await check('package check rejects a wrong-case path', () => {
		if (broken.status === 0) {
			throw new Error(
				`check-package.js passed with n8n.nodes[0] = ${brokenPath}\n${broken.stdout}`,
			);
		}
		if (!broken.stdout.includes(brokenPath)) {
			throw new Error(`check-package.js failed without naming ${brokenPath}\n${broken.stdout}`);
		}
	});
}

// True when the packed package.json lists the trigger node, so that n8n loads it.
function tarballListsTrigger(tarball) {
	const packageJson = JSON.parse(
		execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
	);
	const nodes = packageJson.n8n?.nodes ?? [];
	return nodes.some((entry) => entry.endsWith('/OctocularRoomsTrigger.node.js'));
}

async function main() {
	const startedAt = Date.now();
	const runFolder = path.join(CACHE_DIR, 'runs', new Date().toISOString().replace(/[:.]/g, '-'));
	fs.mkdirSync(runFolder, { recursive: true });
	log(`run folder: ${runFolder}`);

	installRuntimes();
	await guardSelfTest(runFolder);

	if (process.env.E2E_SKIP_BUILD !== '1') {
		timed('npm run build', () =>
			execFileSync('npm', ['run', 'build'], { cwd: REPO_DIR, stdio: 'inherit' }),
		);
	}
	const tarball = packRepository(runFolder);
	log(`packed ${path.basename(tarball)}`);
	await packageChecks(tarball, runFolder);

	const { headlessExecution, startedInstance } = require('./scenarios');
	const scenario = async (label, run) => {
		const started = Date.now();
		log(`${label}`);
		try {
			await run();
		} catch (error) {
			await check(label, () => {
				throw error;
			});
		}
		log(`${label} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
	};

	const n8n2 = RUNTIMES.n8n2;
	await scenario(`headless execution on ${n8n2.label}`, () =>
		headlessExecution({ runtime: n8n2, runFolder, tarball, check }),
	);
	if (process.env.E2E_TRIGGER !== '0') {
		const triggerAvailable = tarballListsTrigger(tarball);
		await scenario(`credential test and trigger on ${n8n2.label}`, () =>
			startedInstance({ runtime: n8n2, runFolder, tarball, check, triggerAvailable }),
		);
	}
	if (process.env.E2E_N8N1 === '1') {
		const n8n1 = RUNTIMES.n8n1;
		if (!isInstalled(n8n1)) {
			await check(`${n8n1.label} installed`, () => {
				throw new Error(`${n8n1.folder} has no .installed marker`);
			});
		} else {
			await scenario(`headless execution on ${n8n1.label}`, () =>
				headlessExecution({
					runtime: n8n1,
					runFolder: path.join(runFolder, 'n8n1'),
					tarball,
					check,
				}),
			);
		}
	}

	await check('guard loaded in every n8n run', () => {
		const unguarded = N8nInstance.all.filter(
			(instance) => instance.guardedProcesses().length === 0,
		);
		if (unguarded.length > 0) {
			throw new Error(
				`no guarded process in ${unguarded.map((instance) => instance.userFolder).join(', ')}`,
			);
		}
	});
	await check('no connection left loopback', () => {
		const violations = N8nInstance.all.flatMap((instance) => instance.guardViolations());
		if (violations.length > 0) {
			throw new Error(
				`${violations.length} blocked connection(s):\n${violations.map((entry) => `${entry.kind} ${entry.target}\n${entry.stack}`).join('\n')}`,
			);
		}
	});

	const passed = results.filter((result) => result.passed).length;
	const failed = results.length - passed;
	log(`total ${((Date.now() - startedAt) / 1000).toFixed(1)} s; logs in ${runFolder}`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	console.log(
		`${results.filter((result) => result.passed).length} passed, ${results.filter((result) => !result.passed).length + 1} failed`,
	);
	process.exitCode = 1;
});
