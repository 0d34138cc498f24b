import crypto from 'node:crypto'
import type { Keyring } from '#server/security/keyring.server.ts'

/*
 * The rotating attendance code an instructor's screen shows as a QR code (issue 7). A code names one class
 * session and one 30-second window, signed with HMAC-SHA-256 under a key derived from the keyring's signing
 * key; the screen shows a new one every window and a code is accepted during its window and the next, so it
 * lives 30–60 s. A photo of the screen sent to someone at home is stale before it is of use, and a code
 * cannot be made without the key. Nothing is stored: every app server checks a code the same way.
 */

export const CHECK_IN_WINDOW_SECONDS = 30

const PURPOSE = 'hocvuso/class-check-in/v1'
const SIGNATURE_BYTES = 16

export type CheckInCodeResult = { ok: true; sessionId: string } | { ok: false; reason: 'expired' | 'forged' }

function derivedKey(keyring: Keyring): Buffer {
	return crypto.createHmac('sha256', keyring.signingKey).update(PURPOSE).digest()
}

function signature(keyring: Keyring, sessionId: string, window: number): Buffer {
	return crypto
		.createHmac('sha256', derivedKey(keyring))
		.update(`${sessionId}:${window}`)
		.digest()
		.subarray(0, SIGNATURE_BYTES)
}

export function windowAt(now: Date): number {
	return Math.floor(now.getTime() / 1000 / CHECK_IN_WINDOW_SECONDS)
}

/** The code for a session at this moment: `<session id hex>.<window base 36>.<signature>`. */
export function createCheckInCode(keyring: Keyring, sessionId: string, now: Date = new Date()): string {
	const window = windowAt(now)
	const id = sessionId.replaceAll('-', '').toLowerCase()
	return `${id}.${window.toString(36)}.${signature(keyring, sessionId.toLowerCase(), window).toString('base64url')}`
}

/** Seconds until the code shown now is replaced (for the screen's countdown and refresh). */
export function secondsToNextCode(now: Date = new Date()): number {
	const elapsed = (now.getTime() / 1000) % CHECK_IN_WINDOW_SECONDS
	return Math.max(1, Math.ceil(CHECK_IN_WINDOW_SECONDS - elapsed))
}

const CODE_PATTERN = /^([0-9a-f]{32})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/

/**
 * Checks a scanned code: forged (malformed, wrong signature, or from the future beyond one window of
 * clock difference between servers) or expired (older than the previous window) codes are refused.
 */
export function verifyCheckInCode(keyring: Keyring, code: string, now: Date = new Date()): CheckInCodeResult {
	const match = CODE_PATTERN.exec(code)
	if (!match) return { ok: false, reason: 'forged' }
	const [, hex, windowText, sent] = match as unknown as [string, string, string, string]
	const sessionId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
	const window = Number.parseInt(windowText, 36)
	const expected = signature(keyring, sessionId, window)
	const given = Buffer.from(sent, 'base64url')
	if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
		return { ok: false, reason: 'forged' }
	const current = windowAt(now)
	if (window > current + 1) return { ok: false, reason: 'forged' }
	if (window < current - 1) return { ok: false, reason: 'expired' }
	return { ok: true, sessionId }
}

/*
 * After a valid scan the phone may still have to sign in (VNeID can take minutes), so the scan leaves a
 * short-lived signed cookie naming the session: the check-in is finished on the phone that scanned, and a
 * forwarded link carries nothing.
 */

export const PENDING_CHECK_IN_COOKIE = 'hv_checkin'
export const PENDING_CHECK_IN_SECONDS = 15 * 60

function pendingSignature(keyring: Keyring, sessionId: string, expires: number): string {
	return crypto
		.createHmac('sha256', derivedKey(keyring))
		.update(`pending:${sessionId}:${expires}`)
		.digest()
		.subarray(0, SIGNATURE_BYTES)
		.toString('base64url')
}

/** The cookie value for a pending check-in of this session. */
export function createPendingCheckIn(keyring: Keyring, sessionId: string, now: Date = new Date()): string {
	const expires = Math.floor(now.getTime() / 1000) + PENDING_CHECK_IN_SECONDS
	return `${sessionId}.${expires}.${pendingSignature(keyring, sessionId, expires)}`
}

/** The session of a pending check-in cookie, or null if it is missing, forged or expired. */
export function readPendingCheckIn(
	keyring: Keyring,
	value: string | null,
	now: Date = new Date(),
): string | null {
	const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(value ?? '')
	if (!match) return null
	const [, sessionId, expiresText, sent] = match as unknown as [string, string, string, string]
	const expires = Number(expiresText)
	const expected = Buffer.from(pendingSignature(keyring, sessionId, expires))
	const given = Buffer.from(sent)
	if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
	if (expires < Math.floor(now.getTime() / 1000)) return null
	return sessionId
}
