/** List order of GET /rooms. 'shuffled' is a seeded order that stays the same between requests. */
export type RoomOrder = 'newest' | 'oldest' | 'shuffled' | 'id';

/** Shape of error bodies: `{"success":false,"error":...}`, `{"message":...}` or an HTML page. */
export type ErrorStyle = 'error' | 'message' | 'html';

/** 'body' sends the documented JSON on delete; 'empty' sends 204 without a body. */
export type DeleteResponse = 'body' | 'empty';

export type FaultRoute =
	'GET /rooms' | 'GET /rooms/:id' | 'POST /rooms' | 'DELETE /rooms/:id' | '*';

export type FaultKind =
	| '429'
	| '429-retry-after'
	| '429-retry-after-date'
	| '500-html'
	| '502-html'
	| '503-html'
	| '504-html'
	| 'success-false'
	| 'malformed-json'
	| 'truncated-json'
	| 'reset'
	| 'reset-after-commit'
	| 'hang'
	| 'redirect';

/** Options that setOptions can change while the server runs. */
export interface RuntimeOptions {
	/** Largest page; GET /rooms caps `limit` to it and reports the capped value. Default 100. */
	maxPageSize: number;
	/** Page size when the request sends no `limit`. Default 20. */
	defaultPageSize: number;
	/** Default 'newest'. */
	order: RoomOrder;
	/** Default 'body'. */
	deleteResponse: DeleteResponse;
	/** Default 'error'. */
	errorStyle: ErrorStyle;
	/** Delay added to every response, in milliseconds. Default 0. */
	latencyMs: number;
}

export interface StartOptions extends Partial<RuntimeOptions> {
	/** Port on 127.0.0.1; 0 (the default) picks a free one. */
	port?: number;
	/** Accepted bearer token. Default SANDBOX_API_KEY. */
	apiKey?: string;
	/** Seed of room ids, shuffle keys and random faults. Default 1. */
	seed?: number;
	/** Prefix of every route. Default '/api/v1'. */
	basePath?: string;
}

/** Room settings; unknown settings pass through. */
export interface RoomSettings {
	enable_chat_assistant: boolean;
	[field: string]: unknown;
}

/**
 * A full room, as POST /rooms and GET /rooms/{id} return it. Every room also carries the
 * undocumented field `interview_language: 'en'`, to test pass-through of unknown fields.
 */
export interface Room {
	room_id: string;
	/** `https://octocular.io/session/` + the URL-encoded room id; never fetched. */
	session_link: string;
	candidate_email: string;
	/** `+00:00` form such as `2026-01-01T10:00:00+00:00`, or null. */
	scheduled_time: string | null;
	expires_at: string | null;
	/** Server clock in `+00:00` form, with microseconds; strictly increasing per room. */
	created_at: string;
	/** 'active' unless overridden, for example 'expired' or 'completed'. */
	status: string;
	settings: RoomSettings;
	interview_language?: string;
	[field: string]: unknown;
}

/**
 * Input of createRoom and seedRooms: the POST /rooms body fields, all optional here and not
 * validated, plus overrides of any room field (`room_id`, `status`, `created_at`, ...).
 * `room_id` may contain any character, such as '/', spaces or non-ASCII letters.
 */
export interface RoomInput {
	user?: { id?: string; organization_id?: string };
	candidate_email?: string;
	settings?: Partial<RoomSettings>;
	scheduled_time?: string | null;
	room_id?: string;
	status?: string;
	created_at?: string;
	expires_at?: string | null;
	[field: string]: unknown;
}

export interface RecordedRequest {
	method: string;
	/** Pathname, percent-decoded once. */
	path: string;
	/** Pathname as received, still percent-encoded. */
	rawPath: string;
	/** Query parameters; a parameter sent more than once becomes an array. */
	query: Record<string, string | string[]>;
	/** Parsed JSON when the body parses, else the raw text; undefined when empty. */
	body: unknown;
	/** Whether the Authorization header carried the right key. The header itself is not stored. */
	authorized: boolean;
	/** Arrival time, in milliseconds since the Unix epoch. */
	at: number;
}

export interface RequestInfo {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	/** Index of this request in `server.requests` (counted from the last clearRequests). */
	requestIndex: number;
}

export interface FaultOptions {
	/** Route the fault applies to. Default '*', every request. */
	route?: FaultRoute;
	/** Matching request, counted from now, that gets the fault (1-based). Default 1, the next one. */
	nth?: number;
	/** Number of consecutive matching requests that get the fault. Default 1. */
	times?: number;
	kind: FaultKind;
	/** Seconds in Retry-After for the '429-retry-after*' kinds. Default 1. */
	retryAfter?: number;
	/** Loopback URL for 'redirect'. Default: the same URL with host `localhost`. */
	location?: string;
}

export interface RandomFaultOptions {
	/** Probability of a fault per request, from 0 to 1; 0 turns random faults off. */
	rate: number;
	/** Default: '429', '429-retry-after', '500-html', '502-html', '503-html'. */
	kinds?: FaultKind[];
	/** Default: the server seed. */
	seed?: number;
	/** Default '*'. */
	route?: FaultRoute;
	retryAfter?: number;
}

export interface OctocularTestServer {
	/** For example `http://127.0.0.1:40809/api/v1`. */
	readonly baseUrl: string;
	readonly port: number;
	readonly apiKey: string;
	/**
	 * Every request received since start or the last clearRequests, in arrival order. The log
	 * has no size limit, so long benchmarks should clear it between rounds.
	 */
	readonly requests: RecordedRequest[];
	/** Changes options at runtime; throws a TypeError on an unknown option or invalid value. */
	setOptions(options: Partial<RuntimeOptions>): void;
	getOptions(): RuntimeOptions;
	/**
	 * Creates rooms directly in the store. `overrides` applies to every room, or is called with
	 * the 0-based index of each room. Throws on a duplicate room_id.
	 */
	seedRooms(count: number, overrides?: RoomInput | ((index: number) => RoomInput)): Room[];
	createRoom(input?: RoomInput): Room;
	/** Returns false when no room has that id. */
	deleteRoom(roomId: string): boolean;
	/** All room ids in the current list order. */
	listRoomIds(): string[];
	getRoom(roomId: string): Room | undefined;
	roomCount(): number;
	clearRequests(): void;
	/**
	 * Registers a hook that runs, and is awaited, before each request is handled. Returns a
	 * function that removes it.
	 */
	onRequest(hook: (info: RequestInfo) => void | Promise<void>): () => void;
	/** Queues a fault; a fault replaces the normal response. Returns a function that removes it. */
	injectFault(fault: FaultOptions): () => void;
	setRandomFaults(options: RandomFaultOptions): void;
	/** Removes queued and random faults. */
	clearFaults(): void;
	/** When on, every request gets 200 with an HTML page, like a captive portal. */
	setHtmlMode(enabled: boolean): void;
	/** Stops the server, drops delayed responses and destroys open sockets, hanging ones included. */
	close(): Promise<void>;
}

export function startOctocularServer(options?: StartOptions): Promise<OctocularTestServer>;

/** Key accepted when startOctocularServer gets no apiKey: 'octocular-sandbox-key'. */
export const SANDBOX_API_KEY: string;
export const FAULT_KINDS: readonly FaultKind[];
export const ROOM_ORDERS: readonly RoomOrder[];
/** Undocumented field on every full room: `{ interview_language: 'en' }`. */
export const UNDOCUMENTED_FIELD: { readonly interview_language: string };
