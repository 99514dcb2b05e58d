#!/usr/bin/env node
'use strict';
// Checks a packed community-node tarball the way n8n will read it.
//
// Usage: node test/e2e/check-package.js TARBALL [--package-json FILE] [--secret VALUE]...
//
// - Every path in package.json's `n8n.nodes` and `n8n.credentials` is a file
//   in the tarball, with exact case, and loads the way n8n's loader does it:
//   `new (require(file)[className])()`, where className is the file name up to
//   the first dot.
// - Every compiled *.node.js and *.credentials.js file is listed there.
// - Every `file:` icon of a node or credential description is in the tarball,
//   relative to the compiled file and inside the package folder.
// - The tarball contains no tests, no dotenv/npmrc/key files, and none of the
//   given secret values.
// - Prints the packed and unpacked sizes.
//
// --package-json replaces the tarball's package.json for the path checks, so a
// self-test can feed in a broken copy. Exits 0 when every check passes and 1
// otherwise. Requires of `n8n-workflow` are resolved through NODE_PATH.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function parseArguments(argv) {
	const options = { tarball: undefined, packageJson: undefined, secrets: [] };
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (argument === '--package-json') {
			options.packageJson = argv[++index];
		} else if (argument === '--secret') {
			options.secrets.push(argv[++index]);
		} else if (options.tarball === undefined) {
			options.tarball = argument;
		} else {
			throw new Error(`unexpected argument: ${argument}`);
		}
	}
	if (!options.tarball) {
		throw new Error('missing TARBALL argument: pass the .tgz file made by npm pack');
	}
	return options;
}

function listTarball(tarball) {
	const output = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
	return output
		.split('\n')
		.filter((line) => line.startsWith('package/') && !line.endsWith('/'))
		.map((line) => line.slice('package/'.length));
}

function extractTarball(tarball) {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'octocular-package-check-'));
	execFileSync('tar', ['-xzf', tarball, '-C', directory]);
	return path.join(directory, 'package');
}

function describeIcon(icon) {
	if (typeof icon === 'string') {
		return [icon];
	}
	if (icon && typeof icon === 'object') {
		return [icon.light, icon.dark].filter((value) => typeof value === 'string');
	}
	return [];
}

class Checker {
	constructor() {
		this.failures = [];
	}

	pass(message) {
		console.log(`  ok    ${message}`);
	}

	fail(message) {
		console.log(`  FAIL  ${message}`);
		this.failures.push(message);
	}

	check(condition, message) {
		if (condition) {
			this.pass(message);
		} else {
			this.fail(message);
		}
		return condition;
	}
}

// Loads one entry of the n8n block and returns the instance, or undefined.
function loadEntry(checker, packageDirectory, entries, relativePath) {
	const normalized = path.posix.normalize(relativePath);
	if (!checker.check(entries.has(normalized), `${relativePath} is in the tarball (exact case)`)) {
		return undefined;
	}
	const className = path.basename(normalized).split('.')[0];
	const absolutePath = path.join(packageDirectory, normalized);
	try {
		const exported = require(absolutePath)[className];
		if (typeof exported !== 'function') {
			checker.fail(`${relativePath} exports no class named ${className}`);
			return undefined;
		}
		const instance = new exported();
		checker.pass(`${relativePath} loads and exports class ${className}`);
		return instance;
	} catch (error) {
		checker.fail(`${relativePath} failed to load: ${error.message}`);
		return undefined;
	}
}

function checkIcons(checker, packageDirectory, entries, relativePath, icon) {
	const icons = describeIcon(icon);
	if (!checker.check(icons.length > 0, `${relativePath} declares an icon`)) {
		return;
	}
	for (const value of icons) {
		if (!value.startsWith('file:')) {
			checker.pass(`${relativePath} icon ${value} is not a file`);
			continue;
		}
		const iconPath = path.posix.normalize(
			path.posix.join(path.posix.dirname(relativePath), value.slice('file:'.length)),
		);
		const inside = !iconPath.startsWith('../') && !path.posix.isAbsolute(iconPath);
		checker.check(inside, `${relativePath} icon ${value} stays inside the package`);
		checker.check(
			entries.has(iconPath),
			`${relativePath} icon ${value} is in the tarball as ${iconPath}`,
		);
	}
}

