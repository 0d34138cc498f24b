import { describe, expect, test } from 'vitest'
import { createTestKeyring, type Keyring } from '#server/security/keyring.server.ts'
import {
	decryptField,
	encryptField,
	lookupHash,
	maskPersonalId,
	maskPhone,
	normalizePhone,
	protectField,
} from '#server/security/personal-data.server.ts'

const keyring = createTestKeyring()
const otherKeyring: Keyring = { ...keyring, encryptionKey: Buffer.alloc(32, 9), hashKey: Buffer.alloc(32, 8) }

describe('field encryption', () => {
	test('round-trips personal IDs, phones and Vietnamese text', () => {
		for (const value of ['019090001234', '0912345678', 'Số 5, ngõ 12, tổ dân phố Đồng Xuân']) {
			const cipher = encryptField(keyring, value)
			expect(cipher).toMatch(/^v1\.[\w-]+$/)
			expect(cipher).not.toContain(value)
			expect(decryptField(keyring, cipher)).toBe(value)
		}
	})

	test('the same value encrypts differently each time (random IV)', () => {
		expect(encryptField(keyring, '019090001234')).not.toBe(encryptField(keyring, '019090001234'))
	})

	test('refuses a tampered ciphertext, a wrong key and an unknown format', () => {
		const cipher = encryptField(keyring, '019090001234')
		const raw = Buffer.from(cipher.slice(3), 'base64url')
		raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1
		expect(() => decryptField(keyring, `v1.${raw.toString('base64url')}`)).toThrow()
		expect(() => decryptField(otherKeyring, cipher)).toThrow()
		expect(() => decryptField(keyring, `v2.${cipher.slice(3)}`)).toThrow(/format/)
	})
})

describe('keyed look-up hash', () => {
	test('is deterministic, keyed, and separates kinds', () => {
		const a = lookupHash(keyring, 'personalId', '019090001234')
		expect(lookupHash(keyring, 'personalId', '019090001234')).toBe(a)
		expect(lookupHash(otherKeyring, 'personalId', '019090001234')).not.toBe(a)
		expect(lookupHash(keyring, 'phone', '019090001234')).not.toBe(a)
		expect(a).not.toContain('019090001234')
	})

	test('finds a phone typed in any common form', () => {
		const stored = protectField(keyring, 'phone', normalizePhone('0912345678')).hash
		for (const typed of ['0912 345 678', '+84912345678', '84912345678', '091.234.5678']) {
			expect(lookupHash(keyring, 'phone', normalizePhone(typed))).toBe(stored)
		}
	})
})

describe('masking', () => {
	test('shows enough to recognise, not to reuse', () => {
		expect(maskPersonalId('019090001234')).toBe('0190******34')
		expect(maskPhone('0912345678')).toBe('091****678')
		expect(maskPhone('123')).toBe('***')
	})
})

describe('normalizePhone agrees with the import', () => {
	test.each([
		['+84 912 345 678', '0912345678'],
		['84912345678', '0912345678'],
		['0912.345.678', '0912345678'],
		['912345678', '0912345678'],
		['0208 3862 123', '02083862123'],
	])('%s → %s', (input, expected) => {
		expect(normalizePhone(input)).toBe(expected)
	})
})
