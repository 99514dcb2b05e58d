import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Sends the validated requests of one input item and returns its output rows. */
export type PreparedCall = (this: IExecuteFunctions, baseUrl: string) => Promise<IDataObject[]>;

export interface RoomOperation {
	description: INodeProperties[];
	/**
	 * Reads and validates the parameters of one item without sending anything, so that invalid
	 * input is rejected before any request of the run.
	 */
	prepare(this: IExecuteFunctions, itemIndex: number): PreparedCall;
}
