/** Minimum number of rooms whose `created_at` must agree before a creation order is assumed. */
export const MIN_DETECTION_SAMPLES = 10;

/** Maximum number of rooms whose details are read to detect the list order. */
export const MAX_DETECTION_SAMPLES = 12;

const TIMESTAMP = /^(.*T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an ISO 8601 `created_at` into microseconds since the Unix epoch, keeping the six-digit
 * fraction the service sends. Returns undefined for anything else.
 */
export function parseTimestamp(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const match = TIMESTAMP.exec(value.trim());
	if (!match) return undefined;

	const [, wholeSeconds, fraction = '', offset = 'Z'] = match;
	const milliseconds = Date.parse(`${wholeSeconds}${offset}`);
	if (Number.isNaN(milliseconds)) return undefined;

	const micros = Number(fraction.padEnd(6, '0').slice(0, 6));
	return milliseconds * 1000 + micros;
}

/** A room at a known position of the list, with its creation time in microseconds. */
export interface OrderSample {
	position: number;
	roomId: string;
	createdAt: number;
}

/**
 * Decides the list order from rooms sampled across the list.
 *
 * Returns `newest` or `oldest` when at least MIN_DETECTION_SAMPLES distinct rooms agree with that
 * creation order. Returns `any` when two samples contradict both creation orders, or when all
 * share one creation time. Returns undefined while fewer rooms were sampled.
 *
 * NOTE: an order that agrees with creation order at every sampled position but not elsewhere is
 * taken for a creation order. For an order unrelated to creation, 10 samples agree by chance
 * with probability 2/10! (about 5.5e-7). Each later poll also checks the total and the anchors,
 * which exposes a new room outside the expected end unless deletes in the same interval hide it.
 */
export function detectOrder(samples: OrderSample[]): 'newest' | 'oldest' | 'any' | undefined {
	const byPosition = [...samples].sort((a, b) => a.position - b.position);
	const distinct: OrderSample[] = [];
	const seen = new Set<string>();
	for (const sample of byPosition) {
		if (seen.has(sample.roomId)) continue;
		seen.add(sample.roomId);
		distinct.push(sample);
	}

	let increasing = false;
	let decreasing = false;
	for (let index = 1; index < distinct.length; index++) {
		const step = distinct[index].createdAt - distinct[index - 1].createdAt;
		if (step > 0) increasing = true;
		if (step < 0) decreasing = true;
	}

	if (increasing && decreasing) return 'any';
	if (distinct.length < MIN_DETECTION_SAMPLES) return undefined;

	// Equal creation times across every sample cannot show an order, so every page is read.
	if (!increasing && !decreasing) return 'any';
	return increasing ? 'oldest' : 'newest';
}

/** Picks up to `count` evenly spread positions in [0, length). */
export function spreadPositions(length: number, count: number): number[] {
	if (length <= 0 || count <= 0) return [];
	if (length <= count) return Array.from({ length }, (_, index) => index);
	if (count === 1) return [0];

	const positions = new Set<number>();
	for (let index = 0; index < count; index++) {
		positions.add(Math.round((index * (length - 1)) / (count - 1)));
	}
	return [...positions].sort((a, b) => a - b);
}
