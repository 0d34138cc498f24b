import type { AppServices } from '#server/app-services.server.ts'
import type { CertificateRecord } from '#server/certification/certificate-record.server.ts'
import { maskFullName, signCertificatePayload } from '#server/certification/signed-payload.ts'
import { wardSigningKey } from '#server/certification/signing-key.server.ts'

/** The verify page's path for a code. */
export function verifyPath(code: string): string {
	return `/xac-minh/${code}`
}

/**
 * What the QR code encodes: the verify URL with the signed payload in `ky`, so a phone opens the page
 * and an offline checker can verify the signature with the ward's public key.
 */
export function certificateQrUrl(
	services: Pick<AppServices, 'env'>,
	record: CertificateRecord,
	baseUrl: string,
): string {
	const key = wardSigningKey(services.env, record.wardId)
	const token = signCertificatePayload(
		{
			keyId: key.keyId,
			code: record.code,
			wardCode: record.wardCode,
			trackId: record.trackId,
			issuedOn: record.issuedOn,
			maskedName: maskFullName(record.fullName),
		},
		key.privateKey,
	)
	return `${baseUrl.replace(/\/+$/, '')}${verifyPath(record.code)}?ky=${token}`
}
