import { learningQuestions } from '#eval/assistant/learning-questions.ts'
import { procedureQuestions, unanswerableQuestions } from '#eval/assistant/procedure-questions.ts'
import type { LessonLibrary } from '#server/assistant/learning/lesson-library.server.ts'
import type { QuestionOutcome } from '#server/assistant/schema.ts'
import { classifyHits } from '#server/assistant/search/classify-hits.ts'
import type { KnowledgeIndex } from '#server/assistant/search/knowledge-index.ts'

export interface RetrievalReport {
	questions: number
	recallAt1: number
	recallAt5: number
	mrr: number
	/** Share of questions the assistant answers outright, and how often that answer is right. */
	answered: number
	answeredCorrect: number
	byTag: Record<string, { questions: number; recallAt1: number; recallAt5: number }>
	/** Questions whose expected procedure is not first. */
	misses: { q: string; rank: number | null; got: string | null }[]
	/** What the assistant does with questions it cannot answer. */
	unanswerable: Record<QuestionOutcome, number>
	/** Ranking time per question, in milliseconds. */
	latency: { p50: number; p95: number; max: number }
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** Runs the procedure evaluation set against an index (the production one: knowledgeIndex(db)). */
export function evaluateProcedureRetrieval(
	index: KnowledgeIndex,
	nameOf: (id: string) => string,
): RetrievalReport {
	let r1 = 0
	let r5 = 0
	let rr = 0
	let answered = 0
	let answeredCorrect = 0
	const times: number[] = []
	const byTag: RetrievalReport['byTag'] = {}
	const misses: RetrievalReport['misses'] = []
	for (const { q, expect, tags } of procedureQuestions) {
		const started = performance.now()
		const { hits } = index.query(q, 10)
		times.push(performance.now() - started)
		const rank = hits.findIndex((h) => expect.includes(h.id)) + 1
		const { outcome, distinct } = classifyHits(hits, nameOf)
		if (outcome === 'answered') {
			answered++
			if (expect.includes(distinct[0]?.id ?? '')) answeredCorrect++
		}
		if (rank === 1) r1++
		if (rank >= 1 && rank <= 5) r5++
		if (rank > 0) rr += 1 / rank
		if (rank !== 1) misses.push({ q, rank: rank || null, got: hits[0]?.id ?? null })
		for (const tag of tags) {
			const t = byTag[tag] ?? { questions: 0, recallAt1: 0, recallAt5: 0 }
			byTag[tag] = t
			t.questions++
			if (rank === 1) t.recallAt1++
			if (rank >= 1 && rank <= 5) t.recallAt5++
		}
	}
	for (const t of Object.values(byTag)) {
		t.recallAt1 /= t.questions
		t.recallAt5 /= t.questions
	}
	const unanswerable: Record<QuestionOutcome, number> = { answered: 0, uncertain: 0, notFound: 0 }
	for (const q of unanswerableQuestions) unanswerable[classifyHits(index.query(q, 10).hits, nameOf).outcome]++
	const n = procedureQuestions.length
	times.sort((a, b) => a - b)
	return {
		questions: n,
		recallAt1: r1 / n,
		recallAt5: r5 / n,
		mrr: rr / n,
		answered: answered / n,
		answeredCorrect: answered ? answeredCorrect / answered : 0,
		byTag,
		misses,
		unanswerable,
		latency: { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? 0 },
	}
}

/** Runs the learning evaluation set against the lesson library: is an expected lesson cited first / in the top 3? */
export function evaluateLessonRetrieval(library: LessonLibrary) {
	let r1 = 0
	let r3 = 0
	const misses: { q: string; got: string | null }[] = []
	for (const { q, expect } of learningQuestions) {
		const lessons: string[] = []
		for (const hit of library.index.query(q, 10).hits) {
			const lessonId = library.sections.get(hit.id)?.lessonId
			if (lessonId && !lessons.includes(lessonId)) lessons.push(lessonId)
		}
		const rank = lessons.findIndex((id) => expect.includes(id)) + 1
		if (rank === 1) r1++
		else misses.push({ q, got: lessons[0] ?? null })
		if (rank >= 1 && rank <= 3) r3++
	}
	const n = learningQuestions.length
	return { questions: n, recallAt1: r1 / n, recallAt3: r3 / n, misses }
}
