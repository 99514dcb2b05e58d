'use strict';
// Preload (`node --require`) that keeps a process on loopback. It wraps the
// Node.js entry points that open connections or resolve names: TCP/TLS/HTTP
// sockets (net.Socket#connect, which http, https, tls and fetch all use), UDP
// sockets (dgram), and DNS lookups and queries. A call aimed anywhere but
// 127.0.0.0/8, ::1 or "localhost" is blocked before any packet leaves, logged
// to stderr and appended as one JSON line to the file named by
// LOOPBACK_GUARD_LOG, which the end-to-end run reads to fail. It also adds
// itself to the environment of every child process.
//
// NOTE: the guard covers JavaScript code only. Native code that opens its own
// sockets, programs other than Node.js, and children started with the
// synchronous spawnSync, execSync or execFileSync (which bypass
// ChildProcess#spawn) are not covered.

const childProcess = require('node:child_process');
const dgram = require('node:dgram');
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const logFile = process.env.LOOPBACK_GUARD_LOG;

function isLoopbackHost(host) {
	if (host === undefined || host === null || host === '') {
		// Node.js connects to localhost when no host is given.
		return true;
	}
	const name = String(host)
		.toLowerCase()
		.replace(/^\[|\]$/g, '');
	if (name === 'localhost' || name.endsWith('.localhost')) {
		return true;
	}
	if (name === '::1' || name === '0:0:0:0:0:0:0:1') {
		return true;
	}
	const ipv4 = name.startsWith('::ffff:') ? name.slice('::ffff:'.length) : name;
	return net.isIPv4(ipv4) && ipv4.startsWith('127.');
}

function recordViolation(kind, target) {
	const entry = {
		time: new Date().toISOString(),
		pid: process.pid,
		kind,
		target: String(target),
		stack: new Error().stack.split('\n').slice(2, 8).join('\n'),
	};
	process.stderr.write(
		`[loopback-guard] blocked ${kind} to ${entry.target} (pid ${process.pid})\n`,
	);
	if (logFile) {
		try {
			fs.appendFileSync(logFile, JSON.stringify(entry) + '\n');
		} catch (error) {
			process.stderr.write(`[loopback-guard] failed to write ${logFile}: ${error.message}\n`);
		}
	}
}

function blockedError(kind, target) {
	const error = new Error(`loopback-guard: ${kind} to ${target} blocked, only loopback is allowed`);
	error.code = 'ECONNREFUSED';
	return error;
}

// net.Socket#connect(options[, listener]), (path[, listener]) or
// (port[, host][, listener]); http, https, tls, undici and ws all reach it.
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
	let options = args[0];
	if (Array.isArray(options)) {
		// Internal form used by net.connect: [options, callback].
		options = options[0];
	}
	let target;
	let allowed;
	if (options !== null && typeof options === 'object') {
		// Node.js treats any truthy path as a Unix socket or named pipe, and
		// http passes path: null for TCP.
		if (options.path) {
			target = `unix:${options.path}`;
			allowed = false;
		} else {
			target = `${options.host ?? 'localhost'}:${options.port}`;
			allowed = isLoopbackHost(options.host);
		}
	} else if (typeof options === 'string' && !/^\d+$/.test(options)) {
		target = `unix:${options}`;
		allowed = false;
	} else {
		const host = typeof args[1] === 'string' ? args[1] : undefined;
		target = `${host ?? 'localhost'}:${options}`;
		allowed = isLoopbackHost(host);
	}
	if (!allowed) {
		recordViolation('tcp connect', target);
		process.nextTick(() => this.destroy(blockedError('connect', target)));
		return this;
	}
	return originalConnect.apply(this, args);
};

// dns.lookup is where a host name becomes an address before a TCP connect.
// Non-loopback names are rejected without asking a resolver.
function guardLookup(original) {
	return function guardedLookup(hostname, options, callback) {
		if (isLoopbackHost(hostname)) {
			return original.call(this, hostname, options, callback);
		}
		recordViolation('dns lookup', hostname);
		const done = typeof options === 'function' ? options : callback;
		const error = blockedError('dns lookup', hostname);
		error.code = 'ENOTFOUND';
		process.nextTick(() => done(error));
		return undefined;
	};
}
dns.lookup = guardLookup(dns.lookup);

