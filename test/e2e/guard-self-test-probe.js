'use strict';
// Probe run by the loopback guard self-test, with the guard preloaded and
// inside a network namespace that has only a loopback interface, so that no
// attempt here can leave the machine even if the guard missed it. Prints one
// JSON object: the outcome of each attempt.

const { spawn } = require('node:child_process');
const dns = require('node:dns');
const http = require('node:http');
const net = require('node:net');

// 192.0.2.0/24 is TEST-NET-1 (RFC 5737) and .invalid is reserved (RFC 2606).
const outsideAddress = '192.0.2.1';
const outsideName = 'octocular.invalid';

function attempt(run) {
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve('timed out'), 3000);
		run((error) => {
			clearTimeout(timer);
			resolve(error ? `error: ${error.message}` : 'ok');
		});
	});
}

async function main() {
	const server = net.createServer((socket) => socket.end());
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	const outcomes = {};

	outcomes.loopbackConnect = await attempt((done) => {
		const socket = net.connect(port, '127.0.0.1', () => {
			socket.destroy();
			done();
		});
		socket.on('error', done);
	});
	outcomes.outsideConnect = await attempt((done) => {
		net
			.connect(80, outsideAddress)
			.on('error', done)
			.on('connect', () => done());
	});
	outcomes.outsideHttp = await attempt((done) => {
		http
			.get(`http://${outsideName}/`)
			.on('error', done)
			.on('response', () => done());
	});
	outcomes.outsideFetch = await attempt((done) => {
		fetch(`http://${outsideAddress}/`).then(() => done(), done);
	});
	outcomes.outsideLookup = await attempt((done) => dns.lookup(outsideName, (error) => done(error)));
	outcomes.outsideResolve = await attempt((done) =>
		dns.resolve4(outsideName, (error) => done(error)),
	);

	// A child started with an environment without NODE_OPTIONS, as n8n starts
	// its task runner, must still run under the guard.
	outcomes.childConnect = await attempt((done) => {
		const child = spawn(
			process.execPath,
			[
				'-e',
				`require('node:net').connect(80, '${outsideAddress}').on('error', (error) => console.log(error.message))`,
			],
			{ env: { PATH: process.env.PATH } },
		);
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.on('close', () =>
			done(output.includes('loopback-guard') ? new Error(output.trim()) : undefined),
		);
	});

	server.close();
	process.stdout.write(JSON.stringify(outcomes) + '\n');
}

main();
