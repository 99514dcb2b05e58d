// @ts-check
// Summary statistics and number formatting for the benchmark report.

/**
 * @typedef {object} Summary
 * @property {number} n number of runs
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} q1 first quartile, linear interpolation between runs
 * @property {number} q3 third quartile
 */

/**
 * Returns the quantile `q` (0 to 1) of sorted values, interpolating linearly between neighbors.
 * @param {number[]} sorted ascending
 * @param {number} q
 */
function quantile(sorted, q) {
	const position = (sorted.length - 1) * q;
	const lower = Math.floor(position);
	const upper = Math.ceil(position);
	return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/**
 * Summarizes the values of repeated runs.
 * @param {number[]} values
 * @returns {Summary}
 */
function summarize(values) {
	if (values.length === 0) throw new Error('summarize needs at least one value');
	const sorted = values.slice().sort((a, b) => a - b);
	return {
		n: sorted.length,
		median: quantile(sorted, 0.5),
		min: sorted[0],
		max: sorted[sorted.length - 1],
		q1: quantile(sorted, 0.25),
		q3: quantile(sorted, 0.75),
	};
}

/**
 * Formats a summary as "median (min–max)" with the given unit formatter.
 * @param {Summary} summary
 * @param {(value: number) => string} format
 */
function formatSummary(summary, format) {
	if (summary.n === 1) return format(summary.median);
	return `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;
}

/** @param {number} ms */
function formatMs(ms) {
	if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
	if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
	return `${ms.toFixed(0)} ms`;
}

/** @param {number} bytes */
function formatBytes(bytes) {
	const sign = bytes < 0 ? '-' : '';
	const size = Math.abs(bytes);
	if (size >= 1024 * 1024) return `${sign}${(size / 1024 / 1024).toFixed(1)} MiB`;
	if (size >= 1024) return `${sign}${(size / 1024).toFixed(1)} KiB`;
	return `${sign}${size} B`;
}

/** @param {number} ratio */
function formatRatio(ratio) {
	return `${ratio.toFixed(2)}×`;
}

/** @param {number} value */
function formatCount(value) {
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

module.exports = {
	summarize,
	formatSummary,
	formatMs,
	formatBytes,
	formatRatio,
	formatCount,
	quantile,
};
