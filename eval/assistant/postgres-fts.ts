import { sql } from 'drizzle-orm'
import { procedureQuestions } from '#eval/assistant/procedure-questions.ts'
import type { KnowledgeIndex } from '#server/assistant/search/knowledge-index.ts'
import { foldForSearch } from '#server/assistant/search/search-text.ts'
import type { Database, DatabaseHandle } from '#server/db/client.server.ts'

/*
 * The alternative measured for docs/decisions/011-procedure-retrieval.md: PostgreSQL full-text search
 * (a `simple` text search configuration over text folded in TypeScript, a stored generated tsvector
 * weighted A for the name and C for field and results, a GIN index) plus pg_trgm similarity on the
 * folded name for typos, with the ward-level preference. Two variants: the question as typed (folded),
 * and the question after our normaliser (repairs and synonyms), to separate the engine from the
 * normaliser. Built in a scratch table of the evaluation database; nothing here ships.
 */

export async function createFtsTable(database: DatabaseHandle): Promise<void> {
	await database.query(`create table fts_procedure (
		code text primary key,
		name_folded text not null,
		topic_folded text not null,
		ward boolean not null,
		vec tsvector generated always as (
			setweight(to_tsvector('simple', name_folded), 'A') || setweight(to_tsvector('simple', topic_folded), 'C')
		) stored
	)`)
	const rows = await database.query<{ code: string; name: string; topic: string; ward: boolean }>(
		`select code, national->>'name' as name,
			coalesce(national->>'field', '') || ' ' || coalesce((select string_agg(r, ' ') from jsonb_array_elements_text(national->'results') r), '') as topic,
			handled_at_ward as ward from procedure`,
	)
	for (let i = 0; i < rows.length; i += 500) {
		const chunk = rows.slice(i, i + 500)
		await database.query(
			`insert into fts_procedure (code, name_folded, topic_folded, ward)
			 select * from json_to_recordset($1::json) as x(code text, name_folded text, topic_folded text, ward boolean)`,
			[
				JSON.stringify(
					chunk.map((r) => ({
						code: r.code,
						name_folded: foldForSearch(r.name),
						topic_folded: foldForSearch(r.topic),
						ward: r.ward,
					})),
				),
			],
		)
	}
	await database.query('create index fts_procedure_vec_idx on fts_procedure using gin (vec)')
	await database.query(
		'create index fts_procedure_trgm_idx on fts_procedure using gin (name_folded gin_trgm_ops)',
	)
	await database.query('analyze fts_procedure')
}

/** The ten best codes for a list of folded words. */
export async function searchFts(db: Database, words: string[]): Promise<string[]> {
	const terms = [...new Set(words.filter((w) => /^[a-z0-9]+$/.test(w)))]
	if (terms.length === 0) return []
	const query = terms.join(' | ')
	const phrase = terms.join(' ')
	const result = await db.execute(sql`
		select code from fts_procedure
		where vec @@ to_tsquery('simple', ${query}) or name_folded % ${phrase}
		order by (ts_rank_cd(vec, to_tsquery('simple', ${query}), 1) + similarity(name_folded, ${phrase}))
			* (case when ward then 1.3 else 1 end) desc
		limit 10`)
	const rows = (Array.isArray(result) ? result : (result as { rows: { code: string }[] }).rows) as {
		code: string
	}[]
	return rows.map((r) => r.code)
}

export interface FtsReport {
	variant: string
	recallAt1: number
	recallAt5: number
	mrr: number
	p50: number
	p95: number
}

/** Recall and latency of the PostgreSQL variants on the procedure evaluation set. */
export async function evaluateFts(db: Database, index: KnowledgeIndex): Promise<FtsReport[]> {
	const variants: [string, (q: string) => string[]][] = [
		['PostgreSQL FTS + trigram, question as typed', (q) => foldForSearch(q).split(' ')],
		[
			'PostgreSQL FTS + trigram, after our normaliser',
			(q) =>
				[...index.plan(q).terms]
					.filter(([t, w]) => w >= 0.5 && !t.includes('_') && !t.startsWith('~'))
					.map(([t]) => t),
		],
	]
	const reports: FtsReport[] = []
	for (const [variant, wordsOf] of variants) {
		let r1 = 0
		let r5 = 0
		let rr = 0
		const times: number[] = []
		for (const { q, expect } of procedureQuestions) {
			const started = performance.now()
			const codes = await searchFts(db, wordsOf(q))
			times.push(performance.now() - started)
			const rank = codes.findIndex((c) => expect.includes(c)) + 1
			if (rank === 1) r1++
			if (rank >= 1 && rank <= 5) r5++
			if (rank > 0) rr += 1 / rank
		}
		times.sort((a, b) => a - b)
		const n = procedureQuestions.length
		reports.push({
			variant,
			recallAt1: r1 / n,
			recallAt5: r5 / n,
			mrr: rr / n,
			p50: times[Math.floor(n / 2)] ?? 0,
			p95: times[Math.floor(n * 0.95)] ?? 0,
		})
	}
	return reports
}
