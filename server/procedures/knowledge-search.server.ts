import { sql } from 'drizzle-orm'
import { KnowledgeIndex, type SearchItem } from '#server/assistant/search/knowledge-index.ts'
import type { Synonym } from '#server/assistant/search/synonym-matcher.ts'
import type { Database } from '#server/db/client.server.ts'
import { readKnowledgeBaseRevision } from '#server/procedures/kb-state.server.ts'
import { documentSearchItem, procedureSearchItem } from '#server/procedures/procedure-search-item.ts'
import { knowledgeDocuments, procedureSynonyms } from '#server/procedures/schema.ts'

/*
 * Each app server keeps one search index of the knowledge base in memory, built from the database and
 * rebuilt when the knowledge base's revision (table kb_state) moves: a staff correction on one server
 * reaches the others at their next question. The database stays the only source of truth.
 */

interface CachedIndex {
	revision: number
	index: KnowledgeIndex
	/** Names of the items, for answers that list alternatives without another query. */
	names: Map<string, string>
	wardLevel: Set<string>
}

// The server bundle and the CLI may load this module twice: one cache per process, on globalThis.
const KEY = Symbol.for('hocvuso.knowledgeIndex')
type GlobalWithIndex = typeof globalThis & { [KEY]?: Map<Database, Promise<CachedIndex>> }

function cacheFor(): Map<Database, Promise<CachedIndex>> {
	const g = globalThis as GlobalWithIndex
	g[KEY] ??= new Map()
	return g[KEY]
}

/** The search index for this database, rebuilt if the knowledge base changed since it was built. */
export async function knowledgeIndex(db: Database): Promise<CachedIndex> {
	const cache = cacheFor()
	const revision = await readKnowledgeBaseRevision(db)
	const current = cache.get(db)
	if (current) {
		const cached = await current.catch(() => null)
		if (cached && cached.revision === revision) return cached
	}
	const building = buildIndex(db, revision)
	cache.set(db, building)
	building.catch(() => cache.delete(db))
	return building
}

/** Forgets the cached index of a database (tests, or a closed database). */
export function forgetKnowledgeIndex(db: Database): void {
	cacheFor().delete(db)
}

async function buildIndex(db: Database, revision: number): Promise<CachedIndex> {
	const [items, synonyms] = await Promise.all([loadSearchItems(db), loadSynonyms(db)])
	const names = new Map(items.map((item) => [item.id, item.name]))
	const wardLevel = new Set(items.filter((item) => item.wardLevel).map((item) => item.id))
	return { revision, index: await KnowledgeIndex.create(items, synonyms), names, wardLevel }
}

/** What the index needs of every procedure (corrections applied) and every ward document. */
export async function loadSearchItems(db: Database): Promise<SearchItem[]> {
	interface Row {
		code: string
		name: string
		field: string
		results: string[] | null
		keywords: string
		handled_at_ward: boolean
	}
	const procedures = await db.execute(sql`
		select code,
			coalesce(overrides->'name'->>'value', national->>'name') as name,
			national->>'field' as field,
			coalesce(overrides->'results'->'value', national->'results') as results,
			keywords,
			handled_at_ward
		from procedure`)
	const documents = await db
		.select({ id: knowledgeDocuments.id, title: knowledgeDocuments.title, body: knowledgeDocuments.body })
		.from(knowledgeDocuments)
	return [
		...rowsOf<Row>(procedures).map((row) =>
			procedureSearchItem(
				row.code,
				{ name: row.name, field: row.field ?? '', results: row.results ?? [] },
				{ keywords: row.keywords, wardLevel: row.handled_at_ward },
			),
		),
		...documents.map((doc) => documentSearchItem(doc.id, doc.title, doc.body)),
	]
}

async function loadSynonyms(db: Database): Promise<Synonym[]> {
	return db
		.select({ phrase: procedureSynonyms.phrase, expansion: procedureSynonyms.expansion })
		.from(procedureSynonyms)
}

/** node-postgres returns { rows }, PGlite an array-like result with rows: read either. */
function rowsOf<T>(result: unknown): T[] {
	if (Array.isArray(result)) return result as T[]
	return ((result as { rows?: T[] }).rows ?? []) as T[]
}
