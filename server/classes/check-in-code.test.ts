import { describe, expect, test } from 'vitest'
import {
	CHECK_IN_WINDOW_SECONDS,
	createCheckInCode,
	createPendingCheckIn,
	readPendingCheckIn,
	secondsToNextCode,
	verifyCheckInCode,
} from '#server/classes/check-in-code.server.ts'
import { createTestKeyring, type Keyring } from '#server/security/keyring.server.ts'

const keyring = createTestKeyring()
const session = '3f2c1a7e-9b1d-4c6e-8f00-123456789abc'
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 8, 0, 0) + seconds * 1000)

describe('the rotating check-in code', () => {
	test('a code just shown is accepted and names its session', () => {
		const code = createCheckInCode(keyring, session, at(0))
		expect(verifyCheckInCode(keyring, code, at(1))).toEqual({ ok: true, sessionId: session })
	})

	test('a code is accepted in its window and the next, then expires', () => {
		const shownAt = at(0)
		const code = createCheckInCode(keyring, session, shownAt)
		expect(verifyCheckInCode(keyring, code, at(CHECK_IN_WINDOW_SECONDS)).ok).toBe(true)
		expect(verifyCheckInCode(keyring, code, at(2 * CHECK_IN_WINDOW_SECONDS + 1))).toEqual({
			ok: false,
			reason: 'expired',
		})
		expect(verifyCheckInCode(keyring, code, at(3600))).toEqual({ ok: false, reason: 'expired' })
	})

	test('the code changes every window', () => {
		const first = createCheckInCode(keyring, session, at(0))
		expect(createCheckInCode(keyring, session, at(CHECK_IN_WINDOW_SECONDS - 1))).toBe(first)
		expect(createCheckInCode(keyring, session, at(CHECK_IN_WINDOW_SECONDS + 1))).not.toBe(first)
		expect(secondsToNextCode(at(CHECK_IN_WINDOW_SECONDS - 5))).toBe(5)
	})

	test('forged codes are refused: another key, another session, a moved window, garbage', () => {
		const other: Keyring = { ...keyring, signingKey: Buffer.alloc(32, 9) }
		const code = createCheckInCode(keyring, session, at(0))
		const [id, window, sig] = code.split('.') as [string, string, string]
		expect(verifyCheckInCode(other, code, at(0))).toEqual({ ok: false, reason: 'forged' })
		const otherSession = `${id.slice(0, -1)}${id.endsWith('c') ? 'd' : 'c'}`
		expect(verifyCheckInCode(keyring, `${otherSession}.${window}.${sig}`, at(0)).ok).toBe(false)
		// Reusing an old signature with a fresh window does not make a valid code.
		const later = (Number.parseInt(window, 36) + 100).toString(36)
		expect(verifyCheckInCode(keyring, `${id}.${later}.${sig}`, at(100 * CHECK_IN_WINDOW_SECONDS))).toEqual({
			ok: false,
			reason: 'forged',
		})
		for (const garbage of ['', 'abc', `${id}.${window}`, `${code}x`, `${id}.${window}.${'A'.repeat(22)}`])
			expect(verifyCheckInCode(keyring, garbage, at(0))).toEqual({ ok: false, reason: 'forged' })
	})

	test('a code from far in the future (made with the key, clocks apart) is not accepted', () => {
		const future = createCheckInCode(keyring, session, at(10 * CHECK_IN_WINDOW_SECONDS))
		expect(verifyCheckInCode(keyring, future, at(0))).toEqual({ ok: false, reason: 'forged' })
	})
})

describe('the pending check-in cookie', () => {
	test('names the session until it expires; a changed value names nothing', () => {
		const value = createPendingCheckIn(keyring, session, at(0))
		expect(readPendingCheckIn(keyring, value, at(60))).toBe(session)
		expect(readPendingCheckIn(keyring, value, at(16 * 60))).toBeNull()
		expect(
			readPendingCheckIn(keyring, value.replace(session, session.replace('3f', '4f')), at(60)),
		).toBeNull()
		expect(readPendingCheckIn(keyring, null, at(0))).toBeNull()
	})
})
