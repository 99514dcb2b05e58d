#!/usr/bin/env node
// @ts-check
'use strict';

const { parseArgs } = require('node:util');
const { startOctocularServer } = require('./index');

const USAGE = `Usage: node test/server/cli.js [options]

Starts a local Octocular Lab API server on 127.0.0.1 for n8n and for manual tests.

Options:
  --port N                  TCP port (default 5680; 0 picks a free port)
  --order ORDER             list order of GET /rooms: newest, oldest, shuffled or id (default newest)
  --max-page-size N         largest page that GET /rooms returns (default 100)
  --delete-response MODE    body (documented JSON) or empty (204 without body) (default body)
  --latency-ms N            delay added to every response, in milliseconds (default 0)
  --seed N                  seed of room ids, shuffled order and faults (default 1)
  --rooms N                 rooms to create at start (default 0)
  --help                    print this help`;

/**
 * Parses a non-negative integer option, or exits with a message naming the option.
 * @param {string} name
 * @param {string | undefined} text
 * @param {number} fallback
 */
function readInteger(name, text, fallback) {
	if (text === undefined) {
		return fallback;
	}
	if (!/^\d+$/.test(text)) {
		console.error(
			`--${name} must be a non-negative integer, got ${JSON.stringify(text)}\n\n${USAGE}`,
		);
		process.exit(2);
	}
	return Number(text);
}

async function main() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				port: { type: 'string' },
				order: { type: 'string' },
				'max-page-size': { type: 'string' },
				'delete-response': { type: 'string' },
				'latency-ms': { type: 'string' },
				seed: { type: 'string' },
				rooms: { type: 'string' },
				help: { type: 'boolean' },
			},
		}));
	} catch (error) {
		console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
		process.exit(2);
	}
	if (values.help) {
		console.log(USAGE);
		return;
	}

	const port = readInteger('port', values.port, 5680);
	const roomCount = readInteger('rooms', values.rooms, 0);
	let server;
	try {
		server = await startOctocularServer({
			port,
			// startOctocularServer validates both choices and names the option on error.
			order: /** @type {import('./index').RoomOrder} */ (values.order ?? 'newest'),
			maxPageSize: readInteger('max-page-size', values['max-page-size'], 100),
			deleteResponse: /** @type {import('./index').DeleteResponse} */ (
				values['delete-response'] ?? 'body'
			),
			latencyMs: readInteger('latency-ms', values['latency-ms'], 0),
			seed: readInteger('seed', values.seed, 1),
		});
	} catch (error) {
		const code = /** @type {NodeJS.ErrnoException} */ (error).code;
		if (code === 'EADDRINUSE') {
			console.error(
				`Port ${port} is already in use; pass --port 0 for a free port, or another number.`,
			);
		} else {
			console.error(
				`Could not start the Octocular sandbox: ${error instanceof Error ? error.message : error}`,
			);
		}
		process.exit(1);
	}
	server.seedRooms(roomCount);

	console.log('Octocular sandbox API is running.');
	console.log(`  Base URL: ${server.baseUrl}`);
	console.log(`  API key:  ${server.apiKey}`);
	console.log(`  Rooms:    ${server.roomCount()}`);
	console.log('Enter both in the Octocular API credential in n8n. Press Ctrl-C to stop.');

	const stop = async () => {
		console.log('Stopping the Octocular sandbox.');
		await server.close();
		process.exit(0);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main();
