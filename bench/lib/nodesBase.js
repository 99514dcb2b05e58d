// @ts-check
// Finds and loads n8n's HTTP Request node (package n8n-nodes-base) for the comparison in part (a).
//
// n8n-nodes-base is not a dependency of this package. The benchmark uses the copy in
// .cache/bench/ (gitignored) or in an end-to-end n8n install, and installs the version that
// matches node_modules/n8n-core into .cache/bench/ when neither exists. Either copy brings its own
// n8n-workflow, and `instanceof` checks fail across two copies (for example on NodeApiError).
// `loadHttpRequestNode` therefore resolves n8n-workflow and n8n-core from this repository for
// every file of that copy, and `checkSingleWorkflowCopy` verifies that only one n8n-workflow is
// loaded.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const REPO_ROOT = path.join(__dirname, '..', '..');
const BENCH_CACHE = path.join(REPO_ROOT, '.cache', 'bench');
const E2E_NODES_BASE = path.join(
	REPO_ROOT,
	'.cache',
	'e2e',
	'n8n2',
	'node_modules',
	'n8n-nodes-base',
);
const SHARED_PACKAGES = new Set(['n8n-workflow', 'n8n-core']);

/** Version of n8n-core that the harness runs, such as '2.41.1'. */
function coreVersion() {
	return require(path.join(REPO_ROOT, 'node_modules', 'n8n-core', 'package.json')).version;
}

/**
 * Returns the folder of a usable n8n-nodes-base whose version equals the n8n-core version, or
 * undefined. BENCH_NODES_BASE_DIR, when set, is the only place looked at.
 */
function findNodesBase() {
	const expectedVersion = coreVersion();
	const candidates = process.env.BENCH_NODES_BASE_DIR
		? [process.env.BENCH_NODES_BASE_DIR]
		: [path.join(BENCH_CACHE, 'node_modules', 'n8n-nodes-base'), E2E_NODES_BASE];

	for (const folder of candidates) {
		const manifest = path.join(folder, 'package.json');
		if (!fs.existsSync(manifest)) continue;
		const version = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
		if (version === expectedVersion) return folder;
	}
	return undefined;
}

/**
 * Installs n8n-nodes-base at the n8n-core version into .cache/bench/ with npm, without install
 * scripts, and returns its folder. The folder has its own package.json, so the repository's
 * package.json and lock file stay untouched.
 */
function installNodesBase() {
	const version = coreVersion();
	fs.mkdirSync(BENCH_CACHE, { recursive: true });
	const manifest = path.join(BENCH_CACHE, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, '{ "name": "bench-nodes-base", "private": true }\n');
	}

	console.log(`Installing n8n-nodes-base@${version} into ${BENCH_CACHE} (once, a few minutes)`);
	execFileSync(
		'npm',
		['install', '--no-audit', '--no-fund', '--ignore-scripts', `n8n-nodes-base@${version}`],
		{ cwd: BENCH_CACHE, stdio: 'inherit' },
	);
	return path.join(BENCH_CACHE, 'node_modules', 'n8n-nodes-base');
}

/**
 * Makes every `require` of n8n-workflow or n8n-core from a file inside `folder` resolve to this
 * repository's copy.
 * @param {string} folder
 */
function shareEnginePackages(folder) {
	const prefix = path.resolve(folder, '..') + path.sep;
	const repoParent = /** @type {any} */ ({
		id: path.join(REPO_ROOT, 'index.js'),
		filename: path.join(REPO_ROOT, 'index.js'),
		paths: /** @type {any} */ (Module)._nodeModulePaths(REPO_ROOT),
	});
	const moduleInternals = /** @type {any} */ (Module);
	const originalResolve = moduleInternals._resolveFilename;

	moduleInternals._resolveFilename = function (
		/** @type {string} */ request,
		/** @type {any} */ parent,
		/** @type {unknown[]} */ ...rest
	) {
		const packageName = request.split('/')[0];
		if (SHARED_PACKAGES.has(packageName) && parent?.filename?.startsWith(prefix)) {
			return originalResolve.call(this, request, repoParent, ...rest);
		}
		return originalResolve.call(this, request, parent, ...rest);
	};
}

/** Throws unless exactly one copy of n8n-workflow is loaded in this process. */
function checkSingleWorkflowCopy() {
	const copies = new Set();
	for (const file of Object.keys(require.cache)) {
		const match = /^(.*[\\/]node_modules[\\/]n8n-workflow)[\\/]/.exec(file);
		if (match) copies.add(match[1]);
	}
	if (copies.size !== 1) {
		throw new Error(`Expected one n8n-workflow copy, found: ${[...copies].join(', ')}`);
	}
	return [...copies][0];
}

/**
 * Loads the versioned HTTP Request node and the Bearer Auth credential type from `folder`.
 * @param {string} folder n8n-nodes-base package folder
 */
function loadHttpRequestNode(folder) {
	shareEnginePackages(folder);
	const { HttpRequest } = require(path.join(folder, 'dist/nodes/HttpRequest/HttpRequest.node.js'));
	const { HttpBearerAuth } = require(
		path.join(folder, 'dist/credentials/HttpBearerAuth.credentials.js'),
	);
	const workflowCopy = checkSingleWorkflowCopy();
	return { HttpRequest, HttpBearerAuth, workflowCopy };
}

module.exports = {
	findNodesBase,
	installNodesBase,
	loadHttpRequestNode,
	checkSingleWorkflowCopy,
	coreVersion,
};
