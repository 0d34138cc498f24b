import { eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { knowledgeBaseState } from '#server/procedures/schema.ts'

const STATE_ID = 1

/**
 * Marks the knowledge base as changed (records, documents or synonyms): every app server's search
 * index sees the new revision at its next query and rebuilds. Call inside the changing transaction.
 */
export async function bumpKnowledgeBaseRevision(
	db: Database,
	national?: { importedAt: Date; recordCount: number },
): Promise<number> {
	const [row] = await db
		.insert(knowledgeBaseState)
		.values({
			id: STATE_ID,
			revision: 1,
			nationalImportedAt: national?.importedAt ?? null,
			nationalRecordCount: national?.recordCount ?? 0,
		})
		.onConflictDoUpdate({
			target: knowledgeBaseState.id,
			set: {
				revision: sql`${knowledgeBaseState.revision} + 1`,
				updatedAt: sql`now()`,
				...(national
					? { nationalImportedAt: national.importedAt, nationalRecordCount: national.recordCount }
					: {}),
			},
		})
		.returning({ revision: knowledgeBaseState.revision })
	return row?.revision ?? 0
}

/** The current revision (0 before anything was imported). */
export async function readKnowledgeBaseRevision(db: Database): Promise<number> {
	const [row] = await db
		.select({ revision: knowledgeBaseState.revision })
		.from(knowledgeBaseState)
		.where(eq(knowledgeBaseState.id, STATE_ID))
	return row?.revision ?? 0
}

/** When the national data was last imported and how many records it held. */
export async function readKnowledgeBaseState(db: Database) {
	const [row] = await db.select().from(knowledgeBaseState).where(eq(knowledgeBaseState.id, STATE_ID))
	return row ?? null
}
