import { format } from 'node:util'

/**
 * Tests fail on unexpected `console.error` (the setup file fail-on-console-error.ts checks after
 * each test). A test that provokes an error on purpose says so first with `allowConsoleError`.
 */
const recorded: string[] = []
const allowed: Array<RegExp | string> = []

/** Lets `console.error` output matching `pattern` pass, until the end of the current test. */
export function allowConsoleError(pattern: RegExp | string): void {
	allowed.push(pattern)
}

/** Returns and forgets what `console.error` printed (allowed or not) since the last check. */
export function takeConsoleErrors(): string[] {
	return recorded.splice(0)
}

/** Called by the setup file: records one console.error call. */
export function recordConsoleError(args: unknown[]): void {
	recorded.push(format(...args))
}

/** Called by the setup file after each test: the unexpected errors, and resets the allowances. */
export function takeUnexpectedConsoleErrors(): string[] {
	const patterns = allowed.splice(0)
	return takeConsoleErrors().filter(
		(message) => !patterns.some((p) => (typeof p === 'string' ? message.includes(p) : p.test(message))),
	)
}
