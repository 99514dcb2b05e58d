// Jest setup (setupFilesAfterEnv) that puts the secret guard over every test file. It watches
// the harness, n8n's logger and the console, and fails a test after which a key was found.
import { Logger } from '@n8n/backend-common';

import { addHarnessObserver } from '../harness/observers';
import type { SecretGuard } from './guard';
import { REDACTED, suiteGuard } from './guard';

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Registers the values of password fields, such as the API key, of every harness credential. */
function registerCredentialSecrets(
	guard: SecretGuard,
	credentialTypes: Record<string, { properties: Array<{ name: string; typeOptions?: object }> }>,
	credentials: Record<string, Record<string, unknown>>,
): void {
	for (const [typeName, data] of Object.entries(credentials)) {
		const properties = credentialTypes[typeName]?.properties ?? [];
		for (const property of properties) {
			const isPassword = (property.typeOptions as { password?: boolean } | undefined)?.password;
			if (isPassword === true) guard.register(data[property.name]);
		}
	}
}

function watchHarness(guard: SecretGuard): void {
	addHarnessObserver((event) => {
		if (event.kind === 'credentials') {
			registerCredentialSecrets(guard, event.credentialTypes, event.credentials);
		} else if (event.kind === 'run') {
			guard.scanValue(event.run.data.resultData, 'run data');
		} else if (event.kind === 'thrown') {
			guard.scanValue(event.error, 'error thrown by the workflow run');
		} else {
			guard.scanValue(event.result, 'credential test result');
		}
	});
}

interface LoggerInternals {
	level: string;
	internalLogger: { levels: Record<string, number> };
}

/**
 * Scans every call of n8n's Logger, whatever its level. The Logger replaces the methods of
 * levels below its own with no-ops in its private `setLevel` (@n8n/backend-common 1.41), so the
 * patched `setLevel` installs scanning no-ops instead, and debug lines are checked too.
 */
function watchLogger(guard: SecretGuard): void {
	for (const level of LOG_LEVELS) {
		const original = Logger.prototype[level];
		Logger.prototype[level] = function (this: Logger, message, metadata) {
			guard.scanValue({ message, metadata }, `n8n logger (${level})`);
			return original.call(this, message, metadata);
		};
	}

	const prototype = Logger.prototype as unknown as { setLevel: () => void };
	prototype.setLevel = function (this: LoggerInternals) {
		const { levels } = this.internalLogger;
		for (const level of LOG_LEVELS) {
			if (levels[level] <= levels[this.level]) continue;
			Object.defineProperty(this, level, {
				value: (message: string, metadata?: object) => {
					guard.scanValue({ message, metadata }, `n8n logger (${level})`);
				},
			});
		}
	};
}

/** Scans console output and redacts keys from it, so that a leak never reaches the CI log. */
function watchConsole(guard: SecretGuard): void {
	for (const method of CONSOLE_METHODS) {
		const original = console[method].bind(console);
		console[method] = (...args: unknown[]) => {
			const text = args.map((arg) => (typeof arg === 'string' ? arg : safeInspect(arg))).join(' ');
			if (guard.scanText(text, `console.${method}`)) {
				original(guard.redact(text));
				return;
			}
			original(...args);
		};
	}
}

function safeInspect(value: unknown): string {
	try {
		return require('node:util').inspect(value, { depth: 8 }) as string;
	} catch {
		return String(value);
	}
}

watchHarness(suiteGuard);
watchLogger(suiteGuard);
watchConsole(suiteGuard);

afterEach(() => {
	const findings = suiteGuard.takeFindings();
	if (findings.length === 0) return;

	const places = [...new Set(findings.map((finding) => finding.where))].join('\n  ');
	throw new Error(`Secret guard: an API key (shown here as ${REDACTED}) appeared in:\n  ${places}`);
});
