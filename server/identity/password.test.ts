import { describe, expect, test } from 'vitest'
import { hashPassword, verifyPassword } from '#server/identity/password.server.ts'

describe('passwords', () => {
	test('are stored as argon2id with 19 MiB, 2 passes, 1 lane, salted afresh each time', async () => {
		const first = await hashPassword('mot cum tu rat de nho')
		expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/)
		expect(first).not.toContain('mot cum tu')
		expect(await hashPassword('mot cum tu rat de nho')).not.toBe(first)
	})

	test('verify the right password only, and never throw on a malformed stored value', async () => {
		const stored = await hashPassword('Mật-khẩu có dấu 2026')
		expect(await verifyPassword(stored, 'Mật-khẩu có dấu 2026')).toBe(true)
		expect(await verifyPassword(stored, 'Mat-khau co dau 2026')).toBe(false)
		expect(await verifyPassword(stored, '')).toBe(false)
		expect(await verifyPassword('not-a-hash', 'anything')).toBe(false)
		expect(await verifyPassword('', 'anything')).toBe(false)
	})
})
