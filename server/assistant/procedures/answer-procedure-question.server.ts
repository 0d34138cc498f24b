import type {
	Alternative,
	AnswerFocus,
	AssistantAnswer,
	AssistantSource,
	ProcedureCard,
} from '#server/assistant/answer-types.ts'
import type { WardContact } from '#server/assistant/assistant-settings.server.ts'
import {
	type LessonLibrary,
	lessonLibrary,
	numberedSteps,
} from '#server/assistant/learning/lesson-library.server.ts'
import {
	composeProcedureCard,
	isTrackingQuestion,
	procedureCardText,
} from '#server/assistant/procedures/compose-procedure-answer.ts'
import { classifyHits } from '#server/assistant/search/classify-hits.ts'
import type { KnowledgeIndex, SearchHit } from '#server/assistant/search/knowledge-index.ts'
import { foldForSearch } from '#server/assistant/search/search-text.ts'
import type { Database } from '#server/db/client.server.ts'
import { getKnowledgeDocument, getProcedure } from '#server/procedures/get-procedure.server.ts'
import { knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'
import { DOCUMENT_ID_PREFIX } from '#server/procedures/procedure-search-item.ts'

/** The lesson that explains how to follow a dossier on the national portal (content/courses/public-services). */
export const TRACKING_LESSON = { id: 'dvc-track-dossier', section: 'Tra cứu bằng mã hồ sơ' }
const MAX_ALTERNATIVES = 4

export type Rerank = (question: string, hits: SearchHit[]) => Promise<SearchHit[]>

/**
 * Answers a question about administrative procedures from the knowledge base alone: the best record's
 * structured answer when one clearly fits, the closest records when unsure, the ward's contact when
 * nothing fits. `question` must already be free of personal data.
 */
export async function answerProcedureQuestion(
	db: Database,
	input: { question: string; ward: WardContact; rerank?: Rerank },
): Promise<AssistantAnswer> {
	const { index, names } = await knowledgeIndex(db)
	const search = index.query(input.question, 12)
	const hits = input.rerank ? await input.rerank(input.question, search.hits) : search.hits
	const nameOf = (id: string) => names.get(id) ?? id
	const { outcome, distinct } = classifyHits(hits, nameOf)
	const library = await lessonLibrary().catch(() => null)
	const tracking = library ? trackingGuide(library) : null
	const understood = {
		words: search.plan.understood,
		corrections: search.plan.corrections,
		synonyms: search.plan.synonyms,
	}
	const base = {
		kind: 'procedure' as const,
		understood,
		redacted: [],
		usedModel: false,
		modelFallback: null,
		passages: [],
		nextLessons: [],
	}
	const asks = (id: string) =>
		id.startsWith(DOCUMENT_ID_PREFIX) ? nameOf(id) : `Thủ tục ${stripPrefix(nameOf(id))}`
	const alternativesFrom = (list: SearchHit[]): Alternative[] =>
		list
			.slice(0, MAX_ALTERNATIVES)
			.map((hit) => ({ id: publicId(hit.id), title: nameOf(hit.id), question: asks(hit.id) }))

	// "Hồ sơ của tôi đến đâu rồi?": the tracking guide is the answer; procedures it names are offered.
	if (isTrackingQuestion(input.question) && tracking) {
		const named = namedProcedures(index, input.question, nameOf).map((hit) => ({
			id: publicId(hit.id),
			title: nameOf(hit.id),
			question: asks(hit.id),
		}))
		return {
			...base,
			outcome: 'answered',
			answer: [
				`Cách theo dõi hồ sơ trên Cổng Dịch vụ công quốc gia (theo bài học "${tracking.lessonTitle}"):`,
				...tracking.steps.map((s, i) => `${i + 1}. ${s}`),
				`Nếu hồ sơ cần bổ sung hoặc quá hạn, hãy liên hệ: ${input.ward.contact}`,
			].join('\n'),
			sources: [lessonSource(tracking)],
			alternatives: named,
			followUps: ['Hồ sơ bị yêu cầu bổ sung thì làm gì?', ...named.map((a) => a.question)],
			card: null,
			contact: input.ward.contact,
		}
	}

	if (outcome === 'notFound') {
		return {
			...base,
			outcome,
			answer: [
				'Tôi không tìm thấy thủ tục nào khớp với câu hỏi này trong cơ sở dữ liệu thủ tục hành chính.',
				'Bạn thử hỏi lại bằng tên việc cần làm, ví dụ "đăng ký khai sinh", "chứng thực bản sao", "đăng ký thường trú".',
				`Hoặc liên hệ: ${input.ward.contact}`,
			].join('\n'),
			sources: [],
			alternatives: [],
			followUps: [
				'Đăng ký khai sinh cần giấy tờ gì?',
				'Chứng thực bản sao ở đâu?',
				'Theo dõi hồ sơ đã nộp thế nào?',
			],
			card: null,
			contact: input.ward.contact,
		}
	}

	if (outcome === 'uncertain') {
		const alternatives = alternativesFrom(distinct)
		return {
			...base,
			outcome,
			answer: [
				'Tôi chưa chắc bạn hỏi thủ tục nào. Có phải bạn muốn hỏi:',
				...alternatives.map((a) => `- ${a.title}`),
				`Nếu không phải, hãy hỏi rõ hơn hoặc liên hệ: ${input.ward.contact}`,
			].join('\n'),
			sources: [],
			alternatives,
			// The alternatives are the questions to ask next.
			followUps: [],
			card: null,
			contact: input.ward.contact,
		}
	}

	const best = distinct[0] as SearchHit
	const alternatives = alternativesFrom(distinct.slice(1))
	if (best.id.startsWith(DOCUMENT_ID_PREFIX)) {
		const doc = await getKnowledgeDocument(db, best.id.slice(DOCUMENT_ID_PREFIX.length))
		if (doc) {
			return {
				...base,
				outcome,
				answer: `${doc.title}\n\n${excerpt(doc.body)}\n\nNguồn: tài liệu của phường "${doc.title}"${doc.sourceUrl ? `, ${doc.sourceUrl}` : ''}.`,
				sources: [{ id: doc.id, title: doc.title, url: doc.sourceUrl, kind: 'document' }],
				alternatives,
				followUps: alternatives.slice(0, 2).map((a) => a.question),
				card: null,
				contact: null,
			}
		}
	}
	const record = await getProcedure(db, best.id)
	if (!record) throw new Error(`procedure ${best.id} is in the index but not in the database`)
	const card = composeProcedureCard({
		code: record.code,
		fields: record.fields,
		handledAtWard: record.handledAtWard,
		localNote: record.localNote,
		sourceUrl: record.sourceUrl,
		question: input.question,
		tracking,
	})
	const sources: AssistantSource[] = [
		{ id: record.code, title: record.fields.name, url: record.sourceUrl, kind: 'procedure' },
	]
	if (tracking) sources.push(lessonSource(tracking))
	return {
		...base,
		outcome,
		answer: procedureCardText(card, input.ward.wardName),
		sources,
		alternatives,
		followUps: followUpsFor(card),
		card,
		contact: record.handledAtWard ? input.ward.contact : null,
	}
}

/** The procedures a tracking question names ("tra cứu hồ sơ đăng ký khai sinh"), without its tracking words. */
function namedProcedures(
	index: KnowledgeIndex,
	question: string,
	nameOf: (id: string) => string,
): SearchHit[] {
	const rest = foldForSearch(question).replace(TRACKING_WORDS, ' ').replace(/\s+/g, ' ').trim()
	if (rest.split(' ').length < 2) return []
	const { hits } = index.query(rest, 6)
	const { outcome, distinct } = classifyHits(hits, nameOf)
	return outcome === 'answered' ? distinct.slice(0, 2) : []
}
const TRACKING_WORDS =
	/\b(tra cuu|theo doi|kiem tra|xem|tinh trang|tien do|ho so|ma|cua|toi|minh|den dau|roi|da xong|xong chua|dang o dau|the nao)\b/g

function trackingGuide(library: LessonLibrary): ProcedureCard['tracking'] {
	const lesson = library.lessons.get(TRACKING_LESSON.id)
	const steps = numberedSteps(library, TRACKING_LESSON.id, TRACKING_LESSON.section)
	return lesson && steps.length ? { steps, lessonId: lesson.id, lessonTitle: lesson.title } : null
}

function lessonSource(tracking: NonNullable<ProcedureCard['tracking']>): AssistantSource {
	return { id: tracking.lessonId, title: tracking.lessonTitle, url: null, kind: 'lesson' }
}

/** "Thủ tục đăng ký khai sinh" → "đăng ký khai sinh" (for questions built from a name). */
function stripPrefix(name: string): string {
	const plain = name.replace(/^Thủ tục\s+/i, '')
	return plain.charAt(0).toLowerCase() + plain.slice(1)
}

function publicId(id: string): string {
	return id.startsWith(DOCUMENT_ID_PREFIX) ? id.slice(DOCUMENT_ID_PREFIX.length) : id
}

function followUpsFor(card: ProcedureCard): string[] {
	const name = stripPrefix(card.name)
	const short = name.length > 80 ? `${name.slice(0, 79)}…` : name
	const ups: [AnswerFocus, string][] = [
		['fee', `Lệ phí ${short} là bao nhiêu?`],
		['documents', `Cần giấy tờ gì để ${short}?`],
		['online', card.online ? `Nộp hồ sơ ${short} trực tuyến thế nào?` : `Nộp hồ sơ ${short} ở đâu?`],
		['tracking', 'Theo dõi hồ sơ đã nộp thế nào?'],
	]
	return ups.filter(([focus]) => !card.focus.includes(focus)).map(([, question]) => question)
}

/** The start of a document, cut at a paragraph near 800 characters. */
function excerpt(body: string): string {
	if (body.length <= 900) return body
	const cut = body.lastIndexOf('\n\n', 800)
	return `${body.slice(0, cut > 200 ? cut : 800).trim()}\n…`
}
