import { and, count, desc, eq, like, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { normalizeCertificateCode } from '#server/certification/certificate-code.ts'
import { certificateBases, certificateStatuses, certificates } from '#server/certification/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { learningTracks } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import { residentialGroups } from '#server/ward/schema.ts'

export const CERTIFICATE_PAGE_SIZE = 50

const optionalText = z
	.string()
	.trim()
	.max(100)
	.optional()
	.transform((v) => v || undefined)

/** The list's query string (Vietnamese names, like the residents list). Bad values are dropped. */
export const certificateListQuerySchema = z.object({
	q: optionalText,
	loTrinh: optionalText,
	canCu: z.enum(certificateBases).optional().catch(undefined),
	trangThai: z.enum(certificateStatuses).optional().catch(undefined),
	to: z.uuid().optional().catch(undefined),
	trang: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>

export function parseCertificateListQuery(params: URLSearchParams): CertificateListQuery {
	return certificateListQuerySchema.parse(Object.fromEntries(params))
}

export interface CertificateListItem {
	id: string
	code: string
	status: 'valid' | 'revoked'
	basis: (typeof certificateBases)[number]
	issuedOn: string
	trackId: string
	trackNameVi: string
	trackNameEn: string
	residentId: string
	fullName: string
	residentialGroupName: string | null
}

/**
 * Certificates of the residents in `scope` (residentScopeCondition for certificates.read), newest
 * first. `q` matches the name (without diacritics) or, when it looks like one, the code.
 */
export async function listCertificates(
	db: Database,
	input: { wardId: string; scope: SQL; query: CertificateListQuery },
): Promise<{ items: CertificateListItem[]; total: number; page: number; pageSize: number }> {
	const { query } = input
	const conditions: SQL[] = [eq(certificates.wardId, input.wardId), input.scope]
	if (query.q) {
		const code = normalizeCertificateCode(query.q)
		if (code) conditions.push(eq(certificates.code, code))
		else {
			const folded = foldVietnamese(query.q).replace(/[%_\\]/g, (c) => `\\${c}`)
			if (folded) conditions.push(like(residents.searchName, `%${folded}%`))
		}
	}
	if (query.loTrinh) conditions.push(eq(certificates.trackId, query.loTrinh))
	if (query.canCu) conditions.push(eq(certificates.basis, query.canCu))
	if (query.trangThai) conditions.push(eq(certificates.status, query.trangThai))
	if (query.to) conditions.push(eq(residents.residentialGroupId, query.to))
	const where = and(...conditions)
	const [totalRow] = await db
		.select({ n: count() })
		.from(certificates)
		.innerJoin(residents, eq(residents.id, certificates.residentId))
		.where(where)
	const items = await db
		.select({
			id: certificates.id,
			code: certificates.code,
			status: certificates.status,
			basis: certificates.basis,
			issuedOn: certificates.issuedOn,
			trackId: certificates.trackId,
			trackNameVi: learningTracks.nameVi,
			trackNameEn: learningTracks.nameEn,
			residentId: residents.id,
			fullName: residents.fullName,
			residentialGroupName: residentialGroups.name,
		})
		.from(certificates)
		.innerJoin(residents, eq(residents.id, certificates.residentId))
		.innerJoin(learningTracks, eq(learningTracks.id, certificates.trackId))
		.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
		.where(where)
		.orderBy(desc(certificates.issuedOn), desc(certificates.createdAt), desc(certificates.id))
		.limit(CERTIFICATE_PAGE_SIZE)
		.offset((query.trang - 1) * CERTIFICATE_PAGE_SIZE)
	return { items, total: totalRow?.n ?? 0, page: query.trang, pageSize: CERTIFICATE_PAGE_SIZE }
}

/** One resident's certificates (their detail page, their own list), newest first. */
export async function listResidentCertificates(
	db: Database,
	wardId: string,
	residentId: string,
): Promise<CertificateListItem[]> {
	return db
		.select({
			id: certificates.id,
			code: certificates.code,
			status: certificates.status,
			basis: certificates.basis,
			issuedOn: certificates.issuedOn,
			trackId: certificates.trackId,
			trackNameVi: learningTracks.nameVi,
			trackNameEn: learningTracks.nameEn,
			residentId: residents.id,
			fullName: residents.fullName,
			residentialGroupName: residentialGroups.name,
		})
		.from(certificates)
		.innerJoin(residents, eq(residents.id, certificates.residentId))
		.innerJoin(learningTracks, eq(learningTracks.id, certificates.trackId))
		.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
		.where(and(eq(certificates.wardId, wardId), eq(certificates.residentId, residentId)))
		.orderBy(desc(certificates.issuedOn), desc(certificates.createdAt))
}

/** Tracks for the filter (every track that exists, active or not: old certificates keep theirs). */
export async function listTrackOptions(db: Database) {
	return db
		.select({ id: learningTracks.id, nameVi: learningTracks.nameVi, nameEn: learningTracks.nameEn })
		.from(learningTracks)
		.orderBy(learningTracks.position)
}
