import { count } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import {
	importNationalRecords,
	type NationalImportSummary,
} from '#server/procedures/import-national-records.server.ts'
import { defaultNationalFile, readJsonLines } from '#server/procedures/read-national-file.server.ts'
import { procedures } from '#server/procedures/schema.ts'
import { seedSynonymsIfEmpty } from '#server/procedures/synonyms.server.ts'

/**
 * The default content of every installation: on a database without procedures, imports the national
 * records shipped in content/tthc/ and seeds the synonym list. Does nothing (one count query) once the
 * knowledge base exists; a newer national file is brought in with `hocvuso kb import FILE`.
 */
export async function ensureKnowledgeBase(
	db: Database,
	file: string = defaultNationalFile,
): Promise<{ imported: boolean; summary?: NationalImportSummary; synonyms: number }> {
	const [row] = await db.select({ n: count() }).from(procedures)
	if ((row?.n ?? 0) > 0) return { imported: false, synonyms: await seedSynonymsIfEmpty(db) }
	const summary = await importNationalRecords(db, readJsonLines(file), { actorLabel: 'import' })
	if (!summary.ok) {
		const first = summary.problems[0]
		throw new Error(`Không nhập được dữ liệu thủ tục (${file}): dòng ${first?.line}: ${first?.message}`)
	}
	return { imported: true, summary, synonyms: await seedSynonymsIfEmpty(db) }
}
