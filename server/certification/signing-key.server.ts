import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Env } from '#server/config/env.server.ts'

/*
 * Certificate signing keys (docs/decisions/013-certificate-signatures.md). The installation holds one
 * 32-byte secret, CERTIFICATE_SIGNING_KEY (generated into the data folder in demo mode, like keys.json);
 * each ward's Ed25519 key pair is derived from it with HKDF and the ward id, so every app server of a
 * province derives the same keys without storing private keys in the database, and each ward publishes
 * its own public key. It is apart from SESSION_SECRET on purpose: rotating the session secret must not
 * change the key printed certificates are checked against.
 */

const SEED_BYTES = 32
// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): node:crypto imports private keys in this form.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const SPKI_ED25519_PREFIX_LENGTH = 12

export interface WardSigningKey {
	/** Short id of the public key, carried in every payload so a verifier picks the right key. */
	keyId: string
	privateKey: crypto.KeyObject
	publicKey: crypto.KeyObject
	/** The 32-byte raw public key, base64url: what offline verifiers need. */
	publicKeyRaw: string
	publicKeyPem: string
}

function decodeSeed(value: string, name: string): Buffer {
	const seed = Buffer.from(value, 'base64')
	if (seed.length !== SEED_BYTES) {
		throw new Error(`${name} phải là ${SEED_BYTES} byte mã hóa base64 / must be ${SEED_BYTES} bytes, base64`)
	}
	return seed
}

export function generateCertificateSigningSecret(): string {
	return crypto.randomBytes(SEED_BYTES).toString('base64')
}

/**
 * The installation's certificate secret: CERTIFICATE_SIGNING_KEY, or in demo mode the one generated
 * once into DATA_DIR/certificate-key.json (mode 0600). Outside demo mode a missing key is an error
 * with the fix in it, raised when a certificate is first signed.
 */
export function loadCertificateSecret(
	env: Pick<Env, 'CERTIFICATE_SIGNING_KEY' | 'DEMO' | 'dataDir'>,
): Buffer {
	if (env.CERTIFICATE_SIGNING_KEY) return decodeSeed(env.CERTIFICATE_SIGNING_KEY, 'CERTIFICATE_SIGNING_KEY')
	if (!env.DEMO) {
		throw new Error(
			'Thiếu khóa ký giấy chứng nhận: đặt CERTIFICATE_SIGNING_KEY (chạy `hocvuso keys generate`).\n' +
				'Missing certificate signing key: set CERTIFICATE_SIGNING_KEY (run `hocvuso keys generate`).',
		)
	}
	const file = path.join(env.dataDir, 'certificate-key.json')
	if (!fs.existsSync(file)) {
		fs.mkdirSync(env.dataDir, { recursive: true })
		const content = `${JSON.stringify({ secret: generateCertificateSigningSecret() }, null, 2)}\n`
		// 'wx': two processes starting together never overwrite each other's key.
		try {
			fs.writeFileSync(file, content, { mode: 0o600, flag: 'wx' })
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
		}
	}
	const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { secret?: string }
	return decodeSeed(stored.secret ?? '', 'certificate-key.json')
}

/** The ward's key pair, derived from the installation secret (HKDF-SHA256, info = ward id). */
export function deriveWardSigningKey(secret: Buffer, wardId: string): WardSigningKey {
	const seed = Buffer.from(
		crypto.hkdfSync(
			'sha256',
			secret,
			'hocvuso certificate signing',
			`ward:${wardId.toLowerCase()}`,
			SEED_BYTES,
		),
	)
	const privateKey = crypto.createPrivateKey({
		key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
		format: 'der',
		type: 'pkcs8',
	})
	const publicKey = crypto.createPublicKey(privateKey)
	const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX_LENGTH)
	return {
		keyId: keyIdOf(raw),
		privateKey,
		publicKey,
		publicKeyRaw: raw.toString('base64url'),
		publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
	}
}

/** First 8 bytes of the SHA-256 of the raw public key, base64url (11 characters). */
export function keyIdOf(rawPublicKey: Buffer): string {
	return crypto.createHash('sha256').update(rawPublicKey).digest().subarray(0, 8).toString('base64url')
}

/** A public key from its raw base64url form, as a verifier holding only the published key builds it. */
export function publicKeyFromRaw(raw: string): crypto.KeyObject {
	const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex')
	return crypto.createPublicKey({
		key: Buffer.concat([spkiPrefix, Buffer.from(raw, 'base64url')]),
		format: 'der',
		type: 'spki',
	})
}

const cache = new Map<string, WardSigningKey>()

/** The ward's signing key for this process (derivation is cheap, but the secret is read once). */
export function wardSigningKey(
	env: Pick<Env, 'CERTIFICATE_SIGNING_KEY' | 'DEMO' | 'dataDir'>,
	wardId: string,
): WardSigningKey {
	const cacheKey = `${env.CERTIFICATE_SIGNING_KEY ?? env.dataDir}|${wardId}`
	let key = cache.get(cacheKey)
	if (!key) {
		key = deriveWardSigningKey(loadCertificateSecret(env), wardId)
		cache.set(cacheKey, key)
	}
	return key
}
