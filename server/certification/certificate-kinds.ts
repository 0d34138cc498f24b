/** Certificate vocabularies, browser-safe (pages render them as options; schema.ts builds columns from them). */

/** Why the certificate exists: earned in hocvuso, or confirmed elsewhere and imported. */
export const certificateBases = ['final_assessment', 'oral_assessment', 'national_platform', 'vneid'] as const
export type CertificateBasis = (typeof certificateBases)[number]

/** The two bases whose lists are imported. */
export const externalCertificateSources = ['national_platform', 'vneid'] as const
export type ExternalCertificateSource = (typeof externalCertificateSources)[number]

export const certificateStatuses = ['valid', 'revoked'] as const
export type CertificateStatus = (typeof certificateStatuses)[number]
