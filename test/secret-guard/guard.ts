import { SANDBOX_API_KEY } from '../server';

/**
 * Secret guard of the test suite, which records every place where a registered API key shows up
 * in a run's output items, errors, thrown values or log lines. The Jest setup in `./setup.ts`
 * feeds it and fails the test that caused a finding.
 */

/** Values shorter than this are not registered, because they would match ordinary words. */
export const MIN_SECRET_LENGTH = 8;

/** Maximum depth of nested objects that a scan follows. */
const MAX_SCAN_DEPTH = 64;

export const REDACTED = '[REDACTED]';

export interface Finding {
	/** Where the key appeared, such as `console.log` or `run data › resultData › error`. */
	where: string;
}

/** Forms in which a key can appear: as is, URL-encoded, and Base64-encoded. */
function formsOf(secret: string): string[] {
	const forms = new Set([
		secret,
		encodeURIComponent(secret),
		Buffer.from(secret).toString('base64'),
	]);
	return [...forms];
}

export class SecretGuard {
	private readonly forms = new Map<string, string[]>();

	private findings: Finding[] = [];

	constructor(secrets: string[] = []) {
		for (const secret of secrets) this.register(secret);
	}

	/** Adds a value to look for. Values shorter than MIN_SECRET_LENGTH are ignored. */
	register(secret: unknown): void {
		if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return;
		if (!this.forms.has(secret)) this.forms.set(secret, formsOf(secret));
	}

	/** Returns whether `text` contains a registered secret in any of its forms. */
	containsSecret(text: string): boolean {
		for (const forms of this.forms.values()) {
			if (forms.some((form) => text.includes(form))) return true;
		}
		return false;
	}

	/** Replaces every registered secret in `text` with REDACTED. */
	redact(text: string): string {
		let result = text;
		for (const forms of this.forms.values()) {
			for (const form of forms) result = result.split(form).join(REDACTED);
		}
		return result;
	}

	/** Scans a text, such as a log line, and records a finding when it contains a secret. */
	scanText(text: string, where: string): boolean {
		if (!this.containsSecret(text)) return false;
		this.findings.push({ where });
		return true;
	}

	/**
	 * Scans a value deeply: strings, arrays, plain objects, and errors with their non-enumerable
	 * `message`, `stack` and `cause`. Records one finding per path that contains a secret.
	 */
	scanValue(value: unknown, where: string): boolean {
		const before = this.findings.length;
		this.visit(value, where, new Set(), 0);
		return this.findings.length > before;
	}

	/** Returns the findings recorded since the last call and clears them. */
	takeFindings(): Finding[] {
		const findings = this.findings;
		this.findings = [];
		return findings;
	}

	private visit(value: unknown, where: string, seen: Set<unknown>, depth: number): void {
		if (typeof value === 'string') {
			this.scanText(value, where);
			return;
		}
		if (value === null || typeof value !== 'object' || seen.has(value) || depth > MAX_SCAN_DEPTH) {
			return;
		}
		seen.add(value);

		if (Buffer.isBuffer(value)) {
			this.scanText(value.toString('utf8'), where);
			return;
		}
		if (value instanceof Map) {
			for (const [key, entry] of value)
				this.visit(entry, `${where} › ${String(key)}`, seen, depth + 1);
			return;
		}
		if (value instanceof Set) {
			for (const entry of value) this.visit(entry, where, seen, depth + 1);
			return;
		}

		// Own property names include the non-enumerable ones of errors (message, stack, cause).
		// Getters are not called, so a scan cannot trigger side effects.
		for (const key of Object.getOwnPropertyNames(value)) {
			const descriptor = Object.getOwnPropertyDescriptor(value, key);
			if (descriptor === undefined || !('value' in descriptor)) continue;
			this.visit(descriptor.value, `${where} › ${key}`, seen, depth + 1);
		}
	}
}

/** Guard shared by the whole suite, registered with the test server's default key. */
export const suiteGuard = new SecretGuard([SANDBOX_API_KEY]);
