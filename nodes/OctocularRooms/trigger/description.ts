import type { INodeProperties } from 'n8n-workflow';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Room Created',
				value: 'roomCreated',
				description: 'Triggers once for each new room',
			},
		],
		default: 'roomCreated',
	},
	{
		displayName: 'Include Room Details',
		name: 'includeDetails',
		type: 'boolean',
		default: true,
		description:
			'Whether to read each new room so the item carries session_link, created_at, scheduled_time, expires_at and settings. Costs one request per new room.',
	},
	{
		displayName:
			'The first activation records the existing rooms and emits nothing. Each later poll emits the rooms created since the previous one.',
		name: 'baselineNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Filters apply to polls. A manual test run returns the newest room regardless.',
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'string',
				default: '',
				placeholder: 'e.g. active',
				description: 'Emit only rooms with this status (case-insensitive)',
			},
			{
				displayName: 'Candidate Email',
				name: 'candidateEmail',
				type: 'string',
				default: '',
				placeholder: 'e.g. @example.com',
				description: 'Emit only rooms whose candidate e-mail contains this text (case-insensitive)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'List Order',
				name: 'listOrder',
				type: 'options',
				default: 'detect',
				description:
					'Order in which the Octocular service lists rooms. In creation order a poll reads one or two pages. In any other order it reads every page and stores every room ID. Changing it records a new baseline.',
				options: [
					{
						name: 'Detect Automatically',
						value: 'detect',
						description:
							'Compare created_at of up to 12 rooms across the list on the first poll, and fall back to Any Order when a later poll contradicts the result',
					},
					{
						name: 'Newest First',
						value: 'newest',
						description:
							'New rooms appear at the start of the list. A poll fails when the list shows another order.',
					},
					{
						name: 'Oldest First',
						value: 'oldest',
						description:
							'New rooms appear at the end of the list. A poll fails when the list shows another order.',
					},
					{
						name: 'Any Order',
						value: 'any',
						description:
							'Read every page on every poll and store every room ID: about (ID length + 3) bytes per room',
					},
				],
			},
		],
	},
];
