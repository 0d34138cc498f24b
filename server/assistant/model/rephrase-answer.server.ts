import type { AssistantAnswer } from '#server/assistant/answer-types.ts'
import {
	completeChat,
	type ModelEndpoint,
	ModelError,
} from '#server/assistant/model/openai-compatible.server.ts'

const SYSTEM_PROMPT = [
	'Bạn là trợ lý của Ủy ban nhân dân phường, giúp người dân về thủ tục hành chính và kỹ năng số.',
	'Chỉ dùng thông tin trong phần TÀI LIỆU. Không thêm phí, lệ phí, giấy tờ, thời hạn, địa chỉ, số liệu hay đường dẫn nào không có trong TÀI LIỆU.',
	'Nếu TÀI LIỆU không trả lời được câu hỏi, nói rõ là không có thông tin và khuyên hỏi bộ phận một cửa.',
	'Viết tiếng Việt có dấu, câu ngắn, dễ hiểu cho người lớn tuổi; dùng gạch đầu dòng cho giấy tờ và các bước.',
	'Không hỏi và không nhắc lại thông tin cá nhân.',
].join(' ')

export type RephraseResult = { ok: true; text: string } | { ok: false; reason: string }

/**
 * Lets the language model say the grounded answer more naturally, from the answer itself (the quoted
 * records or lessons) and the question with personal data already removed. The reply is kept only if
 * every number and link in it appears in the grounded text (no invented fee, time limit or paper
 * count); otherwise, and on any failure or timeout, the grounded answer stands.
 */
export async function rephraseAnswer(
	endpoint: ModelEndpoint,
	input: { question: string; answer: AssistantAnswer },
): Promise<RephraseResult> {
	const grounded = input.answer.answer
	let reply: string
	try {
		reply = await completeChat(endpoint, [
			{ role: 'system', content: SYSTEM_PROMPT },
			{ role: 'user', content: `CÂU HỎI: ${input.question}\n\nTÀI LIỆU:\n${grounded}` },
		])
	} catch (error) {
		return { ok: false, reason: error instanceof ModelError ? error.code : 'error' }
	}
	const check = checkGrounded(reply, grounded)
	if (!check.ok) return { ok: false, reason: `ungrounded:${check.reason}` }
	return { ok: true, text: reply }
}

/** Digits as written without separators: "10.000 đồng", "10,000" and "10000" are the same amount. */
function numbersIn(text: string): Set<string> {
	const out = new Set<string>()
	for (const match of text.matchAll(/\d[\d.,]*\d|\d/g))
		out.add(match[0].replace(/[.,]/g, '').replace(/^0+(?=\d)/, ''))
	return out
}

function linksIn(text: string): string[] {
	return [...text.matchAll(/https?:\/\/[^\s)]+|\b[\w-]+\.gov\.vn\b/g)].map((m) => m[0].replace(/[.,;]+$/, ''))
}

/** Every number and link of the reply must be in the grounded text. */
export function checkGrounded(reply: string, grounded: string): { ok: true } | { ok: false; reason: string } {
	const known = numbersIn(grounded)
	for (const number of numbersIn(reply))
		if (!known.has(number)) return { ok: false, reason: `number ${number}` }
	for (const link of linksIn(reply)) if (!grounded.includes(link)) return { ok: false, reason: 'link' }
	return { ok: true }
}
