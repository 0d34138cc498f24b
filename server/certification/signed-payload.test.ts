import crypto from 'node:crypto'
import { describe, expect, test } from 'vitest'
import {
	type CertificatePayload,
	maskFullName,
	readCertificatePayload,
	signCertificatePayload,
	verifyCertificatePayload,
} from '#server/certification/signed-payload.ts'
import { deriveWardSigningKey, keyIdOf, publicKeyFromRaw } from '#server/certification/signing-key.server.ts'

const secret = Buffer.alloc(32, 7)
const wardId = '3f1c8f0e-2b7a-4c55-9d0e-5a1b2c3d4e5f'
const key = deriveWardSigningKey(secret, wardId)
const payload: CertificatePayload = {
	keyId: key.keyId,
	code: 'K7M2Q-9XH4T',
	wardCode: '05977',
	trackId: 'citizen',
	issuedOn: '2026-12-07',
	maskedName: 'N*** V** A*',
}
// What an offline verifier has: only the published raw public key.
const published = new Map([[key.keyId, publicKeyFromRaw(key.publicKeyRaw)]])

describe('certificate signatures', () => {
	test('a signed payload verifies with the published public key alone', () => {
		const token = signCertificatePayload(payload, key.privateKey)
		expect(verifyCertificatePayload(token, published)).toEqual(payload)
		expect(keyIdOf(Buffer.from(key.publicKeyRaw, 'base64url'))).toBe(key.keyId)
	})

	test('a tampered payload fails', () => {
		const token = signCertificatePayload(payload, key.privateKey)
		const [, signature] = token.split('.')
		for (const change of [
			{ maskedName: 'T*** T** B*' },
			{ issuedOn: '2025-01-01' },
			{ trackId: 'elderly' },
		]) {
			const forged = Buffer.from(
				['1', ...Object.values({ ...payload, ...change })].join('|'),
				'utf8',
			).toString('base64url')
			expect(readCertificatePayload(`${forged}.${signature}`)).not.toBeNull()
			expect(verifyCertificatePayload(`${forged}.${signature}`, published)).toBeNull()
		}
		const flipped = Buffer.from(token.split('.')[0]!, 'base64url')
		flipped[5] = flipped[5]! ^ 1
		expect(verifyCertificatePayload(`${flipped.toString('base64url')}.${signature}`, published)).toBeNull()
	})

	test('a signature from another key fails, also when it claims the right key id', () => {
		const otherWard = deriveWardSigningKey(secret, crypto.randomUUID())
		const otherInstallation = deriveWardSigningKey(Buffer.alloc(32, 8), wardId)
		expect(otherWard.keyId).not.toBe(key.keyId)
		expect(otherInstallation.keyId).not.toBe(key.keyId)
		for (const other of [otherWard, otherInstallation]) {
			const token = signCertificatePayload(payload, other.privateKey)
			expect(verifyCertificatePayload(token, published)).toBeNull()
		}
		const unknownKeyId = signCertificatePayload({ ...payload, keyId: otherWard.keyId }, otherWard.privateKey)
		expect(verifyCertificatePayload(unknownKeyId, published)).toBeNull()
	})

	test('the same secret and ward always give the same key; malformed tokens are refused', () => {
		expect(deriveWardSigningKey(secret, wardId.toUpperCase()).publicKeyRaw).toBe(key.publicKeyRaw)
		for (const bad of ['', 'abc', 'a.b.c', '.', `${Buffer.from('2|x').toString('base64url')}.AA`]) {
			expect(verifyCertificatePayload(bad, published)).toBeNull()
		}
		expect(() => signCertificatePayload({ ...payload, maskedName: 'A|B' }, key.privateKey)).toThrow()
	})
})

describe('maskFullName', () => {
	test('keeps initials only, at most three stars a word', () => {
		expect(maskFullName('Nguyễn Văn An')).toBe('N*** V** A*')
		expect(maskFullName('  đặng   thị  Ánh ')).toBe('Đ*** T** Á**')
		expect(maskFullName('Y')).toBe('Y')
	})
})
