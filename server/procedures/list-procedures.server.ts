import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'
import { procedures } from '#server/procedures/schema.ts'

export interface ProcedureListQuery {
	q?: string
	/** Only procedures marked as handled at the ward. */
	ward?: boolean
	/** Only procedures the ward has corrected or annotated. */
	edited?: boolean
	page: number
}

const PAGE_SIZE = 30

/** Procedures for the staff list: by relevance when searching, else by code; with the ward's filters. */
export async function listProcedures(db: Database, query: ProcedureListQuery) {
	const filters: SQL[] = []
	if (query.ward) filters.push(eq(procedures.handledAtWard, true))
	if (query.edited)
		filters.push(
			sql`(${procedures.overrides} <> '{}'::jsonb or ${procedures.localNote} <> '' or ${procedures.keywords} <> '' or ${procedures.handledAtWardSource} = 'staff')`,
		)
	const columns = {
		code: procedures.code,
		name: sql<string>`coalesce(${procedures.overrides}->'name'->>'value', ${procedures.national}->>'name')`,
		field: sql<string>`${procedures.national}->>'field'`,
		handledAtWard: procedures.handledAtWard,
		edited: sql<boolean>`(${procedures.overrides} <> '{}'::jsonb or ${procedures.localNote} <> '' or ${procedures.keywords} <> '')`,
		updatedAt: procedures.updatedAt,
	}
	if (query.q?.trim()) {
		const { index } = await knowledgeIndex(db)
		const ids = index
			.query(query.q, 60)
			.hits.map((h) => h.id)
			.filter((id) => !id.startsWith('tl:'))
		if (ids.length === 0) return { items: [], total: 0, pageSize: PAGE_SIZE }
		const rows = await db
			.select(columns)
			.from(procedures)
			.where(and(inArray(procedures.code, ids), ...filters))
		const order = new Map(ids.map((id, i) => [id, i]))
		rows.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0))
		return { items: rows.slice(0, PAGE_SIZE), total: rows.length, pageSize: PAGE_SIZE }
	}
	const where = filters.length ? and(...filters) : undefined
	const [items, [total]] = await Promise.all([
		db
			.select(columns)
			.from(procedures)
			.where(where)
			.orderBy(asc(procedures.code))
			.limit(PAGE_SIZE)
			.offset((query.page - 1) * PAGE_SIZE),
		db.select({ n: count() }).from(procedures).where(where),
	])
	return { items, total: Number(total?.n ?? 0), pageSize: PAGE_SIZE }
}
