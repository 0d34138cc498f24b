import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { generateCertificateCode } from '#server/certification/certificate-code.ts'
import {
	type CertificationListRow,
	parseCertificationList,
} from '#server/certification/import/parse-certification-list.ts'
import { todayInWard } from '#server/certification/issue-certificate.server.ts'
import {
	type CertificateImportCounts,
	certificateImports,
	certificates,
	type ExternalCertificateSource,
} from '#server/certification/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { learningTracks } from '#server/learning/schema.ts'
import { isImportFileError } from '#server/people/import/import-file-error.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import { residents } from '#server/people/schema.ts'
import { decryptField, encryptField, lookupHash } from '#server/security/personal-data.server.ts'

/*
 * Importing certifications confirmed elsewhere (issue 6 item 7): upload → preview (matched, unmatched,
 * duplicate, already certified, invalid) → commit in one transaction. Matching is by the keyed hash of
 * the personal ID, the same look-up the registry uses; nothing is matched by name. A second import of
 * the same list finds everyone already certified and issues nothing.
 */

export type RowStatus = 'matched' | 'alreadyCertified' | 'unmatched' | 'duplicate' | 'invalid'

export interface ClassifiedRow extends CertificationListRow {
	status: RowStatus
	residentId?: string
	/** The registry's name for a matched resident (the list's spelling may differ). */
	residentName?: string
}

const LOOKUP_CHUNK = 1000

export type PrepareResult =
	| { ok: true; importId: string; counts: CertificateImportCounts }
	| { ok: false; messageVi: string; messageEn: string }

export async function prepareCertificationImport(
	services: Pick<AppServices, 'db' | 'keyring'>,
	input: {
		wardId: string
		source: ExternalCertificateSource
		trackId: string
		fileName: string
		bytes: Buffer
		userId: string | null
	},
): Promise<PrepareResult> {
	const [track] = await services.db
		.select({ id: learningTracks.id })
		.from(learningTracks)
		.where(eq(learningTracks.id, input.trackId))
	if (!track) return { ok: false, messageVi: 'Lộ trình không tồn tại.', messageEn: 'No such track.' }
	let parsed: ReturnType<typeof parseCertificationList>
	try {
		const workbook = await readImportFile(input.bytes, { fileName: input.fileName })
		parsed = parseCertificationList(workbook, todayInWard())
	} catch (error) {
		if (!isImportFileError(error)) throw error
		return { ok: false, messageVi: error.messageVi, messageEn: error.messageEn }
	}
	if (!parsed.ok) return parsed
	if (parsed.rows.length === 0) {
		return {
			ok: false,
			messageVi: 'Tệp có dòng tiêu đề nhưng không có dòng dữ liệu nào.',
			messageEn: 'The file has a header row but no data rows.',
		}
	}
	const classified = await classifyRows(services, input.wardId, input.trackId, parsed.rows)
	const counts = countRows(classified)
	const [row] = await services.db
		.insert(certificateImports)
		.values({
			wardId: input.wardId,
			source: input.source,
			trackId: input.trackId,
			fileName: input.fileName.slice(0, 200) || 'danh-sach.xlsx',
			// The rows hold personal IDs: encrypted like every identifier at rest.
			rowsEncrypted: encryptField(services.keyring, JSON.stringify(parsed.rows)),
			counts,
			createdBy: input.userId,
		})
		.returning({ id: certificateImports.id })
	return { ok: true, importId: row!.id, counts }
}

/** Matches each row to a resident of the ward by the keyed hash of its personal ID. */
export async function classifyRows(
	services: Pick<AppServices, 'keyring'> & { db: Database },
	wardId: string,
	trackId: string,
	rows: CertificationListRow[],
): Promise<ClassifiedRow[]> {
	const hashes = new Map<string, string>()
	for (const row of rows) {
		if (row.personalId && !row.error)
			hashes.set(row.personalId, lookupHash(services.keyring, 'personalId', row.personalId))
	}
	const residentByHash = new Map<string, { id: string; fullName: string }>()
	const allHashes = [...new Set(hashes.values())]
	for (let i = 0; i < allHashes.length; i += LOOKUP_CHUNK) {
		const found = await services.db
			.select({ id: residents.id, fullName: residents.fullName, hash: residents.personalIdHash })
			.from(residents)
			.where(
				and(
					eq(residents.wardId, wardId),
					inArray(residents.personalIdHash, allHashes.slice(i, i + LOOKUP_CHUNK)),
				),
			)
		for (const r of found) if (r.hash) residentByHash.set(r.hash, { id: r.id, fullName: r.fullName })
	}
	const residentIds = [...new Set([...residentByHash.values()].map((r) => r.id))]
	const certified = new Set<string>()
	for (let i = 0; i < residentIds.length; i += LOOKUP_CHUNK) {
		const held = await services.db
			.select({ residentId: certificates.residentId })
			.from(certificates)
			.where(
				and(
					eq(certificates.trackId, trackId),
					eq(certificates.status, 'valid'),
					inArray(certificates.residentId, residentIds.slice(i, i + LOOKUP_CHUNK)),
				),
			)
		for (const h of held) certified.add(h.residentId)
	}
	const seen = new Set<string>()
	return rows.map((row): ClassifiedRow => {
		if (row.error || !row.personalId) return { ...row, status: 'invalid' }
		if (seen.has(row.personalId)) return { ...row, status: 'duplicate' }
		seen.add(row.personalId)
		const resident = residentByHash.get(hashes.get(row.personalId)!)
		if (!resident) return { ...row, status: 'unmatched' }
		const status = certified.has(resident.id) ? 'alreadyCertified' : 'matched'
		return { ...row, status, residentId: resident.id, residentName: resident.fullName }
	})
}

