import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'

/*
 * Test layout (see tests/support/README.md):
 *
 * - Every `*.test.ts(x)` file next to the code runs twice, once per database engine: in the `pglite`
 *   project (embedded PGlite, PostgreSQL 18 in WebAssembly) and in the `postgres` project (a
 *   throwaway PostgreSQL 15 cluster started from Debian's binaries by tests/support/
 *   global-setup-postgres.ts). There is no naming convention to remember: a file that calls
 *   `createTestServices()` gets a fresh migrated database of the project's engine; a pure unit test
 *   simply runs twice, which costs milliseconds.
 * - HOCVUSO_TEST_ENGINE tells tests/support/test-services.ts which engine to open.
 * - End-to-end tests live in tests/e2e/ and run with Playwright, not here.
 * - An unexpected console.error fails the test (tests/support/fail-on-console-error.ts).
 * - Run one engine: `npx vitest run --project pglite` (or postgres). `npm test` runs everything.
 */
const include = [
	'app/**/*.test.{ts,tsx}',
	'server/**/*.test.{ts,tsx}',
	'cli/**/*.test.ts',
	'scripts/**/*.test.ts',
	'tests/**/*.test.ts',
]
const exclude = ['tests/e2e/**', 'node_modules/**', 'build/**']

function engineProject(engine: 'pglite' | 'postgres'): TestProjectInlineConfiguration {
	return {
		extends: true,
		test: {
			name: engine,
			include,
			exclude,
			env: { HOCVUSO_TEST_ENGINE: engine },
			globalSetup: [`./tests/support/global-setup-${engine}.ts`],
		},
	}
}

export default defineConfig({
	test: {
		environment: 'node',
		setupFiles: ['./tests/support/fail-on-console-error.ts'],
		// CI machines have 2 cores.
		maxWorkers: 2,
		pool: 'forks',
		allowOnly: false,
		retry: 0,
		testTimeout: 30_000,
		hookTimeout: 60_000,
		projects: [engineProject('pglite'), engineProject('postgres')],
	},
})