const originalPromisesLookup = dns.promises.lookup;
dns.promises.lookup = async function guardedPromisesLookup(hostname, options) {
	if (isLoopbackHost(hostname)) {
		return originalPromisesLookup.call(this, hostname, options);
	}
	recordViolation('dns lookup', hostname);
	const error = blockedError('dns lookup', hostname);
	error.code = 'ENOTFOUND';
	throw error;
};

// Direct DNS queries (dns.resolve*, Resolver) always go to the configured
// name servers, so every one of them is a violation.
const resolveMethods = [
	'resolve',
	'resolve4',
	'resolve6',
	'resolveAny',
	'resolveCaa',
	'resolveCname',
	'resolveMx',
	'resolveNaptr',
	'resolveNs',
	'resolvePtr',
	'resolveSoa',
	'resolveSrv',
	'resolveTxt',
	'reverse',
];
function blockResolve(target, method, isPromise) {
	if (typeof target[method] !== 'function') {
		return;
	}
	target[method] = function guardedResolve(hostname, ...rest) {
		recordViolation(`dns ${method}`, hostname);
		const error = blockedError(`dns ${method}`, hostname);
		if (isPromise) {
			return Promise.reject(error);
		}
		const callback = rest[rest.length - 1];
		if (typeof callback === 'function') {
			process.nextTick(() => callback(error));
		}
		return undefined;
	};
}
for (const method of resolveMethods) {
	blockResolve(dns, method, false);
	blockResolve(dns.Resolver.prototype, method, false);
	blockResolve(dns.promises, method, true);
	blockResolve(dns.promises.Resolver.prototype, method, true);
}

// UDP: send(msg, [offset, length,] port, [address,] [callback]) and connect.
const originalSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(...args) {
	const address = args.find((arg, index) => index > 0 && typeof arg === 'string');
	if (address !== undefined && !isLoopbackHost(address)) {
		recordViolation('udp send', address);
		const callback = args[args.length - 1];
		if (typeof callback === 'function') {
			process.nextTick(() => callback(blockedError('udp send', address)));
		}
		return undefined;
	}
	return originalSend.apply(this, args);
};
const originalUdpConnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function guardedUdpConnect(port, address, callback) {
	const host = typeof address === 'string' ? address : undefined;
	if (!isLoopbackHost(host)) {
		recordViolation('udp connect', `${host}:${port}`);
		const done = typeof address === 'function' ? address : callback;
		if (typeof done === 'function') {
			process.nextTick(() => done(blockedError('udp connect', host)));
		}
		return undefined;
	}
	return originalUdpConnect.call(this, port, address, callback);
};

// Child processes: n8n 2.x starts its task runner with a short allowlist of
// environment variables that drops NODE_OPTIONS, so the guard adds itself back
// to every child's environment. ChildProcess#spawn is the one place that
// the asynchronous spawn, execFile, exec and fork all pass through.
const guardOption = `--require ${JSON.stringify(__filename)}`;
const originalChildSpawn = childProcess.ChildProcess.prototype.spawn;
childProcess.ChildProcess.prototype.spawn = function guardedSpawn(options) {
	if (options && Array.isArray(options.envPairs)) {
		const pairs = options.envPairs.filter(
			(pair) => !pair.startsWith('NODE_OPTIONS=') && !pair.startsWith('LOOPBACK_GUARD_LOG='),
		);
		const existing = options.envPairs.find((pair) => pair.startsWith('NODE_OPTIONS='));
		const nodeOptions = existing ? existing.slice('NODE_OPTIONS='.length) : '';
		const merged = nodeOptions.includes(guardOption)
			? nodeOptions
			: `${nodeOptions} ${guardOption}`.trim();
		pairs.push(`NODE_OPTIONS=${merged}`);
		if (logFile) {
			pairs.push(`LOOPBACK_GUARD_LOG=${logFile}`);
		}
		options.envPairs = pairs;
	}
	return originalChildSpawn.call(this, options);
};

// Proof that the guard is active: one line per guarded process in
// <LOOPBACK_GUARD_LOG>.loaded, which the end-to-end run requires to exist.
if (logFile) {
	try {
		fs.appendFileSync(
			`${logFile}.loaded`,
			JSON.stringify({ pid: process.pid, argv: process.argv.slice(1, 3) }) + '\n',
		);
	} catch (error) {
		process.stderr.write(`[loopback-guard] failed to write ${logFile}.loaded: ${error.message}\n`);
	}
}

module.exports = { isLoopbackHost };
