import { describe, expect, test } from 'vitest'
import {
	createAnonymousCsrfToken,
	isSignedAnonymousCsrfToken,
	tokensEqual,
} from '#server/security/csrf.server.ts'
import { createTestKeyring } from '#server/security/keyring.server.ts'

const keyring = createTestKeyring()

describe('anonymous CSRF token', () => {
	test('is accepted when signed with our key, refused otherwise', () => {
		const token = createAnonymousCsrfToken(keyring)
		expect(isSignedAnonymousCsrfToken(keyring, token)).toBe(true)
		expect(isSignedAnonymousCsrfToken({ ...keyring, signingKey: Buffer.alloc(32, 7) }, token)).toBe(false)
		const [nonce] = token.split('.')
		expect(isSignedAnonymousCsrfToken(keyring, `${nonce}.forged`)).toBe(false)
		expect(isSignedAnonymousCsrfToken(keyring, `${token}.extra`)).toBe(false)
		expect(isSignedAnonymousCsrfToken(keyring, '')).toBe(false)
		expect(isSignedAnonymousCsrfToken(keyring, null)).toBe(false)
	})

	test('tokens compare in constant time and never match when empty', () => {
		expect(tokensEqual('abc', 'abc')).toBe(true)
		expect(tokensEqual('abc', 'abd')).toBe(false)
		expect(tokensEqual('abc', 'abcd')).toBe(false)
		expect(tokensEqual('', '')).toBe(false)
		expect(tokensEqual(null, null)).toBe(false)
	})
})
