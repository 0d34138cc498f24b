import { classifyHits } from '#server/assistant/search/classify-hits.ts'
import type { Database } from '#server/db/client.server.ts'
import { getProcedure } from '#server/procedures/get-procedure.server.ts'
import { knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'
import { DOCUMENT_ID_PREFIX } from '#server/procedures/procedure-search-item.ts'

export type ResolvedProcedure =
	| { ok: true; code: string; name: string }
	| { ok: false; candidates: { code: string; name: string }[] }

/**
 * What a volunteer typed in the "procedure" box: an exact national code, or words the search clearly
 * recognises; otherwise the closest procedures to choose from.
 */
export async function resolveProcedure(db: Database, typed: string): Promise<ResolvedProcedure> {
	const text = typed.trim()
	const exact = /^[0-9A-Za-z][0-9A-Za-z.\-_]{0,39}$/.test(text) ? await getProcedure(db, text) : null
	if (exact) return { ok: true, code: exact.code, name: exact.fields.name }
	const { index, names } = await knowledgeIndex(db)
	const hits = index.query(text, 10, (id) => !id.startsWith(DOCUMENT_ID_PREFIX)).hits
	const { outcome, distinct } = classifyHits(hits, (id) => names.get(id) ?? id)
	const best = distinct[0]
	if (outcome === 'answered' && best) return { ok: true, code: best.id, name: names.get(best.id) ?? best.id }
	return {
		ok: false,
		candidates: distinct.slice(0, 5).map((h) => ({ code: h.id, name: names.get(h.id) ?? h.id })),
	}
}
