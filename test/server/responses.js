// @ts-check
'use strict';

/**
 * A response that the server is to send; `body` undefined means no body. `action` 'reset'
 * destroys the socket without a response, and 'hang' leaves the request open until close.
 * @typedef {{ status: number, headers?: Record<string, string>, body?: string,
 *   action?: 'send' | 'reset' | 'hang' }} PlannedResponse
 */

/** Shapes of error bodies that the server can play, because the API documents none. */
const ERROR_STYLES = ['error', 'message', 'html'];

const JSON_TYPE = 'application/json; charset=utf-8';

/** @param {string} text */
function escapeHtml(text) {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/**
 * @param {number} status
 * @param {unknown} payload
 * @param {Record<string, string>} [headers]
 * @returns {PlannedResponse}
 */
function jsonResponse(status, payload, headers = {}) {
	return {
		status,
		headers: { 'Content-Type': JSON_TYPE, ...headers },
		body: JSON.stringify(payload),
	};
}

/**
 * Builds an HTML page, as a proxy, a load balancer or a captive portal would send.
 * @param {number} status
 * @param {string} title
 * @param {string} text
 * @returns {PlannedResponse}
 */
function htmlResponse(status, title, text) {
	const body = [
		'<!DOCTYPE html>',
		`<html><head><title>${escapeHtml(title)}</title></head>`,
		`<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`,
		'',
	].join('\n');
	return { status, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body };
}

/**
 * Builds an error in the given style: `{"success":false,"error":...}`, `{"message":...}` or an
 * HTML page.
 * @param {string} style one of ERROR_STYLES
 * @param {number} status
 * @param {string} message
 * @param {Record<string, string>} [headers]
 * @returns {PlannedResponse}
 */
function errorResponse(style, status, message, headers = {}) {
	if (style === 'html') {
		const page = htmlResponse(status, `${status} Error`, message);
		return { ...page, headers: { ...page.headers, ...headers } };
	}
	if (style === 'message') {
		return jsonResponse(status, { message }, headers);
	}
	return jsonResponse(status, { success: false, error: message }, headers);
}

module.exports = {
	ERROR_STYLES,
	JSON_TYPE,
	jsonResponse,
	htmlResponse,
	errorResponse,
};
