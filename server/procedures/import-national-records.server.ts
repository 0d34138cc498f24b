import crypto from 'node:crypto'
import { eq, inArray, sql } from 'drizzle-orm'
import { canonicalJson } from '#server/audit/canonical-json.ts'
import type { Database } from '#server/db/client.server.ts'
import { bulkInsert } from '#server/demo/bulk-insert.server.ts'
import { bumpKnowledgeBaseRevision } from '#server/procedures/kb-state.server.ts'
import { type NationalRecord, NationalRecordSchema } from '#server/procedures/national-record.ts'
import { isWardLevel, parseNationalRecord } from '#server/procedures/parse-national-record.ts'
import type { ProcedureFieldName, ProcedureFields } from '#server/procedures/procedure-fields.ts'
import type { JsonLine } from '#server/procedures/read-national-file.server.ts'
import { procedureRevisions, procedures } from '#server/procedures/schema.ts'

// Bump when parseNationalRecord changes what it derives: every record is then re-derived on the next
// import (the ward's corrections, notes and flags are kept).
const PARSER_VERSION = 1
// Imports of the knowledge base are serialised across app servers (first start on several at once).
const IMPORT_LOCK = 7_310_463_009

export interface ImportProblem {
	line: number
	message: string
}

export interface NationalImportSummary {
	ok: boolean
	/** Lines read (non-empty). */
	read: number
	created: number
	updated: number
	unchanged: number
	/** Records in the database that this file does not hold (kept, with their history). */
	notInFile: number
	problems: ImportProblem[]
}

interface PreparedRecord {
	code: string
	fields: ProcedureFields
	hash: string
	sourceUrl: string
	ministry: string
}

/** Validates every line first; nothing is written unless all lines are valid (all-or-nothing). */
export async function prepareNationalRecords(
	lines: AsyncIterable<JsonLine> | Iterable<JsonLine>,
): Promise<{ records: PreparedRecord[]; problems: ImportProblem[]; read: number }> {
	const records: PreparedRecord[] = []
	const problems: ImportProblem[] = []
	const seen = new Map<string, number>()
	let read = 0
	for await (const { line, value, error } of lines) {
		read++
		if (error) {
			problems.push({ line, message: `không phải JSON hợp lệ (${error})` })
			continue
		}
		const parsed = NationalRecordSchema.safeParse(value)
		if (!parsed.success) {
			const issue = parsed.error.issues[0]
			problems.push({
				line,
				message: `${issue?.path.join('.') || 'bản ghi'}: ${issue?.message ?? 'không hợp lệ'}`,
			})
			continue
		}
		const record = parsed.data
		const earlier = seen.get(record.ma_thu_tuc)
		if (earlier !== undefined) {
			problems.push({ line, message: `mã thủ tục ${record.ma_thu_tuc} trùng với dòng ${earlier}` })
			continue
		}
		seen.set(record.ma_thu_tuc, line)
		records.push(prepare(record))
	}
	return { records, problems, read }
}

function prepare(record: NationalRecord): PreparedRecord {
	return {
		code: record.ma_thu_tuc,
		fields: parseNationalRecord(record),
		hash: crypto
			.createHash('sha256')
			.update(`${PARSER_VERSION}\n${canonicalJson(record)}`)
			.digest('hex'),
		sourceUrl: record.detail_url,
		ministry: record.bo_nganh,
	}
}

/**
 * Imports national procedure records (the portal's format, one JSON object a line). New codes are
 * created; changed records get the new national fields while the ward's corrections, notes, keywords
 * and a staff-set "handled at the ward" flag stay; unchanged records are skipped (a second import of
 * the same file writes nothing but the revision). One transaction: all or nothing.
 */
export async function importNationalRecords(
	db: Database,
	lines: AsyncIterable<JsonLine> | Iterable<JsonLine>,
	options: { actorLabel: string; actorUserId?: string | null },
): Promise<NationalImportSummary> {
	const { records, problems, read } = await prepareNationalRecords(lines)
	const summary: NationalImportSummary = {
		ok: problems.length === 0,
		read,
		created: 0,
		updated: 0,
		unchanged: 0,
		notInFile: 0,
		problems,
	}
	if (!summary.ok) return summary
	await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`)
		const existing = new Map(
			(
				await tx
					.select({
						code: procedures.code,
						hash: procedures.nationalHash,
						version: procedures.version,
						flagSource: procedures.handledAtWardSource,
					})
					.from(procedures)
			).map((row) => [row.code, row]),
		)
		const fresh = records.filter((r) => !existing.has(r.code))
		const changed = records.filter((r) => existing.has(r.code) && existing.get(r.code)?.hash !== r.hash)
		summary.created = fresh.length
		summary.updated = changed.length
		summary.unchanged = records.length - fresh.length - changed.length
		const inFile = new Set(records.map((r) => r.code))
		summary.notInFile = [...existing.keys()].filter((code) => !inFile.has(code)).length
		const actor = { actorLabel: options.actorLabel, actorUserId: options.actorUserId ?? null }

		await bulkInsert(
			tx,
			procedures,
			fresh.map((r) => ({
				code: r.code,
				national: r.fields,
				nationalHash: r.hash,
				sourceUrl: r.sourceUrl,
				ministry: r.ministry,
				handledAtWard: isWardLevel(r.fields.levels),
			})),
		)
		await bulkInsert(
			tx,
			procedureRevisions,
			fresh.map((r) => ({ procedureCode: r.code, kind: 'imported' as const, version: 1, ...actor })),
		)
		for (const batch of chunks(changed, 200)) {
			const before = new Map(
				(
					await tx
						.select({ code: procedures.code, national: procedures.national })
						.from(procedures)
						.where(
							inArray(
								procedures.code,
								batch.map((r) => r.code),
							),
						)
				).map((row) => [row.code, row.national]),
			)
			for (const r of batch) {
				const row = existing.get(r.code)
				if (!row) continue
				const version = row.version + 1
				await tx
					.update(procedures)
					.set({
						national: r.fields,
						nationalHash: r.hash,
						sourceUrl: r.sourceUrl,
						ministry: r.ministry,
						...(row.flagSource === 'national' ? { handledAtWard: isWardLevel(r.fields.levels) } : {}),
						version,
						updatedAt: new Date(),
					})
					.where(eq(procedures.code, r.code))
				const fieldsChanged = changedFields(before.get(r.code), r.fields)
				await tx.insert(procedureRevisions).values({
					procedureCode: r.code,
					kind: 'nationalUpdated',
					version,
					changes: { fields: fieldsChanged },
					...actor,
				})
			}
		}
		if (fresh.length > 0 || changed.length > 0 || existing.size === 0) {
			await bumpKnowledgeBaseRevision(tx, { importedAt: new Date(), recordCount: records.length })
		}
	})
	return summary
}

function changedFields(before: ProcedureFields | undefined, after: ProcedureFields): ProcedureFieldName[] {
	if (!before) return Object.keys(after) as ProcedureFieldName[]
	return (Object.keys(after) as ProcedureFieldName[]).filter(
		(key) => canonicalJson(before[key]) !== canonicalJson(after[key]),
	)
}

function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = []
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
	return out
}
