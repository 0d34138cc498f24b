import type { AssistantAnswer, AssistantSource, LessonPassage } from '#server/assistant/answer-types.ts'
import type { WardContact } from '#server/assistant/assistant-settings.server.ts'
import {
	type LessonLibrary,
	lessonLibrary,
	plainText,
} from '#server/assistant/learning/lesson-library.server.ts'
import { lessonUrl, recommendNextLessons } from '#server/assistant/learning/recommend-lessons.server.ts'
import { classifyHits, lessonConfidenceRules } from '#server/assistant/search/classify-hits.ts'
import type { Database } from '#server/db/client.server.ts'

const MAX_PASSAGE = 900

/**
 * Answers a question about digital skills from the lesson content, quoting the best lesson sections
 * with their lessons as citations, and recommends what to learn next (from the learner's progress when
 * signed in). `question` must already be free of personal data.
 */
export async function answerLearningQuestion(
	db: Database,
	input: { question: string; ward: WardContact; userId?: string | null; library?: LessonLibrary },
): Promise<AssistantAnswer> {
	const library = input.library ?? (await lessonLibrary())
	const search = library.index.query(input.question, 10)
	const nameOf = (id: string) => {
		const s = library.sections.get(id)
		return s ? `${s.lessonTitle} — ${s.heading ?? ''}` : id
	}
	const { outcome, distinct } = classifyHits(search.hits, nameOf, lessonConfidenceRules)
	const understood = {
		words: search.plan.understood,
		corrections: search.plan.corrections,
		synonyms: search.plan.synonyms,
	}
	const best = distinct[0] ? library.sections.get(distinct[0].id) : undefined
	const nextLessons = await recommendNextLessons(db, library, {
		userId: input.userId ?? null,
		aboutLessonId: outcome === 'notFound' ? null : (best?.lessonId ?? null),
	})
	const base = {
		kind: 'learning' as const,
		understood,
		redacted: [],
		usedModel: false,
		modelFallback: null,
		card: null,
		nextLessons,
	}
	if (outcome === 'notFound' || !best) {
		return {
			...base,
			outcome: 'notFound',
			answer: [
				'Tôi không tìm thấy bài học nào nói về điều này.',
				'Bạn thử hỏi bằng từ khác, ví dụ "kích hoạt VNeID mức 2", "quét mã QR thanh toán", "nhận biết lừa đảo".',
				`Hoặc hỏi Tổ Công nghệ số cộng đồng, hoặc liên hệ: ${input.ward.contact}`,
			].join('\n'),
			sources: [],
			alternatives: [],
			passages: [],
			followUps: ['Kiểm tra câu trả lời của AI thế nào?', 'Làm sao nhận biết tin nhắn lừa đảo?'],
			contact: input.ward.contact,
		}
	}
	// The best section, and a second one from another lesson when it is nearly as good.
	const chosen = [best]
	const second = distinct
		.slice(1)
		.map((hit) => ({ hit, section: library.sections.get(hit.id) }))
		.find(({ section }) => section && section.lessonId !== best.lessonId)
	if (outcome === 'answered' && second?.section && second.hit.score >= 0.8 * (distinct[0]?.score ?? 0))
		chosen.push(second.section)
	const passages: LessonPassage[] = chosen.map((s) => ({
		lessonId: s.lessonId,
		lessonTitle: s.lessonTitle,
		courseTitle: s.courseTitle,
		heading: s.heading,
		text: clip(plainText(s.markdown)),
	}))
	const sources: AssistantSource[] = [...new Map(chosen.map((s) => [s.lessonId, s])).values()].map((s) => ({
		id: s.lessonId,
		title: s.lessonTitle,
		url: lessonUrl(s.lessonId),
		kind: 'lesson',
	}))
	const intro =
		outcome === 'answered'
			? 'Theo bài học:'
			: 'Tôi chưa chắc đây đúng điều bạn hỏi, nhưng bài học sau có nói gần với câu hỏi:'
	return {
		...base,
		outcome,
		answer: [
			intro,
			...passages.map(
				(p) =>
					`Bài "${p.lessonTitle}" (khóa "${p.courseTitle}")${p.heading ? `, mục "${p.heading}"` : ''}:\n${p.text}`,
			),
		].join('\n\n'),
		sources,
		alternatives: distinct.slice(1, 4).map((hit) => {
			const s = library.sections.get(hit.id)
			return {
				id: s?.lessonId ?? hit.id,
				title: nameOf(hit.id),
				question: s?.heading ?? s?.lessonTitle ?? '',
			}
		}),
		passages,
		followUps: nextLessons.slice(0, 2).map((l) => `${l.title}?`),
		contact: null,
	}
}

function clip(text: string): string {
	if (text.length <= MAX_PASSAGE) return text
	const cut = text.lastIndexOf('\n', MAX_PASSAGE)
	return `${text.slice(0, cut > 300 ? cut : MAX_PASSAGE).trim()}\n…`
}
