// @ts-check
'use strict';

/**
 * A seeded pseudo-random source (mulberry32), so that ids, list shuffles and fault picks replay
 * from one run to the next. Not suitable for anything security related.
 */
class SeededRandom {
	/** @param {number} seed any integer; the same seed gives the same sequence */
	constructor(seed) {
		this.state = seed >>> 0;
	}

	/** Returns a float in [0, 1). */
	next() {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/**
	 * Returns a lowercase hexadecimal string of the given length.
	 * @param {number} length
	 */
	hex(length) {
		let text = '';
		while (text.length < length) {
			text += Math.floor(this.next() * 0x10000)
				.toString(16)
				.padStart(4, '0');
		}
		return text.slice(0, length);
	}
}

/**
 * Derives an independent stream for one purpose from the server seed, so that, for example,
 * turning on random faults does not change the room ids of a run.
 * @param {number} seed
 * @param {string} purpose
 */
function createRandomStream(seed, purpose) {
	let hash = 2166136261;
	for (const char of purpose) {
		hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
	}
	return new SeededRandom((seed ^ hash) >>> 0);
}

module.exports = { SeededRandom, createRandomStream };
