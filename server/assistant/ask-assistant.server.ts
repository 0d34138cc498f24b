import { z } from 'zod'
import type { AppServices } from '#server/app-services.server.ts'
import type { AssistantAnswer } from '#server/assistant/answer-types.ts'
import { readWardContact } from '#server/assistant/assistant-settings.server.ts'
import { answerLearningQuestion } from '#server/assistant/learning/answer-learning-question.server.ts'
import { embeddingRerank } from '#server/assistant/model/knowledge-embeddings.server.ts'
import { chatEndpoint, embeddingsEndpoint } from '#server/assistant/model/openai-compatible.server.ts'
import { rephraseAnswer } from '#server/assistant/model/rephrase-answer.server.ts'
import { answerProcedureQuestion } from '#server/assistant/procedures/answer-procedure-question.server.ts'
import { logQuestion } from '#server/assistant/question-log.server.ts'
import { redactPersonalData } from '#server/assistant/redact-personal-data.ts'
import { assistantKinds, type QuestionChannel } from '#server/assistant/schema.ts'

/** The body of POST /api/v1/assistant/ask, the chat form and `hocvuso ask`. */
export const AskRequestSchema = z.object({
	question: z
		.string({ error: 'assistant.error.questionRequired' })
		.trim()
		.min(2, 'assistant.error.questionRequired')
		.max(500, 'assistant.error.questionTooLong'),
	kind: z.enum(assistantKinds).default('procedure'),
})
export type AskRequest = z.infer<typeof AskRequestSchema>

/**
 * Answers one question: removes personal data, answers from the knowledge base (procedures) or the
 * lessons (learning), lets the optional language model rephrase a grounded answer, and logs the
 * question without personal data. Never throws for a model failure: the grounded answer stands.
 */
export async function askAssistant(
	services: AppServices,
	input: AskRequest & { channel: QuestionChannel; userId?: string | null; wardId?: string | null },
): Promise<AssistantAnswer> {
	const started = performance.now()
	const { db, env } = services
	const redaction = redactPersonalData(input.question)
	const question = questionForSearch(redaction.text)
	const ward = await readWardContact(db, input.wardId ?? undefined)
	const embeddings = embeddingsEndpoint(env)
	let answer =
		input.kind === 'learning'
			? await answerLearningQuestion(db, { question, ward, userId: input.userId })
			: await answerProcedureQuestion(db, {
					question,
					ward,
					rerank: embeddings ? embeddingRerank(db, embeddings) : undefined,
				})
	answer = { ...answer, redacted: redaction.kinds }
	const model = chatEndpoint(env)
	if (model && answer.outcome === 'answered') {
		const rephrased = await rephraseAnswer(model, { question, answer })
		answer = rephrased.ok
			? { ...answer, answer: withCitations(rephrased.text, answer), usedModel: true }
			: { ...answer, modelFallback: rephrased.reason }
	}
	await logQuestion(db, {
		kind: input.kind,
		channel: input.channel,
		question: redaction.text,
		redacted: redaction.kinds,
		outcome: answer.outcome,
		topSourceId: answer.sources[0]?.id ?? answer.alternatives[0]?.id ?? null,
		topScore: null,
		sourceIds: answer.sources.map((s) => s.id),
		usedModel: answer.usedModel,
		modelFallback: answer.modelFallback,
		latencyMs: Math.round(performance.now() - started),
	})
	return answer
}

/** The model's wording followed by the sources, so a rephrased answer keeps its citations. */
function withCitations(text: string, answer: AssistantAnswer): string {
	const cited = answer.sources.map((s) => `- ${s.title}${s.url ? `: ${s.url}` : ''}`)
	return cited.length ? `${text}\n\nNguồn:\n${cited.join('\n')}` : text
}

/**
 * What POST /api/v1/assistant/ask and `hocvuso ask --json` return: `answer`, `sources` ({ id, title,
 * url }; a procedure's id is its ma_thu_tuc), `alternatives`, and the structured parts of the answer.
 */
export function toApiResponse(answer: AssistantAnswer) {
	return {
		answer: answer.answer,
		sources: answer.sources.map(({ id, title, url }) => ({ id, title, url })),
		alternatives: answer.alternatives,
		outcome: answer.outcome,
		kind: answer.kind,
		followUps: answer.followUps,
		card: answer.card,
		passages: answer.passages,
		nextLessons: answer.nextLessons,
		contact: answer.contact,
		redacted: answer.redacted,
		usedModel: answer.usedModel,
	}
}

// "sđt [số điện thoại]", "CCCD: [số định danh]": the label goes with the number it introduced.
const LABELLED_PLACEHOLDER =
	/(?:(?:số\s+)?(?:sđt|sdt|đt|dt|điện thoại|dien thoai|zalo|email|e-mail|thư điện tử|cccd|cmnd|cmt|căn cước|can cuoc|định danh|dinh danh)\s*(?:là|la|:)?\s*)?\[[^\]]*\]/giu

/** The redacted question without its placeholders (they say nothing about the procedure) and their labels. */
export function questionForSearch(redacted: string): string {
	return redacted.replace(LABELLED_PLACEHOLDER, ' ').replace(/\s+/g, ' ').trim()
}
