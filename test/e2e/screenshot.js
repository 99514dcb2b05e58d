#!/usr/bin/env node
'use strict';
// Takes a screenshot of the Octocular Rooms node's parameter panel (Create
// operation) in n8n's editor, in headless Chromium, and saves it to
// docs/images/octocular-rooms-create.png.
//
// Usage: npm run build && node test/e2e/screenshot.js [OUTPUT.png]
//
// Needs Debian's chromium (/usr/bin/chromium) and playwright-core, which
// `test/e2e/install-n8n.sh n8n2 playwright` installs. n8n runs on loopback
// under the loopback guard. Chromium runs with background networking off and
// with every request that is not for 127.0.0.1 aborted and reported, so the
// run fails on any such request.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startOctocularServer } = require('../server');
const {
	CACHE_DIR,
	N8nInstance,
	N8nRestClient,
	PACKAGE_NAME,
	REPO_DIR,
	RUNTIMES,
	TEST_OWNER,
	log,
} = require('./harness');
const { installIntoUserFolder, packRepository } = require('./package-install');

const OUTPUT = path.resolve(
	process.argv[2] || path.join(REPO_DIR, 'docs', 'images', 'octocular-rooms-create.png'),
);
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Host names other than localhost do not resolve; IP literals are caught
	// by the request filter below.
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
const CREDENTIAL_ID = 'ScreenshotCred01';
const WORKFLOW_ID = 'ScreenshotFlow01';
const NODE_ID = '5b0c9e2e-1c53-4f57-9a5e-0c2d3f4a5b6c';

function screenshotWorkflow() {
	return {
		id: WORKFLOW_ID,
		name: 'Create an interview room',
		active: false,
		nodes: [
			{
				id: 'f1d7c3a2-5b8e-4c1d-9e0f-1a2b3c4d5e6f',
				name: 'When clicking Execute workflow',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: NODE_ID,
				name: 'Create interview room',
				type: `${PACKAGE_NAME}.octocularRooms`,
				typeVersion: 1,
				position: [260, 0],
				parameters: {
					resource: 'room',
					operation: 'create',
					userId: 'usr_4821',
					organizationId: 'org_77',
					candidateEmail: 'candidate@example.com',
					additionalFields: {
						enableChatAssistant: true,
						scheduledTime: '2026-01-15T10:00:00.000Z',
					},
				},
				credentials: { octocularApi: { id: CREDENTIAL_ID, name: 'Octocular account' } },
			},
		],
		connections: {
			'When clicking Execute workflow': {
				main: [[{ node: 'Create interview room', type: 'main', index: 0 }]],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

async function prepareN8n(server) {
	const userFolder = path.join(CACHE_DIR, 'screenshot');
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	const tarball = packRepository(userFolder);
	installIntoUserFolder(tarball, userFolder);
	const instance = new N8nInstance(RUNTIMES.n8n2, userFolder);

	const credentialsFile = path.join(userFolder, 'credentials-import.json');
	fs.writeFileSync(
		credentialsFile,
		JSON.stringify([
			{
				id: CREDENTIAL_ID,
				name: 'Octocular account',
				type: 'octocularApi',
				data: { apiKey: server.apiKey, baseUrl: server.baseUrl },
			},
		]),
	);
	await instance.cliOrThrow(['import:credentials', `--input=${credentialsFile}`]);
	fs.rmSync(credentialsFile);
	const workflowFile = path.join(userFolder, 'workflow-import.json');
	fs.writeFileSync(workflowFile, JSON.stringify([screenshotWorkflow()]));
	await instance.cliOrThrow(['import:workflow', `--input=${workflowFile}`]);
	return instance;
}

async function capture(instance) {
	const { chromium } = require(
		path.join(CACHE_DIR, 'playwright', 'node_modules', 'playwright-core'),
	);
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'octocular-chromium-'));
	const blocked = [];
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
		deviceScaleFactor: 1,
	});
	try {
		await context.route('**/*', (route) => {
			const url = new URL(route.request().url());
			if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') {
				return route.continue();
			}
			blocked.push(url.href);
			return route.abort('blockedbyclient');
		});
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(60_000);

		await page.goto(`${instance.url}/signin`);
		await page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
			.first()
			.fill(TEST_OWNER.email);
		await page.locator('input[type="password"]').first().fill(TEST_OWNER.password);
		await page
			.locator('button[type="submit"], [data-test-id="form-submit-button"]')
			.first()
			.click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

		// n8n's editor opens a node's panel from the URL /workflow/<id>/<node id>.
		await page.goto(`${instance.url}/workflow/${WORKFLOW_ID}/${NODE_ID}`);
		const panel = page.locator('[data-test-id="ndv"]').first();
		try {
			await panel.waitFor({ timeout: 20_000 });
		} catch {
			await page.screenshot({
				path: path.join(instance.userFolder, 'editor-before-double-click.png'),
			});
			const node = page
				.locator('[data-test-id="canvas-node"]', { hasText: 'Create interview room' })
				.first();
			await node.dblclick({ force: true });
			await panel.waitFor();
		}
		await page.getByText('Candidate Email').first().waitFor();
		// Let icons and fonts settle.
		await page.waitForTimeout(1500);
		fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
		await page.screenshot({ path: OUTPUT });
	} finally {
		await context.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
	return blocked;
}

async function main() {
	execFileSync('bash', [path.join(__dirname, 'install-n8n.sh'), 'n8n2', 'playwright'], {
		stdio: 'inherit',
	});
	const server = await startOctocularServer({ port: 0 });
	let instance;
	let blocked = [];
	try {
		instance = await prepareN8n(server);
		await instance.start();
		const client = new N8nRestClient(instance.url);
		await client.setUpOwnerAndLogIn(TEST_OWNER);
		blocked = await capture(instance);
	} finally {
		if (instance) {
			await instance.stop();
		}
		await server.close();
	}
	const violations = instance.guardViolations();
	if (blocked.length > 0 || violations.length > 0) {
		console.error(`blocked requests from Chromium: ${blocked.join(', ') || 'none'}`);
		console.error(
			`blocked connections from n8n: ${violations.map((entry) => entry.target).join(', ') || 'none'}`,
		);
		process.exitCode = 1;
		return;
	}
	log(`saved ${OUTPUT}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
