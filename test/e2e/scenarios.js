'use strict';
// The checks that run the packed package inside real n8n: headless execution
// of the example workflow, the credential test through the editor's REST
// endpoint, and the polling trigger under `n8n start`.

const { execFileSync } = require('node:child_process');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { startOctocularServer } = require('../server');
const {
	N8nInstance,
	N8nRestClient,
	PACKAGE_NAME,
	REPO_DIR,
	TEST_OWNER,
	log,
	parseExecuteOutput,
	sleep,
	waitFor,
} = require('./harness');
const { installIntoUserFolder } = require('./package-install');

const EXAMPLE_WORKFLOW =
	process.env.E2E_EXAMPLE_WORKFLOW ||
	path.join(REPO_DIR, 'examples', 'octocular-rooms-demo.workflow.json');
const ROOMS_TYPE = `${PACKAGE_NAME}.octocularRooms`;
const TRIGGER_TYPE = `${PACKAGE_NAME}.octocularRoomsTrigger`;
const CREDENTIAL_TYPE = 'octocularApi';
// The local Octocular server's message on 401.
const UNAUTHORIZED_MESSAGE = 'Invalid or missing API key';

// n8n ids are 16 alphanumeric characters.
function newN8nId() {
	return crypto
		.randomBytes(12)
		.toString('base64')
		.replace(/[^A-Za-z0-9]/g, '')
		.padEnd(16, 'x')
		.slice(0, 16);
}

function newApiKey(label) {
	return `e2e-${label}-${crypto.randomBytes(12).toString('hex')}`;
}

/** Creates a fresh n8n user folder with the tarball installed in it. */
function prepareInstance(runtime, runFolder, name, tarball) {
	const userFolder = path.join(runFolder, name);
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	installIntoUserFolder(tarball, userFolder);
	return new N8nInstance(runtime, userFolder);
}

// Each CLI command boots n8n for several seconds, so one import takes all.
// The credentials file is deleted afterwards because it contains the API keys in
// plain text.
async function importCredentials(instance, credentials) {
	const file = path.join(instance.userFolder, 'credentials-import.json');
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
	try {
		await instance.cliOrThrow(['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(file);
	}
}

async function importWorkflows(instance, workflows) {
	const file = path.join(instance.userFolder, 'workflows-import.json');
	fs.writeFileSync(file, JSON.stringify(workflows, null, 2));
	await instance.cliOrThrow(['import:workflow', `--input=${file}`]);
}

/** Returns a copy of the workflow whose Octocular nodes use the given credential. */
function withCredential(workflow, credential) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes) {
		if (node.type === ROOMS_TYPE || node.type === TRIGGER_TYPE) {
			node.credentials = { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } };
		}
	}
	return copy;
}

function loadExampleWorkflow(id) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE_WORKFLOW, 'utf8'));
	return { ...workflow, id, active: false };
}

function findNodeByOperation(workflow, operation) {
	const node = workflow.nodes.find(
		(candidate) => candidate.type === ROOMS_TYPE && candidate.parameters?.operation === operation,
	);
	assert.ok(node, `example workflow has an Octocular Rooms node with operation "${operation}"`);
	return node;
}

function outputItems(result, nodeName) {
	const runs = result?.data?.resultData?.runData?.[nodeName];
	assert.ok(Array.isArray(runs), `node "${nodeName}" has run data`);
	assert.ok(runs.length > 0, `node "${nodeName}" ran`);
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}

/**
 * Imports the example workflow with a working credential and with a wrong
 * API key, runs both with `n8n execute`, and checks the output and the
 * requests that reached the local Octocular server.
 */
