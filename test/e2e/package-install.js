'use strict';
// Packs the repository with `npm pack` and installs the tarball into an n8n
// user folder the way n8n 2.x installs a community package: extract it to
// ~/.n8n/nodes/node_modules/<name>, drop devDependencies, peerDependencies
// and optionalDependencies from its package.json, run `npm install` with
// scripts off inside it, and record it in ~/.n8n/nodes/package.json.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { PACKAGE_NAME, REPO_DIR } = require('./harness');

/** Runs `npm pack` on the repository and returns the tarball's path. */
function packRepository(destination) {
	fs.mkdirSync(destination, { recursive: true });
	const output = execFileSync(
		'npm',
		['pack', '--json', '--pack-destination', destination, '--ignore-scripts'],
		{ cwd: REPO_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const [result] = JSON.parse(output);
	return path.join(destination, result.filename);
}

/** Installs the tarball into `<userFolder>/.n8n/nodes` and returns the package folder. */
function installIntoUserFolder(tarball, userFolder) {
	const nodesFolder = path.join(userFolder, '.n8n', 'nodes');
	const packageFolder = path.join(nodesFolder, 'node_modules', PACKAGE_NAME);
	fs.rmSync(packageFolder, { recursive: true, force: true });
	fs.mkdirSync(packageFolder, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageFolder, '--strip-components=1']);

	const packageJsonPath = path.join(packageFolder, 'package.json');
	const packageJson = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
	delete packageJson.devDependencies;
	delete packageJson.peerDependencies;
	delete packageJson.optionalDependencies;
	fs.writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));

	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageFolder, stdio: ['ignore', 'pipe', 'inherit'] },
	);

	const nodesPackageJson = {
		name: 'installed-nodes',
		private: true,
		dependencies: { [PACKAGE_NAME]: packageJson.version },
	};
	fs.writeFileSync(
		path.join(nodesFolder, 'package.json'),
		JSON.stringify(nodesPackageJson, null, 2),
	);
	return packageFolder;
}

module.exports = { installIntoUserFolder, packRepository };
