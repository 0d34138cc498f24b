import crypto from 'node:crypto'

/*
 * The compact signed payload the certificate's QR code carries after the verify URL
 * (…/xac-minh/<code>?ky=<payload>). Fields joined by "|" (none may contain it), UTF-8, base64url; then
 * "." and the Ed25519 signature of those payload bytes, base64url. Anyone holding the ward's public key
 * (published at /xac-minh/khoa-cong-khai) can check offline that the ward issued exactly this; whether it
 * was revoked since can only be known online, on the verify page. See docs/decisions/013-certificate-signatures.md.
 */

export const PAYLOAD_VERSION = '1'

export interface CertificatePayload {
	/** Which of the ward's public keys signed it. */
	keyId: string
	code: string
	/** The ward's code (mã phường/xã). */
	wardCode: string
	trackId: string
	/** YYYY-MM-DD */
	issuedOn: string
	/** "N*** V** A*": enough to tell it is the bearer's, nothing more. */
	maskedName: string
}

const FIELD_ORDER = ['keyId', 'code', 'wardCode', 'trackId', 'issuedOn', 'maskedName'] as const

function encodeFields(payload: CertificatePayload): Buffer {
	const values = FIELD_ORDER.map((field) => {
		const value = payload[field]
		if (value.includes('|')) throw new Error(`Certificate payload field ${field} contains "|"`)
		return value
	})
	return Buffer.from([PAYLOAD_VERSION, ...values].join('|'), 'utf8')
}

/** "<payload>.<signature>", both base64url: what goes in the QR code's `ky` parameter. */
export function signCertificatePayload(payload: CertificatePayload, privateKey: crypto.KeyObject): string {
	const bytes = encodeFields(payload)
	const signature = crypto.sign(null, bytes, privateKey)
	return `${bytes.toString('base64url')}.${signature.toString('base64url')}`
}

/** Reads the payload without checking it (to pick the key by its id). Null when malformed. */
export function readCertificatePayload(token: string): CertificatePayload | null {
	const [encoded, signature, extra] = token.split('.')
	if (!encoded || !signature || extra !== undefined) return null
	const parts = Buffer.from(encoded, 'base64url').toString('utf8').split('|')
	if (parts.length !== FIELD_ORDER.length + 1 || parts[0] !== PAYLOAD_VERSION) return null
	const [, keyId, code, wardCode, trackId, issuedOn, maskedName] = parts as [string, ...string[]]
	if (!keyId || !code || !wardCode || !trackId || !issuedOn || !maskedName) return null
	if (!/^\d{4}-\d{2}-\d{2}$/.test(issuedOn)) return null
	return { keyId, code, wardCode, trackId, issuedOn, maskedName }
}

/**
 * The payload when its signature verifies with one of the given public keys (by key id), else null:
 * a tampered payload, a signature from another key or a malformed token all fail.
 */
export function verifyCertificatePayload(
	token: string,
	publicKeys: ReadonlyMap<string, crypto.KeyObject>,
): CertificatePayload | null {
	const payload = readCertificatePayload(token)
	if (!payload) return null
	const key = publicKeys.get(payload.keyId)
	if (!key) return null
	const [encoded, signature] = token.split('.') as [string, string]
	const ok = crypto.verify(null, Buffer.from(encoded, 'base64url'), key, Buffer.from(signature, 'base64url'))
	return ok ? payload : null
}

/**
 * "Nguyễn Văn An" → "N*** V** A*": each word's first letter, then one star per further letter up to
 * three, so long names do not give their length away.
 */
export function maskFullName(fullName: string): string {
	return fullName
		.trim()
		.split(/\s+/)
		.filter(Boolean)
		.map((word) => {
			const letters = Array.from(word)
			return `${letters[0]?.toLocaleUpperCase('vi') ?? ''}${'*'.repeat(Math.min(letters.length - 1, 3))}`
		})
		.join(' ')
}
