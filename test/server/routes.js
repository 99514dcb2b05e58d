// @ts-check
'use strict';

const { errorResponse, jsonResponse } = require('./responses');
const { readPagingParameter, validateCreateRoomBody } = require('./validation');

/**
 * @typedef {import('./responses').PlannedResponse} PlannedResponse
 * @typedef {import('./store').RoomStore} RoomStore
 * @typedef {{ order: string, maxPageSize: number, defaultPageSize: number,
 *   deleteResponse: 'body' | 'empty', errorStyle: string }} RouteOptions
 * @typedef {{ key: string, target: 'collection' | 'item' | 'none', roomId?: string,
 *   badEncoding?: boolean }} ResolvedRoute
 * @typedef {{ method: string, route: ResolvedRoute, query: URLSearchParams,
 *   contentType: string, rawBody: string, store: RoomStore, options: RouteOptions }} RouteContext
 */

const ALLOWED_METHODS = { collection: 'GET, POST', item: 'GET, DELETE' };

/**
 * Matches a raw (still percent-encoded) path against the API routes. The room id is everything
 * after `/rooms/`, decoded once, so that an id containing an encoded '/' (%2F) still matches.
 * @param {string} method
 * @param {string} rawPath
 * @param {string} basePath
 * @returns {ResolvedRoute}
 */
function resolveRoute(method, rawPath, basePath) {
	const collectionPath = `${basePath}/rooms`;
	if (rawPath === collectionPath) {
		return { key: `${method} /rooms`, target: 'collection' };
	}
	if (rawPath.startsWith(`${collectionPath}/`) && rawPath.length > collectionPath.length + 1) {
		const encodedId = rawPath.slice(collectionPath.length + 1);
		try {
			return { key: `${method} /rooms/:id`, target: 'item', roomId: decodeURIComponent(encodedId) };
		} catch {
			return { key: `${method} /rooms/:id`, target: 'item', roomId: encodedId, badEncoding: true };
		}
	}
	return { key: `${method} ${rawPath}`, target: 'none' };
}

/** @param {RouteContext} context @returns {PlannedResponse} */
function listRooms(context) {
	const { options, query, store } = context;
	const limit = readPagingParameter(query, 'limit', options.defaultPageSize);
	if ('error' in limit) {
		return errorResponse(options.errorStyle, 400, limit.error);
	}
	const offset = readPagingParameter(query, 'offset', 0);
	if ('error' in offset) {
		return errorResponse(options.errorStyle, 400, offset.error);
	}

	const cappedLimit = Math.min(limit.value, options.maxPageSize);
	const { rooms, total } = store.page(options.order, offset.value, cappedLimit);
	const data = rooms.map((room) => ({
		room_id: room.room_id,
		candidate_email: room.candidate_email,
		status: room.status,
	}));
	return jsonResponse(200, {
		success: true,
		data,
		pagination: { limit: cappedLimit, offset: offset.value, total },
	});
}

/** @param {RouteContext} context @returns {PlannedResponse} */
function createRoom(context) {
	const { options, contentType, rawBody, store } = context;
	const mediaType = contentType.split(';')[0].trim().toLowerCase();
	if (mediaType !== 'application/json') {
		const received = contentType === '' ? 'none' : contentType;
		return errorResponse(
			options.errorStyle,
			415,
			`Content-Type must be application/json, got ${received}`,
		);
	}

	let body;
	try {
		body = JSON.parse(rawBody);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return errorResponse(options.errorStyle, 400, `Request body is not valid JSON: ${reason}`);
	}
	const problem = validateCreateRoomBody(body);
	if (problem) {
		return errorResponse(options.errorStyle, 400, problem);
	}

	// Only documented fields reach the store, so a request cannot pick room_id or status.
	const room = store.create({
		user: body.user,
		candidate_email: body.candidate_email,
		settings: body.settings ?? undefined,
		scheduled_time: body.scheduled_time ?? null,
	});
	return jsonResponse(201, { success: true, data: room });
}

/**
 * @param {RouteOptions} options
 * @param {string} roomId
 */
function roomNotFound(options, roomId) {
	return errorResponse(options.errorStyle, 404, `Room not found: ${roomId}`);
}

/** @param {RouteContext} context @returns {PlannedResponse} */
function getRoom(context) {
	const roomId = /** @type {string} */ (context.route.roomId);
	const room = context.store.get(roomId);
	if (!room) {
		return roomNotFound(context.options, roomId);
	}
	return jsonResponse(200, { success: true, data: room });
}

/** @param {RouteContext} context @returns {PlannedResponse} */
function deleteRoom(context) {
	const roomId = /** @type {string} */ (context.route.roomId);
	if (!context.store.delete(roomId)) {
		return roomNotFound(context.options, roomId);
	}
	if (context.options.deleteResponse === 'empty') {
		return { status: 204 };
	}
	return jsonResponse(200, {
		success: true,
		message: 'Room deleted successfully',
		data: { room_id: roomId },
	});
}

/**
 * Runs an authorized request against the store and returns its response.
 * @param {RouteContext} context
 * @returns {PlannedResponse}
 */
function handleRoute(context) {
	const { method, route, options } = context;
	if (route.target === 'none') {
		return errorResponse(
			options.errorStyle,
			404,
			`No route for ${method} ${route.key.slice(method.length + 1)}`,
		);
	}
	if (route.badEncoding) {
		return errorResponse(
			options.errorStyle,
			400,
			`Room id in the path is not valid percent-encoding: ${route.roomId}`,
		);
	}

	switch (route.key) {
		case 'GET /rooms':
			return listRooms(context);
		case 'POST /rooms':
			return createRoom(context);
		case 'GET /rooms/:id':
			return getRoom(context);
		case 'DELETE /rooms/:id':
			return deleteRoom(context);
		default: {
			const allowed = ALLOWED_METHODS[route.target];
			return errorResponse(
				options.errorStyle,
				405,
				`Method ${method} is not allowed here; use ${allowed}`,
				{
					Allow: allowed,
				},
			);
		}
	}
}

module.exports = { resolveRoute, handleRoute };
