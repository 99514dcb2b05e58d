// @ts-check
const { ICredentialsHelper } = require('n8n-workflow');

/**
 * Credentials helper for n8n-core's engine that serves plain credential data from memory and
 * applies each credential type's generic `authenticate` block, as n8n's own helper does.
 */
class InMemoryCredentialsHelper extends ICredentialsHelper {
	/**
	 * @param {Record<string, import('n8n-workflow').ICredentialType>} credentialTypes by type name
	 * @param {Record<string, import('n8n-workflow').ICredentialDataDecryptedObject>} credentialData by type name
	 */
	constructor(credentialTypes, credentialData) {
		super();
		this.credentialTypes = credentialTypes;
		this.credentialData = credentialData;
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	/**
	 * Resolves the `={{$credentials.x}}` expressions of a generic `authenticate` block with n8n's
	 * expression engine and merges the headers and query parameters into the request.
	 * @param {import('n8n-workflow').ICredentialDataDecryptedObject} credentials
	 * @param {string} typeName
	 * @param {any} requestOptions
	 * @param {import('n8n-workflow').Workflow} [workflow]
	 * @param {import('n8n-workflow').INode} [node]
	 */
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const type = this.credentialTypes[typeName];
		const authenticate = type?.authenticate;
		if (!authenticate || typeof authenticate === 'function' || authenticate.type !== 'generic') {
			return requestOptions;
		}
		if (!workflow || !node) throw new Error('authenticate needs the workflow and node');

		/** @param {Record<string, unknown> | undefined} values */
		const resolve = (values) => {
			/** @type {Record<string, unknown>} */
			const resolved = {};
			for (const [key, value] of Object.entries(values ?? {})) {
				resolved[key] = workflow.expression.getSimpleParameterValue(
					node,
					/** @type {string} */ (value),
					'internal',
					{ $credentials: credentials },
				);
			}
			return resolved;
		};

		const { headers, qs } = authenticate.properties;
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), ...resolve(headers) },
			qs: { ...(requestOptions.qs ?? {}), ...resolve(qs) },
		};
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	/**
	 * @param {unknown} _nodeCredentials
	 * @param {string} type
	 * @returns {Promise<any>}
	 */
	async getCredentials(_nodeCredentials, type) {
		throw new Error(`getCredentials is not supported for ${type}`);
	}

	/**
	 * @param {unknown} _additionalData
	 * @param {unknown} _nodeCredentials
	 * @param {string} type
	 */
	async getDecrypted(_additionalData, _nodeCredentials, type) {
		const data = this.credentialData[type];
		if (!data) throw new Error(`No credential data of type ${type} in the test harness`);
		return { ...data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	/** @param {string} type */
	getCredentialsProperties(type) {
		return this.credentialTypes[type]?.properties ?? [];
	}
}

module.exports = { InMemoryCredentialsHelper };
