import crypto from 'node:crypto'
import type { AppServices } from '#server/app-services.server.ts'
import { normalizeCertificateCode } from '#server/certification/certificate-code.ts'
import { findCertificateByCode } from '#server/certification/certificate-record.server.ts'
import { maskFullName, verifyCertificatePayload } from '#server/certification/signed-payload.ts'
import { wardSigningKey } from '#server/certification/signing-key.server.ts'
import { hitRateLimit, type RateLimitRule, type RateLimitState } from '#server/security/rate-limit.server.ts'
import { wards } from '#server/ward/schema.ts'

/**
 * What the public verify page may show: validity, track, date, issuing ward and a masked name —
 * nothing else about the person (no id, no birth date, no group, not even the revocation reason,
 * which can say something about them).
 */
export type PublicVerification =
	| { state: 'unknown' }
	| {
			state: 'valid' | 'revoked'
			code: string
			trackNameVi: string
			trackNameEn: string
			issuedOn: string
			wardKind: 'ward' | 'commune'
			wardName: string
			provinceName: string
			maskedName: string
			/** YYYY-MM-DD in UTC (the day is what matters). */
			revokedOn: string | null
			/** The QR payload in the link: absent, signed by this ward's key for this code, or not. */
			signature: 'absent' | 'valid' | 'invalid'
	  }

/** Look-ups per address: plenty for a person or a ward office checking a pile of certificates. */
export const VERIFY_RATE_LIMIT: RateLimitRule = { limit: 60, windowMs: 60_000 }

/** Counts one look-up for the address, keyed by a keyed hash of it (the page is public). */
export async function countVerifyRequest(
	services: Pick<AppServices, 'db' | 'keyring'>,
	clientIp: string | null,
	now = new Date(),
): Promise<RateLimitState> {
	const who = crypto
		.createHmac('sha256', services.keyring.signingKey)
		.update(`verify:${clientIp ?? 'unknown'}`)
		.digest('base64url')
		.slice(0, 22)
	return hitRateLimit(services.db, `certificate-verify:ip:${who}`, VERIFY_RATE_LIMIT, now)
}

export async function verifyCertificate(
	services: Pick<AppServices, 'db' | 'env'>,
	codeInput: string,
	token: string | null,
): Promise<PublicVerification> {
	const code = normalizeCertificateCode(codeInput)
	if (!code) return { state: 'unknown' }
	const record = await findCertificateByCode(services.db, code)
	if (!record) return { state: 'unknown' }
	let signature: 'absent' | 'valid' | 'invalid' = 'absent'
	if (token) {
		const key = wardSigningKey(services.env, record.wardId)
		const payload = verifyCertificatePayload(token, new Map([[key.keyId, key.publicKey]]))
		signature = payload && payload.code === record.code ? 'valid' : 'invalid'
	}
	return {
		state: record.status,
		code: record.code,
		trackNameVi: record.trackNameVi,
		trackNameEn: record.trackNameEn,
		issuedOn: record.issuedOn,
		wardKind: record.wardKind,
		wardName: record.wardName,
		provinceName: record.provinceName,
		maskedName: maskFullName(record.fullName),
		revokedOn: record.revokedAt ? record.revokedAt.toISOString().slice(0, 10) : null,
		signature,
	}
}

export interface PublishedKey {
	wardCode: string
	wardName: string
	keyId: string
	algorithm: 'Ed25519'
	/** Raw 32-byte public key, base64url. */
	publicKey: string
	publicKeyPem: string
}

/** Every ward's certificate public key, for /xac-minh/khoa-cong-khai and its JSON. */
export async function listPublishedKeys(services: Pick<AppServices, 'db' | 'env'>): Promise<PublishedKey[]> {
	const rows = await services.db
		.select({ id: wards.id, code: wards.code, name: wards.name })
		.from(wards)
		.orderBy(wards.code)
	return rows.map((ward) => {
		const key = wardSigningKey(services.env, ward.id)
		return {
			wardCode: ward.code,
			wardName: ward.name,
			keyId: key.keyId,
			algorithm: 'Ed25519',
			publicKey: key.publicKeyRaw,
			publicKeyPem: key.publicKeyPem,
		}
	})
}
