// @ts-check
// Prints the results of a bench run as plain-text tables.
const { formatBytes, formatCount, formatMs, formatRatio, formatSummary } = require('./lib/stats');

/**
 * Prints rows as columns padded to the widest cell. The first row is the header.
 * @param {string[][]} rows
 */
function printTable(rows) {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	for (const [index, row] of rows.entries()) {
		console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`);
		if (index === 0) console.log(`  ${widths.map((width) => '-'.repeat(width)).join('  ')}`);
	}
}

/**
 * Formats a summary field, or '–' when the runs did not have it.
 * @param {Record<string, import('./lib/stats').Summary>} summary
 * @param {string} field
 * @param {(value: number) => string} format
 */
function cell(summary, field, format) {
	return summary[field] ? formatSummary(summary[field], format) : '–';
}

/**
 * Formats a comparison as "ratio of medians (per-round min–max)".
 * @param {{ ratioOfMedians: number, perRound?: import('./lib/stats').Summary }} comparison
 */
function formatComparison(comparison) {
	const range = comparison.perRound
		? ` (per round ${formatRatio(comparison.perRound.min)}–${formatRatio(comparison.perRound.max)})`
		: '';
	return `${formatRatio(comparison.ratioOfMedians)}${range}`;
}

/** @param {any} result */
function printCreateRooms(result) {
	console.log(
		`\n(a) Create ${result.settings.rooms} rooms, ${result.settings.latencyMs} ms server latency. Median (min–max) of runs.`,
	);
	const rows = [['Contender', 'Runs', 'Wall', 'CPU', 'Peak RSS rise', 'Max RSS', 'First request']];
	for (const contender of result.contenders) {
		const summary = contender.summary;
		rows.push([
			contender.label,
			String(contender.runs.length),
			cell(summary, 'wallMs', formatMs),
			cell(summary, 'cpuMs', formatMs),
			cell(summary, 'peakRssRiseBytes', formatBytes),
			cell(summary, 'maxRssBytes', formatBytes),
			cell(summary, 'firstRequestDelayMs', formatMs),
		]);
	}
	printTable(rows);

	const comparisons = result.comparisons;
	const lines = [
		['Ours (default) / HTTP Request (default)', comparisons.oursOverHttpRequest],
		['Ours (10) / HTTP Request (default)', comparisons.oursAt10OverHttpRequest],
		['Ours (100) / HTTP Request (default)', comparisons.oursAt100OverHttpRequest],
		['One at a time / ours (default), speed-up', comparisons.serialOverOurs],
		['One at a time / ours (10), speed-up', comparisons.serialOverOursAt10],
		['One at a time / ours (100), speed-up', comparisons.serialOverOursAt100],
		['Ours (default) / bare 10 at a time', comparisons.oursOverBare10],
	];
	for (const [name, comparison] of lines) {
		console.log(`  ${`${name}:`.padEnd(43)}${formatComparison(comparison)}`);
	}
}

/** @param {any} result */
function printGetMany(result) {
	console.log(
		`\n(b) Get Many, Return All, ${result.settings.rooms} rooms, pages of ${result.settings.pageSize}. Median (min–max).`,
	);
	for (const entry of result.byLatency) {
		const rows = [
			[
				'Contender',
				'Runs',
				'Requests',
				'Wall',
				'CPU',
				'Peak heap rise',
				'Retained heap',
				'Max RSS',
			],
		];
		for (const contender of entry.contenders) {
			const summary = contender.summary;
			rows.push([
				contender.label,
				String(contender.runs.length),
				cell(summary, 'requests', formatCount),
				cell(summary, 'wallMs', formatMs),
				cell(summary, 'cpuMs', formatMs),
				cell(summary, 'peakHeapRiseBytes', formatBytes),
				cell(summary, 'retainedHeapBytes', formatBytes),
				cell(summary, 'maxRssBytes', formatBytes),
			]);
		}
		printTable(rows);
		const jsonBytes = entry.contenders[0].summary.roomsJsonBytes.median;
		console.log(`  JSON size of the rooms: ${formatBytes(jsonBytes)}`);
		console.log(`  Ours / bare: ${formatComparison(entry.oursOverBare)}`);
		console.log(`  Ours, Concurrency 1 / bare: ${formatComparison(entry.oursSerialOverBare)}`);
		console.log(
			`  Ours, peak heap rise / JSON size: ${formatRatio(entry.peakHeapRiseOverJson)}; retained / JSON: ${formatRatio(entry.retainedHeapOverJson)} (bare: ${formatRatio(entry.bareRetainedHeapOverJson)})\n`,
		);
	}
}

/** @param {any} result */
function printTriggerPoll(result) {
	console.log('\n(c) Trigger poll');
	if (!result.present) {
		console.log('  bench/trigger-poll.js is missing: not run.');
		return;
	}
	console.log(
		`  bench/trigger-poll.js exited with ${result.exitCode} after ${formatMs(result.elapsedMs)}; its output is above and in the results JSON.`,
	);
}

/** @param {any} result */
function printCapacity(result) {
	console.log(
		`\n(d) Local server capacity, bare keep-alive client; each run stops after ${result.settings.maxRequests} requests or ${formatMs(result.settings.maxMs)}.`,
	);
	const rows = [['Load', 'Runs', 'Requests/s']];
	for (const level of result.levels) {
		rows.push([
			level.label,
			String(level.runs.length),
			formatSummary(level.summary.requestsPerSecond, (value) => value.toFixed(0)),
		]);
	}
	printTable(rows);
}

/** @param {Record<string, any>} parts */
function printTargets(parts) {
	console.log('\nTargets');
	for (const [part, result] of Object.entries(parts)) {
		for (const target of result?.targets ?? []) {
			const value = typeof target.value === 'number' ? formatRatio(target.value) : '';
			console.log(`  (${part}) ${target.met ? 'met    ' : 'NOT met'} ${target.name}: ${value}`);
		}
	}
}

/**
 * Prints every part that ran, then the targets.
 * @param {{ parts: Record<string, any> }} results
 */
function printReport(results) {
	const parts = results.parts;
	if (parts.a) printCreateRooms(parts.a);
	if (parts.b) printGetMany(parts.b);
	if (parts.c) printTriggerPoll(parts.c);
	if (parts.d) printCapacity(parts.d);
	printTargets(parts);
}

module.exports = { printReport };
