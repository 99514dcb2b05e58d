// @ts-check
// Wall time, CPU time and memory of one measured run inside a benchmark child process.
const { performance } = require('node:perf_hooks');

/** Interval between memory samples, in milliseconds. */
const SAMPLE_INTERVAL_MS = 5;

/**
 * @typedef {object} Measurement
 * @property {number} wallMs wall time of the run
 * @property {number} cpuMs user plus system CPU time of this process during the run
 * @property {number} maxRssBytes peak resident set size of the whole process so far, module
 *   loading included (`process.resourceUsage().maxRSS`)
 * @property {number} baselineRssBytes resident set size just before the run
 * @property {number} peakRssRiseBytes highest sampled resident set size during the run, minus
 *   the baseline
 * @property {number} peakHeapRiseBytes highest sampled V8 heap use plus external memory during
 *   the run, minus the baseline after a full GC. Garbage not yet collected counts.
 * @property {number} retainedHeapBytes heap use plus external memory after a full GC with the
 *   run's result still referenced, minus the baseline
 * @property {number} memorySamples number of samples taken
 */

function heapInUse() {
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.external;
}

/** Runs a full garbage collection when the process was started with --expose-gc. */
function collectGarbage() {
	if (typeof global.gc === 'function') global.gc();
}

/**
 * Runs `run` once and measures it. Memory is sampled every few milliseconds on this process's
 * event loop, so a peak that lasts shorter than one busy stretch of the loop can be missed.
 * @template T
 * @param {() => Promise<T>} run
 * @returns {Promise<{ measurement: Measurement, result: T }>}
 */
async function measure(run) {
	collectGarbage();
	const baselineRss = process.memoryUsage.rss();
	const baselineHeap = heapInUse();
	let peakRss = baselineRss;
	let peakHeap = baselineHeap;
	let samples = 0;

	const sample = () => {
		const usage = process.memoryUsage();
		peakRss = Math.max(peakRss, usage.rss);
		peakHeap = Math.max(peakHeap, usage.heapUsed + usage.external);
		samples++;
	};
	const timer = setInterval(sample, SAMPLE_INTERVAL_MS);

	const cpuStart = process.cpuUsage();
	const wallStart = performance.now();
	const result = await run();
	const wallMs = performance.now() - wallStart;
	const cpu = process.cpuUsage(cpuStart);

	clearInterval(timer);
	sample();
	collectGarbage();
	const retainedHeap = heapInUse();

	return {
		result,
		measurement: {
			wallMs,
			cpuMs: (cpu.user + cpu.system) / 1000,
			maxRssBytes: process.resourceUsage().maxRSS * 1024,
			baselineRssBytes: baselineRss,
			peakRssRiseBytes: peakRss - baselineRss,
			peakHeapRiseBytes: peakHeap - baselineHeap,
			retainedHeapBytes: retainedHeap - baselineHeap,
			memorySamples: samples,
		},
	};
}

module.exports = { measure, collectGarbage };
