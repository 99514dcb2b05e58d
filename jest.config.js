/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// Type errors are reported by `npm run lint` (tsc --noEmit), so tests only transpile.
		'^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
	},
	testTimeout: 60_000,
};
