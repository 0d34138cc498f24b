import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { procedureQuestions } from '#eval/assistant/procedure-questions.ts'
import { evaluateLessonRetrieval, evaluateProcedureRetrieval } from '#eval/assistant/run-eval.ts'
import { readWardContact } from '#server/assistant/assistant-settings.server.ts'
import { lessonLibrary } from '#server/assistant/learning/lesson-library.server.ts'
import { answerProcedureQuestion } from '#server/assistant/procedures/answer-procedure-question.server.ts'
import { describeFee, withoutBullet } from '#server/assistant/procedures/compose-procedure-answer.ts'
import { ensureKnowledgeBase } from '#server/procedures/ensure-knowledge-base.server.ts'
import { getProcedure } from '#server/procedures/get-procedure.server.ts'
import { knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'
import { cleanSourceText } from '#server/procedures/parse-national-record.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

/*
 * The evaluation set (eval/assistant/) run through the production path — the national file imported
 * into this engine's database and the index built from it — with floors the suite holds. The figures
 * themselves are printed by `npm run eval -- assistant`.
 */

let services: TestServices
beforeAll(async () => {
	services = await createTestServices()
	await ensureKnowledgeBase(services.db)
}, 120_000)
afterAll(async () => {
	await services.close()
})

describe('retrieval quality floors', () => {
	test('procedures: recall@5 ≥ 0.95, recall@1 ≥ 0.85, MRR ≥ 0.88 on 111 questions', async () => {
		const { index, names } = await knowledgeIndex(services.db)
		const report = evaluateProcedureRetrieval(index, (id) => names.get(id) ?? id)
		expect(report.questions).toBeGreaterThanOrEqual(80)
		expect(report.recallAt5).toBeGreaterThanOrEqual(0.95)
		expect(report.recallAt1).toBeGreaterThanOrEqual(0.85)
		expect(report.mrr).toBeGreaterThanOrEqual(0.88)
		// An outright answer must almost always be the right procedure; a question the knowledge base
		// cannot answer is never answered outright.
		expect(report.answeredCorrect).toBeGreaterThanOrEqual(0.9)
		expect(report.unanswerable.answered).toBe(0)
	})

	test('lessons: the right lesson is among the first three for at least 85% of questions', async () => {
		const report = evaluateLessonRetrieval(await lessonLibrary())
		expect(report.recallAt3).toBeGreaterThanOrEqual(0.85)
	})
})

describe('grounded answers', () => {
	// A wrong list of papers costs a citizen a trip: every paper and fee the answer states must be in
	// the national record it cites.
	test('every paper, fee and time limit stated is in the cited record', async () => {
		const ward = await readWardContact(services.db)
		let checked = 0
		for (const { q } of procedureQuestions) {
			const answer = await answerProcedureQuestion(services.db, { question: q, ward })
			if (answer.outcome !== 'answered' || !answer.card) continue
			const record = await getProcedure(services.db, answer.card.code)
			expect(record, q).not.toBeNull()
			if (!record) continue
			expect(answer.sources[0]).toMatchObject({ id: record.code, url: record.sourceUrl })
			const papers = record.national.documents.map((d) => `${d.name} ${d.quantity ?? ''}`).join('\n')
			for (const doc of answer.card.documents) {
				expect(papers, q).toContain(withoutBullet(doc.name))
				expect(answer.answer).toContain(doc.name)
			}
			const channels = JSON.stringify(record.national.channels)
			for (const term of answer.card.terms) {
				for (const value of [term.fee, term.feeNote, term.timeLimit])
					if (value) expect(channels, q).toContain(JSON.stringify(value).slice(1, -1))
				expect(answer.answer).toContain(describeFee(term))
			}
			checked++
		}
		expect(checked).toBeGreaterThan(60)
	})

	test('no fee or paper appears that the record does not hold', async () => {
		const ward = await readWardContact(services.db)
		const answer = await answerProcedureQuestion(services.db, { question: 'lệ phí đăng ký thường trú', ward })
		const record = await getProcedure(services.db, answer.card?.code ?? '')
		const source = cleanSourceText(JSON.stringify(record?.national))
		// Every amount of money in the answer text is one the record states.
		const amounts = [...answer.answer.matchAll(/(\d{1,3}(?:[.,]\d{3})+)\s*(?:đồng|VNĐ|Việt Nam Đồng|đ\b)/gi)]
		expect(amounts.length).toBeGreaterThan(0)
		for (const [, amount] of amounts) expect(source).toContain(amount)
		expect(answer.answer).toContain('20,000 Việt Nam Đồng')
	})
})
