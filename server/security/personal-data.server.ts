import crypto from 'node:crypto'
import type { Keyring } from '#server/security/keyring.server.ts'

const FORMAT = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

/** AES-256-GCM; the output is `v1.<base64url(iv | tag | ciphertext)>`. */
export function encryptField(keyring: Keyring, plaintext: string): string {
	const iv = crypto.randomBytes(IV_BYTES)
	const cipher = crypto.createCipheriv('aes-256-gcm', keyring.encryptionKey, iv)
	const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
	return `${FORMAT}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
}

/** Decrypts a value from `encryptField`; throws if it was tampered with or the key is wrong. */
export function decryptField(keyring: Keyring, stored: string): string {
	const [format, payload] = stored.split('.')
	if (format !== FORMAT || !payload) throw new Error('Unknown encrypted field format')
	const raw = Buffer.from(payload, 'base64url')
	const iv = raw.subarray(0, IV_BYTES)
	const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES)
	const decipher = crypto.createDecipheriv('aes-256-gcm', keyring.encryptionKey, iv)
	decipher.setAuthTag(tag)
	return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
		'utf8',
	)
}

/** Keyed hash (HMAC-SHA-256) for exact look-up without storing the value in clear. */
export function lookupHash(keyring: Keyring, kind: 'personalId' | 'phone', value: string): string {
	return crypto.createHmac('sha256', keyring.hashKey).update(`${kind}:${value}`).digest('base64url')
}

/**
 * Normalises a Vietnamese phone number to its national form (0xxxxxxxxx), the same way the import
 * does (import/parse-phone.ts validates it too): +84/84 becomes 0, and a leading zero dropped by a
 * spreadsheet that stored the number as a number is put back.
 */
export function normalizePhone(input: string): string {
	const digits = input.replace(/\D/g, '')
	if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) return `0${digits.slice(2)}`
	if (!digits.startsWith('0') && (digits.length === 9 || digits.length === 10)) return `0${digits}`
	return digits
}

/** "001234567890" → "0012******90": enough to recognise, not to reuse. */
export function maskPersonalId(value: string): string {
	if (value.length < 6) return '*'.repeat(value.length)
	return `${value.slice(0, 4)}${'*'.repeat(value.length - 6)}${value.slice(-2)}`
}

/** "0912345678" → "091****678". */
export function maskPhone(value: string): string {
	if (value.length < 7) return '*'.repeat(value.length)
	return `${value.slice(0, 3)}${'*'.repeat(value.length - 6)}${value.slice(-3)}`
}

/** Encrypts a personal ID or phone and computes its look-up hash in one step. */
export function protectField(
	keyring: Keyring,
	kind: 'personalId' | 'phone',
	value: string,
): { cipher: string; hash: string } {
	return { cipher: encryptField(keyring, value), hash: lookupHash(keyring, kind, value) }
}
