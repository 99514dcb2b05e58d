import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { octocularApiRequest } from '../../transport';
import { normalizeScheduledTime } from '../dateTime';
import type { PreparedCall } from '../types';
import { validateBoolean, validateEmail, validateId } from '../validation';

const showFor = { show: { resource: ['room'], operation: ['create'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. usr_4f2a',
		description: 'ID of the interviewer’s Octocular user account',
		displayOptions: showFor,
	},
	{
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. org_91c3',
		description: 'ID of the Octocular organization that the interviewer belongs to',
		displayOptions: showFor,
	},
	{
		displayName: 'Candidate Email',
		name: 'candidateEmail',
		type: 'string',
		placeholder: 'e.g. candidate@example.com',
		required: true,
		default: '',
		description: 'E-mail address of the candidate. The room’s session link is meant for them.',
		displayOptions: showFor,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor,
		options: [
			{
				displayName: 'Enable Chat Assistant',
				name: 'enableChatAssistant',
				type: 'boolean',
				default: false,
				description: 'Whether the in-room chat assistant is turned on for this interview',
			},
			{
				displayName: 'Scheduled Time',
				name: 'scheduledTime',
				type: 'dateTime',
				default: '',
				description:
					'Date and time of the interview. A value without a UTC offset is read in the workflow’s time zone. It is sent in UTC as ISO 8601.',
			},
		],
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedCall {
	const userId = validateId(this, this.getNodeParameter('userId', itemIndex), 'User ID', itemIndex);
	const organizationId = validateId(
		this,
		this.getNodeParameter('organizationId', itemIndex),
		'Organization ID',
		itemIndex,
	);
	const candidateEmail = validateEmail(
		this,
		this.getNodeParameter('candidateEmail', itemIndex),
		itemIndex,
	);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const body: IDataObject = {
		user: { id: userId, organization_id: organizationId },
		candidate_email: candidateEmail,
	};

	const enableChatAssistant = additionalFields.enableChatAssistant;
	if (enableChatAssistant !== undefined) {
		body.settings = {
			enable_chat_assistant: validateBoolean(
				this,
				enableChatAssistant,
				'Enable Chat Assistant',
				itemIndex,
			),
		};
	}

	const scheduledTime = additionalFields.scheduledTime;
	if (scheduledTime !== undefined && scheduledTime !== '' && scheduledTime !== null) {
		body.scheduled_time = normalizeScheduledTime(this, scheduledTime, itemIndex);
	}

	return async function (this: IExecuteFunctions, baseUrl: string) {
		const response = await octocularApiRequest.call(this, baseUrl, {
			method: 'POST',
			path: '/rooms',
			body,
			itemIndex,
		});
		return [(response.body?.data ?? {}) as IDataObject];
	};
}
