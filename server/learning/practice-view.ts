import type { PracticeView } from '#server/learning/lesson-view.server.ts'

/** A published practice item as stored (with its key). */
export interface StoredItem {
	itemId: string
	kind: 'singleChoice' | 'multipleChoice' | 'trueFalse'
	prompt: string
	options: { id: string; text: string }[]
	answer: (string | boolean)[]
	explanation: string
}

/** A learner's latest answer to one item, with how many times they answered it. */
export interface StoredAnswer {
	itemId: string | null
	answer: (string | boolean)[] | null
	correct: boolean | null
	attempts: number | string
}

/**
 * What the page may show of each item: prompt and options always; the learner's answer, whether it was
 * right, the key and the explanation only for an item they answered (and not the one they retry).
 */
export function practiceViews(
	items: readonly StoredItem[],
	answers: readonly StoredAnswer[],
	retry: string | null | undefined,
): PracticeView[] {
	const latest = new Map(answers.map((a) => [a.itemId, a]))
	return items.map((item) => {
		const answered = item.itemId === retry ? undefined : latest.get(item.itemId)
		return {
			itemId: item.itemId,
			kind: item.kind,
			prompt: item.prompt,
			options: item.options,
			result: answered
				? {
						answer: answered.answer ?? [],
						correct: answered.correct === true,
						attempts: Number(answered.attempts),
						key: item.answer,
						explanation: item.explanation,
					}
				: null,
		}
	})
}
