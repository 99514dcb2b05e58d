// @ts-check
const { NodeHelpers } = require('n8n-workflow');

/**
 * Builds the in-memory node type registry that n8n-core's Workflow needs.
 * @param {Record<string, import('n8n-workflow').INodeType>} types by full type name
 * @returns {import('n8n-workflow').INodeTypes}
 */
function createNodeTypes(types) {
	/** @param {string} name */
	const lookup = (name) => {
		const type = types[name];
		if (!type) throw new Error(`Unknown node type "${name}" in the test harness`);
		return type;
	};
	return {
		getByName: lookup,
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(lookup(name), version),
		getKnownTypes: () => ({}),
	};
}

module.exports = { createNodeTypes };
