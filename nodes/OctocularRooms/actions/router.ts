import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { getBaseUrl } from '../transport';
import { readConcurrency } from './concurrency';
import { operations } from './room';
import type { PreparedCall } from './types';

type NodeError = NodeApiError | NodeOperationError;

type ItemResult = { ok: true; rows: IDataObject[] } | { ok: false; error: NodeError };

/** Keeps n8n's node errors as they are and wraps anything else with the item index. */
function toNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function errorItem(error: NodeError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
}

/**
 * Runs the chosen operation for every input item.
 *
 * All items are validated first, so invalid input stops the run before any request. Requests
 * for up to Concurrency items then run at the same time. Output keeps input order, and each
 * item is paired with the input item it came from. Without Continue On Fail, the first error
 * stops new requests; requests already sent finish before it is thrown.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[operation];
	if (handler === undefined) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	}
	const continueOnFail = this.continueOnFail();

	const results: Array<ItemResult | undefined> = new Array(items.length);
	const calls: Array<PreparedCall | undefined> = new Array(items.length);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			calls[itemIndex] = handler.prepare.call(this, itemIndex);
		} catch (error) {
			const nodeError = toNodeError(this, error, itemIndex);
			if (!continueOnFail) throw nodeError;
			results[itemIndex] = { ok: false, error: nodeError };
		}
	}

	if (calls.some((call) => call !== undefined)) {
		const baseUrl = await getBaseUrl.call(this);
		const concurrency = readConcurrency(this);
		let next = 0;
		let stopped = false;

		const worker = async () => {
			while (!stopped && next < items.length) {
				const itemIndex = next++;
				const call = calls[itemIndex];
				if (call === undefined) continue;
				try {
					results[itemIndex] = { ok: true, rows: await call.call(this, baseUrl) };
				} catch (error) {
					results[itemIndex] = { ok: false, error: toNodeError(this, error, itemIndex) };
					if (!continueOnFail) stopped = true;
				}
			}
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = results[itemIndex];
		if (result === undefined) continue;
		if (!result.ok) {
			if (!continueOnFail) throw result.error;
			output.push(errorItem(result.error, itemIndex));
			continue;
		}
		for (const row of result.rows) {
			output.push({ json: row, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
