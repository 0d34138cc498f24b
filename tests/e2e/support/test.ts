import { type BrowserContext, test as base, expect } from '@playwright/test'

/** Console errors and uncaught page errors seen in one browser context. */
export interface ConsoleErrors {
	/** Lets errors matching `pattern` through for the rest of this test (e.g. a 404 page's load). */
	allow(pattern: RegExp | string): void
	/** Everything recorded so far, allowed or not. */
	readonly messages: readonly string[]
	/** The errors no `allow` covers. */
	unexpected(): string[]
}

/** Records `console.error` output and uncaught exceptions of every page in `context`. */
export function watchConsole(context: BrowserContext): ConsoleErrors {
	const messages: string[] = []
	const allowed: Array<RegExp | string> = []
	context.on('console', (message) => {
		if (message.type() !== 'error') return
		const text = `${message.text()} (${message.location().url})`
		// Chromium fetches /favicon.ico by itself for documents without <link rel="icon"> (JSON, the
		// VNeID sandbox's pages) and logs the 404: the browser's request, not the page's error.
		if (/^Failed to load resource: .*status of 404 .*\/favicon\.ico\)$/.test(text)) return
		messages.push(text)
	})
	context.on('weberror', (error) => messages.push(`uncaught: ${error.error().message}`))
	return {
		allow: (pattern) => void allowed.push(pattern),
		messages,
		unexpected: () =>
			messages.filter((m) => !allowed.some((p) => (typeof p === 'string' ? m.includes(p) : p.test(m)))),
	}
}

/**
 * The `test` every spec imports: Playwright's, plus an automatic check that the page printed no
 * unexpected console error. A test that provokes one on purpose calls `consoleErrors.allow(…)`.
 * Contexts you create yourself (`browser.newContext()`) need `watchConsole(context)` by hand.
 */
export const test = base.extend<{ consoleErrors: ConsoleErrors }>({
	consoleErrors: [
		async ({ context }, use) => {
			const errors = watchConsole(context)
			await use(errors)
			expect(errors.unexpected(), 'unexpected console errors in the browser').toEqual([])
		},
		{ auto: true },
	],
})

export { expect }
