import { asc, count, eq } from 'drizzle-orm'
import { foldForSearch } from '#server/assistant/search/search-text.ts'
import type { Database } from '#server/db/client.server.ts'
import { defaultSynonyms } from '#server/procedures/default-synonyms.ts'
import { bumpKnowledgeBaseRevision } from '#server/procedures/kb-state.server.ts'
import { procedureSynonyms } from '#server/procedures/schema.ts'

/** The synonym list, by phrase. */
export async function listSynonyms(db: Database) {
	return db
		.select({
			id: procedureSynonyms.id,
			phrase: procedureSynonyms.phrase,
			expansion: procedureSynonyms.expansion,
			note: procedureSynonyms.note,
			origin: procedureSynonyms.origin,
		})
		.from(procedureSynonyms)
		.orderBy(asc(procedureSynonyms.phraseFolded), asc(procedureSynonyms.expansion))
}

/**
 * Fills an empty synonym list with the seed (defaultSynonyms). A list staff have edited is left alone,
 * so an entry they removed does not come back.
 */
export async function seedSynonymsIfEmpty(db: Database): Promise<number> {
	const [row] = await db.select({ n: count() }).from(procedureSynonyms)
	if ((row?.n ?? 0) > 0) return 0
	const values = defaultSynonyms.map((s) => ({
		phrase: s.phrase,
		phraseFolded: foldForSearch(s.phrase),
		expansion: s.expansion,
		note: s.note ?? null,
		origin: 'seed' as const,
	}))
	await db.transaction(async (tx) => {
		await tx.insert(procedureSynonyms).values(values).onConflictDoNothing()
		await bumpKnowledgeBaseRevision(tx)
	})
	return values.length
}

/** Adds a phrase → expansion pair; false when it exists already. */
export async function addSynonym(
	db: Database,
	input: { phrase: string; expansion: string; note?: string | null; userId: string },
): Promise<boolean> {
	const phraseFolded = foldForSearch(input.phrase)
	if (!phraseFolded || !foldForSearch(input.expansion)) return false
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(procedureSynonyms)
			.values({
				phrase: input.phrase.trim(),
				phraseFolded,
				expansion: input.expansion.trim(),
				note: input.note?.trim() || null,
				origin: 'staff',
				createdByUserId: input.userId,
			})
			.onConflictDoNothing()
			.returning({ id: procedureSynonyms.id })
		if (inserted.length === 0) return false
		await bumpKnowledgeBaseRevision(tx)
		return true
	})
}

/** Removes one entry. */
export async function removeSynonym(db: Database, id: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const removed = await tx
			.delete(procedureSynonyms)
			.where(eq(procedureSynonyms.id, id))
			.returning({ id: procedureSynonyms.id })
		if (removed.length > 0) await bumpKnowledgeBaseRevision(tx)
		return removed.length > 0
	})
}
