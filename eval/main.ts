import { createFtsTable, evaluateFts } from '#eval/assistant/postgres-fts.ts'
import { procedureQuestions } from '#eval/assistant/procedure-questions.ts'
import { evaluateLessonRetrieval, evaluateProcedureRetrieval } from '#eval/assistant/run-eval.ts'
import { lessonLibrary } from '#server/assistant/learning/lesson-library.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { ensureKnowledgeBase } from '#server/procedures/ensure-knowledge-base.server.ts'
import { knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'

// `npm run eval -- assistant`: retrieval quality on our own evaluation sets (eval/assistant/), through the
// production path: the national file imported into a fresh in-memory database, the index built from it.
const evals: Record<string, () => Promise<void>> = {
	async assistant() {
		const database = await openDatabase({ dataDir: 'memory://' })
		try {
			await migrateDatabase(database)
			await ensureKnowledgeBase(database.db)
			const { index, names } = await knowledgeIndex(database.db)
			const report = evaluateProcedureRetrieval(index, (id) => names.get(id) ?? id)
			const pct = (x: number) => `${(100 * x).toFixed(1)}%`
			console.info(`Procedure assistant — ${report.questions} questions, ${index.size} records`)
			console.info(
				`  recall@1 ${report.recallAt1.toFixed(3)}   recall@5 ${report.recallAt5.toFixed(3)}   MRR ${report.mrr.toFixed(3)}`,
			)
			console.info(
				`  answered outright ${pct(report.answered)}, of which right ${pct(report.answeredCorrect)}; the rest get "Có phải bạn muốn hỏi…"`,
			)
			console.info(
				`  ranking time per question: p50 ${report.latency.p50.toFixed(1)} ms, p95 ${report.latency.p95.toFixed(1)} ms, max ${report.latency.max.toFixed(1)} ms`,
			)
			for (const [tag, t] of Object.entries(report.byTag))
				console.info(
					`  ${tag.padEnd(11)} ${String(t.questions).padStart(3)} q   r@1 ${t.recallAt1.toFixed(3)}   r@5 ${t.recallAt5.toFixed(3)}`,
				)
			const u = report.unanswerable
			console.info(
				`  unanswerable questions: ${u.notFound} "không tìm thấy", ${u.uncertain} suggestions only, ${u.answered} answered`,
			)
			if (report.misses.length) {
				console.info('  not first:')
				for (const m of report.misses) console.info(`    rank ${m.rank ?? '–'}  ${m.q}  (first: ${m.got})`)
			}
			const lessons = evaluateLessonRetrieval(await lessonLibrary())
			console.info(`\nLearning assistant — ${lessons.questions} questions`)
			console.info(`  recall@1 ${lessons.recallAt1.toFixed(3)}   recall@3 ${lessons.recallAt3.toFixed(3)}`)
			for (const m of lessons.misses) console.info(`    not first: ${m.q}  (first: ${m.got})`)
		} finally {
			await database.close()
		}
	},
}

/**
 * `npm run eval -- retrieval-compare`: the same procedure set through PostgreSQL full-text search and
 * trigrams (in a scratch table), next to the in-memory index. BENCH_DATABASE_URL=postgres://… runs it on
 * a PostgreSQL server instead of PGlite.
 */
evals['retrieval-compare'] = async () => {
	const url = process.env.BENCH_DATABASE_URL
	const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: 'memory://' })
	try {
		await migrateDatabase(database)
		await ensureKnowledgeBase(database.db)
		await database.query('drop table if exists fts_procedure')
		await createFtsTable(database)
		const { index, names } = await knowledgeIndex(database.db)
		const ours = evaluateProcedureRetrieval(index, (id) => names.get(id) ?? id)
		console.info(`${procedureQuestions.length} questions, engine ${database.kind}`)
		const line = (label: string, r1: number, r5: number, mrr: number, p50: number, p95: number) =>
			console.info(
				`  ${label.padEnd(48)} r@1 ${r1.toFixed(3)}  r@5 ${r5.toFixed(3)}  MRR ${mrr.toFixed(3)}  p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms`,
			)
		line(
			'in-memory index (minisearch BM25 + normaliser)',
			ours.recallAt1,
			ours.recallAt5,
			ours.mrr,
			ours.latency.p50,
			ours.latency.p95,
		)
		for (const r of await evaluateFts(database.db, index))
			line(r.variant, r.recallAt1, r.recallAt5, r.mrr, r.p50, r.p95)
		await database.query('drop table fts_procedure')
	} finally {
		await database.close()
	}
}

const name = process.argv[2] ?? 'assistant'
const run = evals[name]
if (!run) {
	console.error(`Không có bộ đánh giá "${name}". Có / available: ${Object.keys(evals).join(', ')}`)
	process.exit(2)
}
await run()