const testPatterns = [
	/(^|\/)(test|tests|__tests__|__mocks__|e2e)\//i,
	/\.(test|spec)\.[cm]?[jt]s$/i,
	/(^|\/)jest\.config\./i,
];
const secretFilePatterns = [
	/(^|\/)\.env(\.|$)/i,
	/(^|\/)\.npmrc$/i,
	/\.(pem|key|p12)$/i,
	/(^|\/)id_(rsa|ed25519)/i,
];

function checkContents(checker, packageDirectory, entryList, secrets) {
	const tests = entryList.filter((entry) => testPatterns.some((pattern) => pattern.test(entry)));
	checker.check(
		tests.length === 0,
		`tarball contains no tests${tests.length ? `: ${tests.join(', ')}` : ''}`,
	);

	const secretFiles = entryList.filter((entry) =>
		secretFilePatterns.some((pattern) => pattern.test(entry)),
	);
	checker.check(
		secretFiles.length === 0,
		`tarball contains no secret files${secretFiles.length ? `: ${secretFiles.join(', ')}` : ''}`,
	);

	const usableSecrets = secrets.filter((secret) => secret && secret.length >= 8);
	const leaks = [];
	for (const entry of entryList) {
		const content = fs.readFileSync(path.join(packageDirectory, entry));
		for (const secret of usableSecrets) {
			if (content.includes(secret)) {
				// Only a prefix, so that the log does not repeat the key.
				leaks.push(`${entry} (key ${secret.slice(0, 6)}…)`);
			}
		}
	}
	checker.check(
		leaks.length === 0,
		`tarball contains none of ${usableSecrets.length} known API keys${leaks.length ? `; found in ${leaks.join(', ')}` : ''}`,
	);
}

function main() {
	const options = parseArguments(process.argv.slice(2));
	const checker = new Checker();
	const entryList = listTarball(options.tarball);
	const entries = new Set(entryList);
	const packageDirectory = extractTarball(options.tarball);
	const packageJsonPath = options.packageJson ?? path.join(packageDirectory, 'package.json');
	const packageJson = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));

	console.log(`checking ${path.basename(options.tarball)} against ${packageJsonPath}`);
	const block = packageJson.n8n;
	if (!checker.check(block && typeof block === 'object', 'package.json has an n8n block')) {
		return finish(checker);
	}
	const nodes = Array.isArray(block.nodes) ? block.nodes : [];
	const credentials = Array.isArray(block.credentials) ? block.credentials : [];
	checker.check(nodes.length > 0, `n8n.nodes lists ${nodes.length} file(s)`);
	checker.check(credentials.length > 0, `n8n.credentials lists ${credentials.length} file(s)`);
	checker.check(
		(packageJson.keywords ?? []).includes('n8n-community-node-package'),
		'keywords include n8n-community-node-package',
	);

	// A compiled node or credential missing from the n8n block is never
	// loaded, and workflows that use it fail with "Unrecognized node type".
	const listed = new Set([...nodes, ...credentials].map((entry) => path.posix.normalize(entry)));
	const unlisted = entryList.filter(
		(entry) => /\.(node|credentials)\.js$/.test(entry) && !listed.has(entry),
	);
	checker.check(
		unlisted.length === 0,
		`every compiled node and credential is listed in the n8n block${unlisted.length ? `; missing: ${unlisted.join(', ')}` : ''}`,
	);

	for (const relativePath of [...credentials, ...nodes]) {
		const instance = loadEntry(checker, packageDirectory, entries, relativePath);
		if (!instance) {
			continue;
		}
		const icon = instance.description ? instance.description.icon : instance.icon;
		checkIcons(checker, packageDirectory, entries, relativePath, icon);
	}

	checkContents(checker, packageDirectory, entryList, options.secrets);

	const packedBytes = fs.statSync(options.tarball).size;
	const unpackedBytes = entryList.reduce(
		(sum, entry) => sum + fs.statSync(path.join(packageDirectory, entry)).size,
		0,
	);
	console.log(
		`  size  ${(packedBytes / 1024).toFixed(1)} KiB packed, ${(unpackedBytes / 1024).toFixed(1)} KiB unpacked, ${entryList.length} files`,
	);
	fs.rmSync(path.dirname(packageDirectory), { recursive: true, force: true });
	return finish(checker);
}

function finish(checker) {
	if (checker.failures.length > 0) {
		console.log(`package check failed: ${checker.failures.length} problem(s)`);
		process.exitCode = 1;
	} else {
		console.log('package check passed');
	}
}

main();
