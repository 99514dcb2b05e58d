// @ts-check
// Part (b) in a child process: read every room with Get Many (Return All) or with bare paged
// requests of the same page size, measured.
const { createBareClient } = require('../lib/bareClient');
const { measure } = require('../lib/measure');

/**
 * @typedef {object} Contender
 * @property {() => Promise<{ rooms: Array<Record<string, any>>, bytesRead: number | undefined }>} readAll
 * @property {() => Promise<unknown>} warmUp reads one page
 */

/**
 * Returns the contender named by the task.
 * @param {any} task
 * @returns {Contender}
 */
function createContender(task) {
	const server = { baseUrl: task.baseUrl, apiKey: task.apiKey };

	// n8n is loaded only by the contender that uses it, so the bare client's memory is its own.
	if (task.contender === 'octocular') {
		const { createRoomsRunner } = require('../lib/workflows');
		// Without task.concurrency the node keeps its default Concurrency.
		const options = task.concurrency === undefined ? {} : { concurrency: task.concurrency };
		const readAll = createRoomsRunner(server, { operation: 'getAll', returnAll: true, options });
		const readSome = createRoomsRunner(server, { operation: 'getAll', limit: task.pageSize });
		return {
			readAll: async () => ({
				rooms: (await readAll([{}])).map((item) => item.json),
				bytesRead: undefined,
			}),
			warmUp: async () => await readSome([{}]),
		};
	}

	if (task.contender === 'bare') {
		const client = createBareClient({ ...server, maxSockets: 1 });

		/**
		 * Reads one page and returns its rooms, the total and the body size.
		 * @param {number} offset
		 */
		const readPage = async (offset) => {
			const response = await client.request(
				'GET',
				`/rooms?limit=${task.pageSize}&offset=${offset}`,
			);
			if (response.statusCode !== 200) {
				throw new Error(`GET /rooms returned ${response.statusCode}: ${response.text}`);
			}
			const body = JSON.parse(response.text);
			return { rooms: body.data, total: body.pagination.total, bytes: response.bytes };
		};

		// Same loop as the node: the next offset advances by the rooms received, until the total.
		const readAll = async () => {
			/** @type {Array<Record<string, any>>} */
			const rooms = [];
			let bytesRead = 0;
			let offset = 0;
			for (;;) {
				const page = await readPage(offset);
				bytesRead += page.bytes;
				for (const room of page.rooms) rooms.push(room);
				offset += page.rooms.length;
				if (page.rooms.length === 0 || offset >= page.total) break;
			}
			return { rooms, bytesRead };
		};
		return { readAll, warmUp: async () => await readPage(0) };
	}

	throw new Error(`Unknown contender "${task.contender}"`);
}

/**
 * @param {any} task
 * @param {() => Promise<void>} markStart
 */
async function runTask(task, markStart) {
	const contender = createContender(task);
	await contender.warmUp();

	await markStart();
	const { measurement, result } = await measure(contender.readAll);

	const ids = new Set(result.rooms.map((room) => room.room_id));
	if (result.rooms.length !== task.expectedRooms || ids.size !== task.expectedRooms) {
		throw new Error(
			`Expected ${task.expectedRooms} distinct rooms, got ${result.rooms.length} (${ids.size} distinct)`,
		);
	}

	return {
		...measurement,
		rooms: result.rooms.length,
		roomsJsonBytes: Buffer.byteLength(JSON.stringify(result.rooms)),
		bytesRead: result.bytesRead,
	};
}

module.exports = { runTask };
