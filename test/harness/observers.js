// @ts-check
// Hooks that let suite-wide checks, such as the secret guard, see what the harness produces.
// With no observer registered, the harness behaves exactly as before.

/**
 * @typedef {{ kind: 'credentials', credentialTypes: Record<string, import('n8n-workflow').ICredentialType>, credentials: Record<string, import('n8n-workflow').ICredentialDataDecryptedObject> }
 *   | { kind: 'run', run: import('n8n-workflow').IRun }
 *   | { kind: 'thrown', error: unknown }
 *   | { kind: 'credentialTest', result: { status: string, message: string } }} HarnessEvent
 */

/** @type {Array<(event: HarnessEvent) => void>} */
const observers = [];

/**
 * Registers a function called with every harness event. Returns a function that removes it.
 * @param {(event: HarnessEvent) => void} observer
 */
function addHarnessObserver(observer) {
	observers.push(observer);
	return () => {
		const index = observers.indexOf(observer);
		if (index !== -1) observers.splice(index, 1);
	};
}

/** @param {HarnessEvent} event */
function notifyHarnessObservers(event) {
	for (const observer of observers) observer(event);
}

module.exports = { addHarnessObserver, notifyHarnessObservers };
