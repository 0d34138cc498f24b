import { eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import {
	effectiveFields,
	type ProcedureFieldName,
	type ProcedureFields,
	type ProcedureOverrides,
	staleOverrides,
} from '#server/procedures/procedure-fields.ts'
import { knowledgeDocuments, procedures } from '#server/procedures/schema.ts'

/** A procedure as people see it (national fields with the ward's corrections) plus what staff edit. */
export interface ProcedureRecord {
	code: string
	fields: ProcedureFields
	national: ProcedureFields
	overrides: ProcedureOverrides
	/** Corrections made against a national value that has changed since. */
	staleCorrections: ProcedureFieldName[]
	handledAtWard: boolean
	handledAtWardSource: 'national' | 'staff'
	localNote: string
	keywords: string
	sourceUrl: string
	version: number
	updatedAt: Date
}

/** One procedure by its national code, or null. */
export async function getProcedure(db: Database, code: string): Promise<ProcedureRecord | null> {
	const [row] = await db.select().from(procedures).where(eq(procedures.code, code))
	return row ? toRecord(row) : null
}

/** Several procedures by code, in no particular order. */
export async function getProcedures(db: Database, codes: readonly string[]): Promise<ProcedureRecord[]> {
	if (codes.length === 0) return []
	const rows = await db
		.select()
		.from(procedures)
		.where(inArray(procedures.code, [...codes]))
	return rows.map(toRecord)
}

function toRecord(row: typeof procedures.$inferSelect): ProcedureRecord {
	return {
		code: row.code,
		fields: effectiveFields(row.national, row.overrides),
		national: row.national,
		overrides: row.overrides,
		staleCorrections: staleOverrides(row.national, row.overrides),
		handledAtWard: row.handledAtWard,
		handledAtWardSource: row.handledAtWardSource,
		localNote: row.localNote,
		keywords: row.keywords,
		sourceUrl: row.sourceUrl,
		version: row.version,
		updatedAt: row.updatedAt,
	}
}

/** A ward document by id (without the search prefix), or null. */
export async function getKnowledgeDocument(db: Database, id: string) {
	const [row] = await db.select().from(knowledgeDocuments).where(eq(knowledgeDocuments.id, id))
	return row ?? null
}
