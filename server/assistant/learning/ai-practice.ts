import { redactPersonalData } from '#server/assistant/redact-personal-data.ts'
import { foldForSearch } from '#server/assistant/search/search-text.ts'

/*
 * Guided practice "Dùng AI an toàn" (target 8 of the plan: learners use at least one AI tool, safely):
 * three short exercises built on the lesson "Kiểm tra câu trả lời của AI và giữ kín dữ liệu cá nhân"
 * (content/courses/ai-basics/ai-check-and-privacy.md) and "Hỏi AI cho hiệu quả" — what to ask, how to
 * check an answer, what never to share. Each is checked on the server; a signed-in person's completed
 * steps are recorded (table ai_practice_progress).
 */

export const aiPracticeSteps = ['askWell', 'checkAnswer', 'neverShare'] as const
export type AiPracticeStep = (typeof aiPracticeSteps)[number]

/** The lessons the practice is built on (cited on the page). */
export const aiPracticeLessons = ['ai-ask-well', 'ai-check-and-privacy'] as const

export interface StepFeedback {
	passed: boolean
	/** Message keys (app/i18n/assistant.vi.ts) explaining what was good or what to change. */
	messages: string[]
}

/**
 * Step 1: write a question you would ask an AI tool. It should say what you want and give context in
 * a full sentence, and must not contain personal data (ID or phone numbers, names, e-mail).
 */
export function checkAskWell(question: string): StepFeedback & { redactedKinds: string[] } {
	const trimmed = question.trim()
	const { kinds } = redactPersonalData(trimmed)
	const words = foldForSearch(trimmed).split(' ').filter(Boolean)
	const messages: string[] = []
	if (kinds.length > 0) messages.push('aiPractice.askWell.personalData')
	if (words.length < 6) messages.push('aiPractice.askWell.tooShort')
	const asksSomething =
		/\?|\b(the nao|lam sao|cach|giai thich|huong dan|viet|tom tat|dich|goi y|liet ke|so sanh|la gi)\b/.test(
			` ${foldForSearch(trimmed)} ${trimmed.includes('?') ? '?' : ''}`,
		)
	if (!asksSomething) messages.push('aiPractice.askWell.noRequest')
	const passed = messages.length === 0
	if (passed) messages.push('aiPractice.askWell.good')
	return { passed, messages, redactedKinds: kinds }
}

/** Step 2: an AI says a procedure's fee is X; which is the right way to check? (option ids a–c) */
export const checkAnswerOptions = ['officialSource', 'trustAi', 'askAgain'] as const
export function checkCheckAnswer(choice: string): StepFeedback {
	const passed = choice === 'officialSource'
	return { passed, messages: [passed ? 'aiPractice.checkAnswer.good' : 'aiPractice.checkAnswer.wrong'] }
}

/** Step 3: which of these must never be typed into an AI tool? */
export const neverShareOptions = [
	'otp',
	'personalId',
	'medicalRecord',
	'gardeningQuestion',
	'bankAccount',
] as const
const mustNeverShare = new Set(['otp', 'personalId', 'medicalRecord', 'bankAccount'])
export function checkNeverShare(choices: readonly string[]): StepFeedback {
	const chosen = new Set(choices)
	const missed = [...mustNeverShare].filter((c) => !chosen.has(c))
	const wrong = [...chosen].filter((c) => !mustNeverShare.has(c))
	const passed = missed.length === 0 && wrong.length === 0
	const messages = passed
		? ['aiPractice.neverShare.good']
		: [
				...(missed.length ? ['aiPractice.neverShare.missed'] : []),
				...(wrong.length ? ['aiPractice.neverShare.tooMany'] : []),
			]
	return { passed, messages }
}