async function headlessExecution({ runtime, runFolder, tarball, check }) {
	const apiKey = newApiKey('good');
	const wrongApiKey = newApiKey('wrong');
	const server = await startOctocularServer({ port: 0, apiKey });
	const instance = prepareInstance(runtime, runFolder, 'headless', tarball);
	try {
		server.seedRooms(3);
		const roomsBefore = server.roomCount();
		const goodCredential = {
			id: newN8nId(),
			name: 'Octocular account',
			type: CREDENTIAL_TYPE,
			data: { apiKey, baseUrl: server.baseUrl },
		};
		const wrongCredential = {
			id: newN8nId(),
			name: 'Octocular wrong key',
			type: CREDENTIAL_TYPE,
			data: { apiKey: wrongApiKey, baseUrl: server.baseUrl },
		};
		await importCredentials(instance, [goodCredential, wrongCredential]);

		const example = loadExampleWorkflow(newN8nId());
		const goodWorkflow = withCredential(example, goodCredential);
		const wrongWorkflow = withCredential(
			{ ...example, id: newN8nId(), name: `${example.name} (wrong key)` },
			wrongCredential,
		);
		await importWorkflows(instance, [goodWorkflow, wrongWorkflow]);

		const createNode = findNodeByOperation(goodWorkflow, 'create');
		const getNode = findNodeByOperation(goodWorkflow, 'get');
		const getManyNode = findNodeByOperation(goodWorkflow, 'getAll');
		const deleteNode = findNodeByOperation(goodWorkflow, 'delete');

		server.clearRequests();
		const good = await instance.cli(['execute', `--id=${goodWorkflow.id}`, '--rawOutput']);
		const goodOutput = `${good.stdout}\n${good.stderr}`;
		fs.writeFileSync(path.join(instance.userFolder, 'execute-valid-key.log'), goodOutput);
		await check('execute with a valid key exits 0', () => {
			assert.equal(good.code, 0, `exit code ${good.code}; output:\n${goodOutput.slice(-3000)}`);
		});
		const result = parseExecuteOutput(good.stdout);
		let roomId;
		await check('execute output is the run JSON', () => {
			assert.ok(result, `no JSON in output:\n${good.stdout.slice(-2000)}`);
			assert.equal(result.data?.resultData?.error, undefined);
		});
		await check('Create returns a room with session_link', () => {
			const [room] = outputItems(result, createNode.name);
			assert.ok(room, 'Create returned no item');
			assert.equal(typeof room.room_id, 'string');
			assert.match(String(room.session_link), /^https?:\/\//);
			roomId = room.room_id;
		});
		await check('Get returns the created room', () => {
			const [room] = outputItems(result, getNode.name);
			assert.equal(room?.room_id, roomId);
			assert.match(String(room?.session_link), /^https?:\/\//);
		});
		await check('Get Many lists the created room', () => {
			const rooms = outputItems(result, getManyNode.name);
			assert.ok(
				rooms.some((room) => room.room_id === roomId),
				`room ${roomId} missing from ${JSON.stringify(rooms).slice(0, 500)}`,
			);
		});
		await check('Delete removes the created room', () => {
			const items = outputItems(result, deleteNode.name);
			assert.ok(items.length > 0, 'Delete returned no item');
			assert.equal(server.getRoom(roomId), undefined);
			assert.equal(server.roomCount(), roomsBefore);
		});
		await check('server saw create, get, list, delete', () => {
			const summary = server.requests.map((request) => `${request.method} ${request.path}`);
			const authorized = server.requests.every((request) => request.authorized);
			assert.ok(authorized, `unauthorized request among ${summary.join(', ')}`);
			const encodedId = encodeURIComponent(roomId);
			const roomPath = (request) =>
				request.path.endsWith(`/rooms/${roomId}`) ||
				request.rawPath.endsWith(`/rooms/${encodedId}`);
			assert.ok(
				summary.some((line) => /^POST .*\/rooms$/.test(line)),
				`no POST /rooms in ${summary}`,
			);
			assert.ok(
				server.requests.some((request) => request.method === 'GET' && roomPath(request)),
				`no GET /rooms/${roomId} in ${summary}`,
			);
			assert.ok(
				summary.some((line) => /^GET .*\/rooms$/.test(line)),
				`no GET /rooms in ${summary}`,
			);
			assert.ok(
				server.requests.some((request) => request.method === 'DELETE' && roomPath(request)),
				`no DELETE /rooms/${roomId} in ${summary}`,
			);
		});
		await check('valid key absent from execute output', () => {
			assert.ok(!goodOutput.includes(apiKey), 'the API key appears in the output');
		});

		server.clearRequests();
		const wrong = await instance.cli(['execute', `--id=${wrongWorkflow.id}`, '--rawOutput']);
		const wrongOutput = `${wrong.stdout}\n${wrong.stderr}`;
		fs.writeFileSync(path.join(instance.userFolder, 'execute-wrong-key.log'), wrongOutput);
		await check('execute with a wrong key exits 1', () => {
			assert.equal(wrong.code, 1, `exit code ${wrong.code}; output:\n${wrongOutput.slice(-3000)}`);
		});
		await check('wrong key output has the 401 message', () => {
			assert.ok(
				wrongOutput.includes(UNAUTHORIZED_MESSAGE),
				`no "${UNAUTHORIZED_MESSAGE}" in:\n${wrongOutput.slice(-3000)}`,
			);
			assert.ok(
				server.requests.some((request) => !request.authorized),
				'server saw no rejected request',
			);
		});
		await check('wrong key absent from execute output', () => {
			assert.ok(!wrongOutput.includes(wrongApiKey), 'the wrong API key appears in the output');
		});
		await check('wrong key creates no room', () => {
			assert.equal(server.roomCount(), roomsBefore);
		});
	} finally {
		await server.close();
	}
	return instance;
}

/** Reads the executions of a workflow from the instance's SQLite file. */
function readExecutions(instance, workflowId) {
	const output = execFileSync(
		path.join(instance.runtime.nodeBin, 'node'),
		[
			path.join(__dirname, 'read-executions.js'),
			path.join(instance.userFolder, '.n8n', 'database.sqlite'),
			workflowId,
		],
		{
			encoding: 'utf8',
			env: { ...process.env, NODE_PATH: path.join(instance.runtime.folder, 'node_modules') },
		},
	);
	return JSON.parse(output);
}

function triggerItems(executions, triggerName) {
	return executions.flatMap((execution) => execution.outputs[triggerName] ?? []);
}

// The trigger polls once a minute, so a wait covers one poll cycle plus
// start-up time.
const POLL_WAIT_MS = 90_000;

/**
 * Under `n8n start`: the credential test through POST /rest/credentials/test,
 * then the trigger: rooms from before activation emit nothing, rooms created
 * later emit one item each, and a restart emits nothing again.
 */
async function startedInstance({ runtime, runFolder, tarball, check, triggerAvailable }) {
	const apiKey = newApiKey('good');
	const server = await startOctocularServer({ port: 0, apiKey });
	const instance = prepareInstance(runtime, runFolder, 'started', tarball);
	try {
		server.seedRooms(5);
		const credential = {
			id: newN8nId(),
			name: 'Octocular account',
			type: CREDENTIAL_TYPE,
			data: { apiKey, baseUrl: server.baseUrl },
		};
		await importCredentials(instance, [credential]);

		const trigger = {
			id: newN8nId(),
			name: 'Octocular Rooms Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				event: 'roomCreated',
				includeDetails: true,
			},
		};
		const workflow = withCredential(
			{
				id: newN8nId(),
				name: 'E2E new rooms',
				active: false,
				nodes: [trigger],
				connections: {},
				settings: { executionOrder: 'v1' },
			},
			credential,
		);
		if (triggerAvailable) {
			await importWorkflows(instance, [workflow]);
			await instance.cliOrThrow(runtime.activateArguments(workflow.id));
		}

		const listRequests = () =>
			server.requests.filter(
				(request) => request.method === 'GET' && /\/rooms$/.test(request.path),
			);
		await instance.start();
		try {
			await credentialTest({ instance, server, apiKey, check });
			if (!triggerAvailable) {
				log('trigger node not in the package yet: trigger checks skipped');
				return instance;
			}
			await triggerChecks({ instance, server, workflow, trigger, listRequests, check });
		} finally {
			await instance.stop();
		}

		if (triggerAvailable) {
			await restartChecks({ instance, server, workflow, trigger, listRequests, check });
		}
	} finally {
		await server.close();
	}
	return instance;
}

async function credentialTest({ instance, server, apiKey, check }) {
	const client = new N8nRestClient(instance.url);
	await client.setUpOwnerAndLogIn(TEST_OWNER);
	// The editor saves a credential with POST /rest/credentials, then tests
	// it with POST /rest/credentials/test, sending the form's data.
	const testCredential = async (key) => {
		const created = await client.request('POST', '/credentials', {
			name: `Octocular ${key.slice(4, 9)}`,
			type: CREDENTIAL_TYPE,
			data: { apiKey: key, baseUrl: server.baseUrl },
		});
		const saved = created.data;
		const response = await client.request('POST', '/credentials/test', {
			credentials: {
				id: saved.id,
				name: saved.name,
				type: CREDENTIAL_TYPE,
				data: { apiKey: key, baseUrl: server.baseUrl },
			},
		});
		return response.data;
	};
	const good = await testCredential(apiKey);
	await check('credential test passes for a valid key', () => {
		assert.equal(good?.status, 'OK', JSON.stringify(good));
	});
	const wrongKey = newApiKey('wrong');
	const wrong = await testCredential(wrongKey);
	await check('credential test fails for a wrong key', () => {
		assert.equal(wrong?.status, 'Error', JSON.stringify(wrong));
		assert.ok(
			!JSON.stringify(wrong).includes(wrongKey),
			'the wrong key appears in the test result',
		);
	});
}

async function triggerChecks({ instance, server, workflow, trigger, listRequests, check }) {
	// poll() runs once right after activation; it must record the existing
	// rooms and emit nothing.
	await waitFor('the activation poll', () => listRequests().length > 0, 60_000);
	await sleep(3000);
	await check('trigger ignores rooms from before activation', () => {
		const executions = readExecutions(instance, workflow.id);
		assert.equal(executions.length, 0, JSON.stringify(executions).slice(0, 1000));
	});

	const created = [
		server.createRoom({ candidate_email: 'first@example.com' }),
		server.createRoom({ candidate_email: 'second@example.com' }),
	];
	const createdIds = created.map((room) => room.room_id).sort();
	const items = await waitFor(
		'the trigger to emit the new rooms',
		() => {
			const found = triggerItems(readExecutions(instance, workflow.id), trigger.name);
			return found.length >= createdIds.length ? found : undefined;
		},
		POLL_WAIT_MS,
		1000,
	);
	await sleep(2000);
	await check('trigger emits each new room once', () => {
		const all = triggerItems(readExecutions(instance, workflow.id), trigger.name);
		assert.deepEqual(all.map((item) => item.room_id).sort(), createdIds);
	});
	await check('trigger items carry session_link', () => {
		for (const item of items) {
			assert.match(String(item.session_link), /^https?:\/\//, JSON.stringify(item));
		}
	});
}

async function restartChecks({ instance, server, workflow, trigger, listRequests, check }) {
	const executionsBefore = readExecutions(instance, workflow.id).length;
	const listsBefore = listRequests().length;
	await instance.start();
	try {
		await waitFor(
			'the activation poll after restart',
			() => listRequests().length > listsBefore,
			60_000,
		);
		await sleep(3000);
		await check('restart emits nothing again', () => {
			const executions = readExecutions(instance, workflow.id);
			assert.equal(
				executions.length,
				executionsBefore,
				JSON.stringify(executions.slice(executionsBefore)).slice(0, 1000),
			);
		});
		const room = server.createRoom({ candidate_email: 'after-restart@example.com' });
		await waitFor(
			'the trigger to emit the room created after restart',
			() => readExecutions(instance, workflow.id).length > executionsBefore,
			POLL_WAIT_MS,
			1000,
		);
		await sleep(2000);
		await check('after restart only the new room', () => {
			const executions = readExecutions(instance, workflow.id).slice(executionsBefore);
			const ids = triggerItems(executions, trigger.name).map((item) => item.room_id);
			assert.deepEqual(ids, [room.room_id]);
		});
	} finally {
		await instance.stop();
	}
}

module.exports = { headlessExecution, startedInstance, EXAMPLE_WORKFLOW };
