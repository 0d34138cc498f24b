import type { certificationVi } from '#app/i18n/certification.vi.ts'

export const certificationEn: Record<keyof typeof certificationVi, string> = {
	'nav.certificates': 'Certificates',

	'verify.title': 'Check a certificate',
	'verify.intro':
		'Enter the code printed on a “Bình dân học vụ số” certificate (for example K7M2Q-9XH4T) or scan the QR code on it.',
	'verify.codeLabel': 'Certificate code',
	'verify.codeHint': '10 characters; lower case is fine, the dash is optional.',
	'verify.submit': 'Check',
	'verify.resultTitle': 'Result for certificate {code}',
	'verify.state.valid': 'The certificate is valid',
	'verify.state.revoked': 'The certificate has been revoked',
	'verify.state.unknown': 'No certificate found',
	'verify.unknownHelp':
		'No certificate has this code. Check each character again, or contact the ward that issued it.',
	'verify.revokedHelp': 'This certificate has not been valid since {date}.',
	'verify.holder': 'Holder (masked)',
	'verify.track': 'Track',
	'verify.issuedOn': 'Issued on',
	'verify.issuedBy': 'Issued by',
	'verify.privacy': 'This page shows only a masked name and nothing else personal about the holder.',
	'verify.signature.valid':
		'The digital signature in the QR code matches the public key of {ward}: what is printed has not been altered.',
	'verify.signature.invalid':
		'The digital signature in the QR code does NOT match: the QR code or link may have been altered. Check with the issuing ward.',
	'verify.checkAnother': 'Check another certificate',
	'verify.keysLink': 'Public keys for checking signatures offline',
	'verify.rateLimited': 'Too many checks in one minute. Please try again in a few minutes.',
	'verify.invalidCode': 'A code has 10 letters and digits (no O, I, L, U, 0 or 1). Please type it again.',

	'verifyKeys.title': 'Certificate signing public keys',
	'verifyKeys.intro':
		'The QR code on each certificate holds its code, track, date, ward code and masked name, with the ward’s Ed25519 signature. With the public key below anyone can check the signature without a connection. Revocation can only be checked online, on the verify page.',
	'verifyKeys.format':
		'Format: the “ky” parameter of the QR code’s link is <payload>.<signature>, both base64url; the payload is the fields “1|key id|code|ward code|track|issue date|masked name” (UTF-8), signed with Ed25519 over exactly those bytes.',
	'verifyKeys.ward': 'Unit',
	'verifyKeys.keyId': 'Key id',
	'verifyKeys.publicKey': 'Public key (base64url, 32 bytes)',
	'verifyKeys.pem': 'Public key (PEM)',
	'verifyKeys.json': 'Download as JSON',
	'verifyKeys.unavailable': 'The certificate signing key is not configured on this server.',
}
