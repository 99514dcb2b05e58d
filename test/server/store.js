// @ts-check
'use strict';

const { createRandomStream } = require('./random');
const { SortedIndex } = require('./sorted-index');
const { MonotonicClock, formatTimestamp, parseIsoDateTime } = require('./time');

/** List orders of GET /rooms that the server can play. */
const ROOM_ORDERS = ['newest', 'oldest', 'shuffled', 'id'];

/**
 * Field that the real API does not document. Every full room carries it so that tests can check
 * that unknown fields pass through untouched.
 */
const UNDOCUMENTED_FIELD = { interview_language: 'en' };

/**
 * @typedef {Record<string, unknown> & { room_id: string, candidate_email: string, status: string,
 *   settings: Record<string, unknown> }} Room
 * @typedef {{ room: Room, sequence: number, shuffleKey: number }} RoomRecord
 */

/** @param {Room} room */
function copyRoom(room) {
	const settings =
		room.settings && typeof room.settings === 'object' ? { ...room.settings } : room.settings;
	return { ...room, settings };
}

/** @param {RoomRecord} a @param {RoomRecord} b */
const bySequence = (a, b) => a.sequence - b.sequence;

/** @param {RoomRecord} a @param {RoomRecord} b */
const byShuffleKey = (a, b) => a.shuffleKey - b.shuffleKey || a.sequence - b.sequence;

/** @param {RoomRecord} a @param {RoomRecord} b */
function byRoomId(a, b) {
	if (a.room.room_id === b.room.room_id) {
		return 0;
	}
	return a.room.room_id < b.room.room_id ? -1 : 1;
}

/**
 * In-memory rooms, indexed by id and by each list order. The creation-order index is always
 * kept; the shuffled and id indexes are built on first use and then updated per change.
 */
class RoomStore {
	/** @param {number} seed */
	constructor(seed) {
		this.idRandom = createRandomStream(seed, 'room ids');
		this.shuffleRandom = createRandomStream(seed, 'shuffle keys');
		this.clock = new MonotonicClock();
		this.nextSequence = 1;
		/** @type {Map<string, RoomRecord>} */
		this.byId = new Map();
		this.creationIndex = new SortedIndex(bySequence);
		/** @type {Record<'shuffled' | 'id', SortedIndex<RoomRecord> | null>} */
		this.lazyIndexes = { shuffled: null, id: null };
	}

	newRoomId() {
		let roomId = `r_${this.idRandom.hex(12)}`;
		while (this.byId.has(roomId)) {
			roomId = `r_${this.idRandom.hex(12)}`;
		}
		return roomId;
	}

	/**
	 * Builds a full room from a create request body plus optional overrides of any room field
	 * (`room_id`, `status`, `created_at`, ...). `user` is accepted and dropped, because the
	 * service does not return it. Throws when `room_id` is already taken.
	 * @param {Record<string, unknown>} input
	 * @returns {RoomRecord}
	 */
	buildRecord(input) {
		const { user, candidate_email, settings, scheduled_time, ...overrides } = input;
		const sequence = this.nextSequence;
		const roomId = overrides.room_id === undefined ? this.newRoomId() : String(overrides.room_id);
		if (this.byId.has(roomId)) {
			throw new Error(`Room id ${JSON.stringify(roomId)} already exists; pick another room_id.`);
		}

		let scheduledTime = scheduled_time ?? null;
		if (typeof scheduledTime === 'string') {
			const micros = parseIsoDateTime(scheduledTime);
			scheduledTime = micros === undefined ? scheduledTime : formatTimestamp(micros);
		}
		const settingsInput = settings && typeof settings === 'object' ? settings : {};

		/** @type {Room} */
		const room = {
			room_id: roomId,
			session_link: `https://octocular.io/session/${encodeURIComponent(roomId)}`,
			candidate_email:
				candidate_email === undefined
					? `candidate-${sequence}@example.com`
					: String(candidate_email),
			scheduled_time: scheduledTime,
			expires_at: null,
			created_at: formatTimestamp(this.clock.nowMicros()),
			status: 'active',
			settings: { enable_chat_assistant: false, ...settingsInput },
			...UNDOCUMENTED_FIELD,
			...overrides,
		};
		room.room_id = roomId;
		this.nextSequence += 1;
		return { room, sequence, shuffleKey: this.shuffleRandom.next() };
	}

	/**
	 * Creates one room and returns a copy of it.
	 * @param {Record<string, unknown>} input
	 */
	create(input) {
		const record = this.buildRecord(input);
		this.byId.set(record.room.room_id, record);
		this.creationIndex.insert(record);
		for (const index of Object.values(this.lazyIndexes)) {
			index?.insert(record);
		}
		return copyRoom(record.room);
	}

	/**
	 * Creates `count` rooms at once. The shuffled and id indexes are dropped and rebuilt on next
	 * use, which is cheaper than inserting each room.
	 * @param {number} count
	 * @param {Record<string, unknown> | ((index: number) => Record<string, unknown>)} [overrides]
	 */
	seed(count, overrides = {}) {
		const created = [];
		// Dropped first, so that a duplicate room_id thrown midway leaves no stale index.
		this.lazyIndexes = { shuffled: null, id: null };
		for (let i = 0; i < count; i += 1) {
			const input = typeof overrides === 'function' ? overrides(i) : overrides;
			const record = this.buildRecord(input ?? {});
			this.byId.set(record.room.room_id, record);
			this.creationIndex.items.push(record);
			created.push(copyRoom(record.room));
		}
		return created;
	}

	/** @param {string} roomId */
	delete(roomId) {
		const record = this.byId.get(roomId);
		if (!record) {
			return false;
		}
		this.byId.delete(roomId);
		this.creationIndex.remove(record);
		for (const index of Object.values(this.lazyIndexes)) {
			index?.remove(record);
		}
		return true;
	}

	/** @param {string} roomId */
	get(roomId) {
		const record = this.byId.get(roomId);
		return record ? copyRoom(record.room) : undefined;
	}

	count() {
		return this.byId.size;
	}

	/**
	 * Returns the records in creation order, or in the sort order of a lazily built index.
	 * @param {'oldest' | 'shuffled' | 'id'} order
	 */
	sortedRecords(order) {
		if (order === 'oldest') {
			return this.creationIndex.items;
		}
		let index = this.lazyIndexes[order];
		if (!index) {
			index = new SortedIndex(order === 'shuffled' ? byShuffleKey : byRoomId);
			index.rebuild(this.creationIndex.items);
			this.lazyIndexes[order] = index;
		}
		return index.items;
	}

	/**
	 * Returns one page of rooms (the stored objects, not copies) and the total.
	 * @param {string} order one of ROOM_ORDERS
	 * @param {number} offset
	 * @param {number} limit
	 */
	page(order, offset, limit) {
		const total = this.byId.size;
		if (order === 'newest') {
			const records = this.creationIndex.items;
			const rooms = [];
			for (let i = total - 1 - offset; i >= 0 && rooms.length < limit; i -= 1) {
				rooms.push(records[i].room);
			}
			return { rooms, total };
		}
		const sortOrder = /** @type {'oldest' | 'shuffled' | 'id'} */ (order);
		const records = this.sortedRecords(sortOrder).slice(offset, offset + limit);
		return { rooms: records.map((record) => record.room), total };
	}

	/** @param {string} order one of ROOM_ORDERS */
	listIds(order) {
		return this.page(order, 0, this.byId.size).rooms.map((room) => room.room_id);
	}
}

module.exports = { RoomStore, ROOM_ORDERS, UNDOCUMENTED_FIELD };