export function countRows(rows: ClassifiedRow[], issued = 0): CertificateImportCounts {
	const counts: CertificateImportCounts = {
		rows: rows.length,
		matched: 0,
		unmatched: 0,
		duplicate: 0,
		alreadyCertified: 0,
		invalid: 0,
		issued,
	}
	for (const row of rows) counts[row.status]++
	return counts
}

export type CertificateImport = typeof certificateImports.$inferSelect

/** The import with its rows classified against the registry as it is now. */
export async function readCertificationImport(
	services: Pick<AppServices, 'db' | 'keyring'>,
	wardId: string,
	importId: string,
): Promise<{ batch: CertificateImport; rows: ClassifiedRow[]; counts: CertificateImportCounts } | null> {
	const [batch] = await services.db
		.select()
		.from(certificateImports)
		.where(and(eq(certificateImports.id, importId), eq(certificateImports.wardId, wardId)))
	if (!batch) return null
	const rows = JSON.parse(decryptField(services.keyring, batch.rowsEncrypted)) as CertificationListRow[]
	if (batch.status === 'committed') return { batch, rows: rows.map(asCommitted), counts: batch.counts }
	const classified = await classifyRows(services, wardId, batch.trackId, rows)
	return { batch, rows: classified, counts: countRows(classified) }
}

// After the commit the stored counts are the record; rows keep only what the unmatched report needs.
function asCommitted(row: CertificationListRow): ClassifiedRow {
	return { ...row, status: row.error ? 'invalid' : 'unmatched' }
}

export async function listCertificationImports(db: Database, wardId: string): Promise<CertificateImport[]> {
	return db
		.select()
		.from(certificateImports)
		.where(eq(certificateImports.wardId, wardId))
		.orderBy(desc(certificateImports.createdAt))
		.limit(20)
}

export type CommitResult =
	| { ok: true; counts: CertificateImportCounts }
	| { ok: false; reason: 'notFound' | 'alreadyCommitted' }

/**
 * Issues the matched rows' certificates in one transaction, with one audit entry for the import. The
 * rows are classified again inside the transaction (the registry may have changed since the preview)
 * and the partial unique index skips anyone certified meanwhile: nothing is ever issued twice.
 */
export async function commitCertificationImport(
	services: Pick<AppServices, 'db' | 'keyring'>,
	input: {
		wardId: string
		importId: string
		userId: string | null
		actorLabel: string | null
		requestId?: string | null
		ip?: string | null
	},
): Promise<CommitResult> {
	return services.db.transaction(async (tx) => {
		const [batch] = await tx
			.select()
			.from(certificateImports)
			.where(and(eq(certificateImports.id, input.importId), eq(certificateImports.wardId, input.wardId)))
			.for('update')
		if (!batch) return { ok: false, reason: 'notFound' } as const
		if (batch.status === 'committed') return { ok: false, reason: 'alreadyCommitted' } as const
		const rows = JSON.parse(decryptField(services.keyring, batch.rowsEncrypted)) as CertificationListRow[]
		const classified = await classifyRows(
			{ db: tx, keyring: services.keyring },
			input.wardId,
			batch.trackId,
			rows,
		)
		const today = todayInWard()
		const toIssue = classified.filter((row) => row.status === 'matched')
		let issued = 0
		for (let i = 0; i < toIssue.length; i += LOOKUP_CHUNK) {
			const inserted = await tx
				.insert(certificates)
				.values(
					toIssue.slice(i, i + LOOKUP_CHUNK).map((row) => ({
						wardId: input.wardId,
						residentId: row.residentId!,
						trackId: batch.trackId,
						code: generateCertificateCode(),
						basis: batch.source,
						sourceId: row.reference ?? null,
						importId: batch.id,
						issuedOn: row.issuedOn ?? today,
						issuedBy: input.userId,
					})),
				)
				.onConflictDoNothing({
					target: [certificates.residentId, certificates.trackId],
					where: sql`${certificates.status} = 'valid'`,
				})
				.returning({ id: certificates.id })
			issued += inserted.length
		}
		const counts = countRows(classified, issued)
		// Keep only the rows that did not become certificates: the unmatched report stays downloadable.
		const leftOver = rows.filter(
			(_, index) => classified[index]!.status === 'unmatched' || classified[index]!.status === 'invalid',
		)
		await tx
			.update(certificateImports)
			.set({
				status: 'committed',
				counts,
				committedBy: input.userId,
				committedAt: new Date(),
				rowsEncrypted: encryptField(services.keyring, JSON.stringify(leftOver)),
			})
			.where(eq(certificateImports.id, batch.id))
		await recordAudit(tx, {
			actor: { userId: input.userId, label: input.actorLabel, wardId: input.wardId },
			action: 'certificate.imported',
			entityType: 'certificate_import',
			entityId: batch.id,
			requestId: input.requestId ?? null,
			ip: input.ip ?? null,
			details: { source: batch.source, trackId: batch.trackId, ...counts },
		})
		return { ok: true, counts } as const
	})
}
