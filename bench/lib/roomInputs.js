// @ts-check
// Input items of part (a), shared by all contenders without loading n8n.

/**
 * Returns the items to create: one room per item, with the fields the workflow maps.
 * @param {number} count
 * @param {string} tag distinguishes the e-mail addresses of different runs
 */
function roomInputs(count, tag) {
	return Array.from({ length: count }, (_, index) => ({
		user_id: 'usr_bench',
		organization_id: 'org_bench',
		candidate_email: `candidate-${tag}-${index}@example.com`,
	}));
}

module.exports = { roomInputs };
