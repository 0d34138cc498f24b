import { describe, expect, it } from 'vitest'
import {
	allowConsoleError,
	takeConsoleErrors,
	takeUnexpectedConsoleErrors,
} from '#tests/support/console-guard.ts'

describe('console guard', () => {
	it('reports console.error output nobody expected', () => {
		console.error('unexpected %s', 'failure')
		expect(takeUnexpectedConsoleErrors()).toEqual(['unexpected failure'])
	})

	it('lets through what a test allowed, for that test only', () => {
		allowConsoleError(/expected failure/)
		console.error('an expected failure')
		expect(takeUnexpectedConsoleErrors()).toEqual([])
		console.error('an expected failure')
		expect(takeUnexpectedConsoleErrors()).toEqual(['an expected failure'])
	})

	it('records allowed output too, for tests that assert on it', () => {
		allowConsoleError('boom')
		console.error('boom: %d', 42)
		expect(takeConsoleErrors()).toEqual(['boom: 42'])
	})
})
