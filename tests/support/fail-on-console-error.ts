import { afterAll, afterEach } from 'vitest'
import { recordConsoleError, takeUnexpectedConsoleErrors } from '#tests/support/console-guard.ts'

// Vitest setup file (every project): an unexpected console.error fails the test that caused it, or
// the file when it happens outside a test (beforeAll/afterAll). The output is still printed.
const original = console.error.bind(console)
console.error = (...args: unknown[]) => {
	recordConsoleError(args)
	original(...args)
}

function check(where: string): void {
	const unexpected = takeUnexpectedConsoleErrors()
	if (unexpected.length === 0) return
	throw new Error(
		`Unexpected console.error ${where} (use allowConsoleError() from #tests/support/console-guard.ts when it is expected):\n` +
			unexpected.map((m) => `  • ${m}`).join('\n'),
	)
}

afterEach(() => check('during this test'))
afterAll(() => check('outside a test (in a hook of this file)'))
