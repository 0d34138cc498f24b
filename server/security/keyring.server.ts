import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Keys that protect personal data at rest (Decree 13/2023/NĐ-CP): one for authenticated encryption,
 * one for the keyed hash used for exact look-up, one for signing (cookies, certificate QR codes).
 */
export interface Keyring {
	encryptionKey: Buffer
	hashKey: Buffer
	signingKey: Buffer
}

const KEY_BYTES = 32

function decodeKey(name: string, value: string): Buffer {
	const key = Buffer.from(value, 'base64')
	if (key.length !== KEY_BYTES) {
		throw new Error(`${name} phải là ${KEY_BYTES} byte mã hóa base64 / must be ${KEY_BYTES} bytes, base64`)
	}
	return key
}

export function generateKeyMaterial(): Record<'encryption' | 'hash' | 'signing', string> {
	return {
		encryption: crypto.randomBytes(KEY_BYTES).toString('base64'),
		hash: crypto.randomBytes(KEY_BYTES).toString('base64'),
		signing: crypto.randomBytes(KEY_BYTES).toString('base64'),
	}
}

export interface LoadKeyringOptions {
	encryptionKey?: string
	hashKey?: string
	signingKey?: string
	/** In demo mode, missing keys are generated once into this folder (file mode 0600). */
	generateInto?: string
}

/** Loads keys from the environment, or from (creating) `keys.json` in the data folder in demo mode. */
export function loadKeyring(options: LoadKeyringOptions): Keyring {
	if (options.encryptionKey && options.hashKey && options.signingKey) {
		return {
			encryptionKey: decodeKey('DATA_ENCRYPTION_KEY', options.encryptionKey),
			hashKey: decodeKey('DATA_HASH_KEY', options.hashKey),
			signingKey: decodeKey('SESSION_SECRET', options.signingKey),
		}
	}
	if (!options.generateInto) {
		throw new Error(
			'Thiếu khóa mã hóa: đặt DATA_ENCRYPTION_KEY, DATA_HASH_KEY và SESSION_SECRET (chạy `hocvuso keys generate`).\n' +
				'Missing keys: set DATA_ENCRYPTION_KEY, DATA_HASH_KEY and SESSION_SECRET (run `hocvuso keys generate`).',
		)
	}
	const file = path.join(options.generateInto, 'keys.json')
	if (!fs.existsSync(file)) {
		fs.mkdirSync(options.generateInto, { recursive: true })
		fs.writeFileSync(file, `${JSON.stringify(generateKeyMaterial(), null, 2)}\n`, { mode: 0o600 })
	}
	const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>
	return {
		encryptionKey: decodeKey('keys.json encryption', options.encryptionKey ?? stored.encryption ?? ''),
		hashKey: decodeKey('keys.json hash', options.hashKey ?? stored.hash ?? ''),
		signingKey: decodeKey('keys.json signing', options.signingKey ?? stored.signing ?? ''),
	}
}

/** A keyring for tests: fixed, never used outside them. */
export function createTestKeyring(): Keyring {
	return {
		encryptionKey: Buffer.alloc(KEY_BYTES, 1),
		hashKey: Buffer.alloc(KEY_BYTES, 2),
		signingKey: Buffer.alloc(KEY_BYTES, 3),
	}
}
