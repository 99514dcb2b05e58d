// @ts-check
// Part (a) in a child process: create `count` rooms with one contender, measured.
const { createBareClient, runPool } = require('../lib/bareClient');
const { measure } = require('../lib/measure');
const { roomInputs } = require('../lib/roomInputs');

/** Number of rooms created before the measured run, to load lazy modules and warm the JIT. */
const WARMUP_ROOMS = 20;

/**
 * Returns a function that creates rooms for the given inputs and returns the created rooms in
 * input order.
 * @param {any} task
 * @returns {(inputs: ReturnType<typeof roomInputs>) => Promise<Array<Record<string, any>>>}
 */
function createContender(task) {
	const server = { baseUrl: task.baseUrl, apiKey: task.apiKey };

	// n8n is loaded only by the contenders that use it, so the bare client's memory is its own.
	if (task.contender === 'octocular') {
		const { createRoomParameters, createRoomsRunner } = require('../lib/workflows');
		const run = createRoomsRunner(server, createRoomParameters(task.concurrency));
		return async (inputs) => (await run(inputs)).map((item) => /** @type {any} */ (item.json));
	}

	if (task.contender === 'http-request') {
		const { loadHttpRequestNode } = require('../lib/nodesBase');
		const { createHttpRequestRunner } = require('../lib/workflows');
		const loaded = loadHttpRequestNode(task.nodesBaseDir);
		const run = createHttpRequestRunner(loaded, server, task.batch);
		// The node outputs the whole response body, { success, data }.
		return async (inputs) => (await run(inputs)).map((item) => /** @type {any} */ (item.json.data));
	}

	if (task.contender === 'bare') {
		const client = createBareClient({ ...server, maxSockets: task.concurrency });
		return async (inputs) =>
			await runPool(inputs.length, task.concurrency, async (index) => {
				const input = inputs[index];
				const response = await client.request('POST', '/rooms', {
					user: { id: input.user_id, organization_id: input.organization_id },
					candidate_email: input.candidate_email,
				});
				if (response.statusCode !== 201 && response.statusCode !== 200) {
					throw new Error(`POST /rooms returned ${response.statusCode}: ${response.text}`);
				}
				return JSON.parse(response.text).data;
			});
	}

	throw new Error(`Unknown contender "${task.contender}"`);
}

/**
 * Throws unless every input got its room, in input order.
 * @param {ReturnType<typeof roomInputs>} inputs
 * @param {Array<Record<string, any>>} rooms
 */
function checkRooms(inputs, rooms) {
	if (rooms.length !== inputs.length) {
		throw new Error(`Expected ${inputs.length} rooms, got ${rooms.length}`);
	}
	for (let index = 0; index < inputs.length; index++) {
		const room = rooms[index];
		if (typeof room?.room_id !== 'string' || typeof room.session_link !== 'string') {
			throw new Error(`Output ${index} is not a room: ${JSON.stringify(room)}`);
		}
		if (room.candidate_email !== inputs[index].candidate_email) {
			throw new Error(`Output ${index} is out of order: ${room.candidate_email}`);
		}
	}
}

/**
 * @param {any} task
 * @param {() => Promise<void>} markStart
 */
async function runTask(task, markStart) {
	const createRooms = createContender(task);

	const warmupInputs = roomInputs(WARMUP_ROOMS, `warmup-${process.pid}`);
	checkRooms(warmupInputs, await createRooms(warmupInputs));

	const inputs = roomInputs(task.count, `run-${process.pid}`);
	await markStart();
	const { measurement, result } = await measure(() => createRooms(inputs));
	checkRooms(inputs, result);

	return { ...measurement, rooms: result.length };
}

module.exports = { runTask };
