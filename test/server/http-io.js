// @ts-check
'use strict';

const { createHash, timingSafeEqual } = require('node:crypto');

/** Largest request body that the server reads; larger bodies get a 413. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the whole request body as UTF-8. `tooLarge` is set, and the rest discarded, past
 * MAX_BODY_BYTES.
 * @param {import('node:http').IncomingMessage} request
 * @returns {Promise<{ text: string, tooLarge: boolean }>}
 */
function readBody(request) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		request.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) {
				chunks.push(chunk);
			}
		});
		request.on('end', () => {
			resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES });
		});
		request.on('error', reject);
	});
}

/**
 * Returns the body for the request log: parsed JSON when it parses, else the raw text, and
 * undefined for an empty body.
 * @param {string} text
 */
function bodyForLog(text) {
	if (text === '') {
		return undefined;
	}
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * Returns the query as an object; a parameter given more than once becomes an array.
 * @param {URLSearchParams} query
 */
function queryToObject(query) {
	/** @type {Record<string, string | string[]>} */
	const result = {};
	for (const name of new Set(query.keys())) {
		const values = query.getAll(name);
		result[name] = values.length === 1 ? values[0] : values;
	}
	return result;
}

/** @param {string} rawPath */
function decodePathForLog(rawPath) {
	try {
		return decodeURIComponent(rawPath);
	} catch {
		return rawPath;
	}
}

/**
 * Returns a checker of `Authorization: Bearer <apiKey>` headers. Digests of equal length are
 * compared in constant time, so response timing does not leak the key.
 * @param {string} apiKey
 */
function createAuthChecker(apiKey) {
	const expectedDigest = createHash('sha256').update(apiKey).digest();
	return (/** @type {string | undefined} */ header) => {
		const match = /^Bearer\s+(\S.*)$/i.exec(header ?? '');
		if (!match) {
			return false;
		}
		const providedDigest = createHash('sha256').update(match[1].trim()).digest();
		return timingSafeEqual(providedDigest, expectedDigest);
	};
}

/**
 * Sends a planned response, destroys the socket ('reset'), or leaves the request open ('hang').
 * Does nothing when the client already went away.
 * @param {import('node:http').ServerResponse} response
 * @param {import('./responses').PlannedResponse} planned
 */
function sendPlanned(response, planned) {
	if (response.destroyed || response.writableEnded) {
		return;
	}
	if (planned.action === 'reset') {
		response.socket?.destroy();
		return;
	}
	if (planned.action === 'hang') {
		return;
	}
	const headers = { ...planned.headers };
	if (planned.body !== undefined && planned.status !== 204) {
		headers['Content-Length'] = String(Buffer.byteLength(planned.body));
	}
	response.writeHead(planned.status, headers);
	response.end(planned.status === 204 ? undefined : planned.body);
}

module.exports = {
	MAX_BODY_BYTES,
	readBody,
	bodyForLog,
	queryToObject,
	decodePathForLog,
	createAuthChecker,
	sendPlanned,
};
