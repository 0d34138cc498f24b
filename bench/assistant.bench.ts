import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { measure, ms, openBenchServices } from '#bench/bench-utils.ts'
import { procedureQuestions } from '#eval/assistant/procedure-questions.ts'
import { readWardContact } from '#server/assistant/assistant-settings.server.ts'
import { lessonLibrary } from '#server/assistant/learning/lesson-library.server.ts'
import { answerProcedureQuestion } from '#server/assistant/procedures/answer-procedure-question.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { ensureKnowledgeBase } from '#server/procedures/ensure-knowledge-base.server.ts'
import { importNationalRecords } from '#server/procedures/import-national-records.server.ts'
import { forgetKnowledgeIndex, knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'
import { defaultNationalFile, readJsonLines } from '#server/procedures/read-national-file.server.ts'

/**
 * The procedure assistant: importing the 2,642 national records (first start, and again unchanged),
 * building the in-memory index, ranking every record for each evaluation question, and a whole grounded
 * answer (ranking + reading the record + composing). PGlite in memory, on disk, or BENCH_DATABASE_URL.
 */
export async function benchAssistant(): Promise<void> {
	const services = await openBenchServices()
	const { db } = services
	let started = performance.now()
	await ensureKnowledgeBase(db)
	console.info(
		`first import of the national file (${services.database.kind}): ${ms(performance.now() - started)}`,
	)
	started = performance.now()
	const again = await importNationalRecords(db, readJsonLines(defaultNationalFile), { actorLabel: 'bench' })
	console.info(`import again, unchanged (${again.unchanged} skipped): ${ms(performance.now() - started)}`)

	started = performance.now()
	const { index } = await knowledgeIndex(db)
	console.info(`index build from the database (${index.size} records): ${ms(performance.now() - started)}`)
	await lessonLibrary()
	const rebuild = await measure(
		async () => {
			forgetKnowledgeIndex(db)
			await knowledgeIndex(db)
		},
		5,
		1,
	)
	console.info(`index rebuild after a change: p50 ${ms(rebuild.p50)}  max ${ms(rebuild.max)}`)

	let i = 0
	const next = () => procedureQuestions[i++ % procedureQuestions.length]?.q ?? ''
	const rank = await measure(async () => index.query(next(), 10), procedureQuestions.length * 3, 20)
	console.info(
		`ranking all ${index.size} records for one question (${procedureQuestions.length} questions × 3): p50 ${ms(rank.p50)}  p95 ${ms(rank.p95)}  max ${ms(rank.max)}`,
	)
	const ward = await readWardContact(db)
	const answer = await measure(
		async () => answerProcedureQuestion(db, { question: next(), ward }),
		procedureQuestions.length,
		5,
	)
	console.info(
		`whole grounded answer (rank + read the record + compose): p50 ${ms(answer.p50)}  p95 ${ms(answer.p95)}  max ${ms(answer.max)}`,
	)
	await services.close()

	if (!process.env.BENCH_DATABASE_URL) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-kb-'))
		try {
			const database = await openDatabase({ dataDir: path.join(dir, 'pglite') })
			await migrateDatabase(database)
			started = performance.now()
			await ensureKnowledgeBase(database.db)
			console.info(
				`first import into PGlite on disk (first start of an installation): ${ms(performance.now() - started)}`,
			)
			await database.close()
		} finally {
			fs.rmSync(dir, { recursive: true, force: true })
		}
	}
}
