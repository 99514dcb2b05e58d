// @ts-check
// Part (c): runs bench/trigger-poll.js, the trigger's own benchmark, when it exists.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SCRIPT = path.join(__dirname, '..', 'trigger-poll.js');
/** Time limit of the trigger benchmark, in milliseconds. */
const TIMEOUT_MS = 300_000;

/**
 * Runs the script with the output shown as it comes, and keeps its standard output. When the
 * last non-empty line of that output is JSON, it is returned parsed as `data`.
 * @param {{ log: (line: string) => void }} options
 */
async function benchTriggerPoll(options) {
	if (!fs.existsSync(SCRIPT)) {
		options.log('[c] bench/trigger-poll.js is missing: the trigger poll benchmark was not run');
		return { present: false };
	}

	options.log('[c] running bench/trigger-poll.js');
	const started = Date.now();
	const { exitCode, stdout } = await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
		let output = '';
		const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
		child.stdout.on('data', (chunk) => {
			output += chunk;
			process.stdout.write(chunk);
		});
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ exitCode: code ?? signal, stdout: output });
		});
	});

	const lines = String(stdout)
		.split('\n')
		.filter((line) => line.trim() !== '');
	let data;
	try {
		data = JSON.parse(lines[lines.length - 1] ?? '');
	} catch {
		data = undefined;
	}
	return { present: true, exitCode, elapsedMs: Date.now() - started, stdout, data };
}

module.exports = { benchTriggerPoll };
