import { and, eq } from 'drizzle-orm'
import { type CertificateBasis, type CertificateStatus, certificates } from '#server/certification/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { learningTracks } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'
import { wards } from '#server/ward/schema.ts'

/** A certificate with what the PDF, the verify page and the staff pages show about it. */
export interface CertificateRecord {
	id: string
	code: string
	status: CertificateStatus
	basis: CertificateBasis
	issuedOn: string
	revokedReason: string | null
	revokedAt: Date | null
	trackId: string
	trackNameVi: string
	trackNameEn: string
	residentId: string
	residentGroupId: string | null
	fullName: string
	wardId: string
	wardCode: string
	wardName: string
	wardKind: 'ward' | 'commune'
	provinceName: string
}

function selectRecords(db: Database) {
	return db
		.select({
			id: certificates.id,
			code: certificates.code,
			status: certificates.status,
			basis: certificates.basis,
			issuedOn: certificates.issuedOn,
			revokedReason: certificates.revokedReason,
			revokedAt: certificates.revokedAt,
			trackId: certificates.trackId,
			trackNameVi: learningTracks.nameVi,
			trackNameEn: learningTracks.nameEn,
			residentId: certificates.residentId,
			residentGroupId: residents.residentialGroupId,
			fullName: residents.fullName,
			wardId: certificates.wardId,
			wardCode: wards.code,
			wardName: wards.name,
			wardKind: wards.kind,
			provinceName: wards.provinceName,
		})
		.from(certificates)
		.innerJoin(learningTracks, eq(learningTracks.id, certificates.trackId))
		.innerJoin(residents, eq(residents.id, certificates.residentId))
		.innerJoin(wards, eq(wards.id, certificates.wardId))
}

/** By its public code (already normalised), in any ward: the verify page's look-up. */
export async function findCertificateByCode(
	db: Database,
	code: string,
): Promise<CertificateRecord | undefined> {
	const [row] = await selectRecords(db).where(eq(certificates.code, code))
	return row
}

export async function findCertificate(
	db: Database,
	wardId: string,
	id: string,
): Promise<CertificateRecord | undefined> {
	const [row] = await selectRecords(db).where(and(eq(certificates.wardId, wardId), eq(certificates.id, id)))
	return row
}
