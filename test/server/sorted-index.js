// @ts-check
'use strict';

/**
 * @template T
 * @typedef {(a: T, b: T) => number} Comparator
 */

/**
 * An array kept sorted by a total order, with binary-search insert and remove, so that one
 * created or deleted room costs one `splice` instead of a sort of the whole list.
 * @template T
 */
class SortedIndex {
	/** @param {Comparator<T>} compare must never return 0 for two different items */
	constructor(compare) {
		this.compare = compare;
		/** @type {T[]} */
		this.items = [];
	}

	/**
	 * Replaces the contents with the given items, sorted once.
	 * @param {T[]} items
	 */
	rebuild(items) {
		this.items = items.slice().sort(this.compare);
	}

	/**
	 * Returns the position where `item` is or would be inserted.
	 * @param {T} item
	 */
	position(item) {
		let low = 0;
		let high = this.items.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.compare(this.items[middle], item) < 0) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return low;
	}

	/** @param {T} item */
	insert(item) {
		const last = this.items[this.items.length - 1];
		if (last === undefined || this.compare(last, item) < 0) {
			this.items.push(item);
			return;
		}
		this.items.splice(this.position(item), 0, item);
	}

	/**
	 * Removes the item; returns false when it was not in the index.
	 * @param {T} item
	 */
	remove(item) {
		const index = this.position(item);
		if (this.items[index] !== item) {
			return false;
		}
		this.items.splice(index, 1);
		return true;
	}
}

module.exports = { SortedIndex };
