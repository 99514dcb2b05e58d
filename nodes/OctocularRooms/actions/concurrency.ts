import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Default number of requests the Rooms node sends at the same time. At 20 ms of latency,
 * 25 makes creating 1,000 rooms more than 5 times faster than one request at a time (see
 * BENCHMARKS.md), and the 429 retry policy still applies to every request.
 */
export const DEFAULT_CONCURRENCY = 25;

/** Reads Options → Concurrency, a whole number of at least 1. */
export function readConcurrency(context: IExecuteFunctions, itemIndex = 0): number {
	const value = context.getNodeParameter('options.concurrency', itemIndex, DEFAULT_CONCURRENCY);
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid Concurrency: ${JSON.stringify(value)} is not a whole number of at least 1`,
			{ itemIndex },
		);
	}
	return value;
}
