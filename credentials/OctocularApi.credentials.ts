import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class OctocularApi implements ICredentialType {
	name = 'octocularApi';

	displayName = 'Octocular API';

	icon: Icon = {
		light: 'file:../icons/octocular.svg',
		dark: 'file:../icons/octocular.dark.svg',
	};

	documentationUrl = 'https://octocular.io/docs/api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'API key from your Octocular Lab account settings, sent as a bearer token',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://octocular.io/api/v1',
			required: true,
			placeholder: 'e.g. https://octocular.io/api/v1',
			description:
				'Root of the Octocular REST API, with the version path. Change it only for a local test server or a proxy. It must start with http:// or https://.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// n8n's credential tester fails the test when get(body, key) === value. An HTML page or any
	// other response without `success` yields undefined, so both rules together pass only a JSON
	// body with `success: true`.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(new RegExp("/+$"), "")}}',
			url: '/rooms',
			method: 'GET',
			qs: { limit: 1 },
			json: true,
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: undefined,
					message:
						'The Base URL did not return an Octocular API response (JSON with "success"). Check that it ends with /api/v1.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: 'The Octocular API rejected the request. Check the API key and the Base URL.',
				},
			},
		],
	};
}
