/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// tsconfig.json sets isolatedModules, so ts-jest only transpiles. Type errors are
		// reported by `npm run lint` (tsc --noEmit).
		'^.+\\.ts$': 'ts-jest',
	},
	testTimeout: 60_000,
	// Fails any test after which the API key appears in run data, errors, logs or the console.
	setupFilesAfterEnv: ['<rootDir>/test/secret-guard/setup.ts'],
};
