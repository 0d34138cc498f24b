/** A practice item as stored (server-side, with its key). */
export interface ScorableItem {
	kind: 'singleChoice' | 'multipleChoice' | 'trueFalse'
	options: { id: string }[]
	/** Option ids, or [true] / [false]. */
	answer: (string | boolean)[]
}

/**
 * Scores an answer against an item's key: 'invalid' when the answer does not fit the item (an option it
 * does not have, two choices for a one-choice question, a letter for a true/false question).
 */
export function scorePracticeAnswer(
	item: ScorableItem,
	answer: readonly (string | boolean)[],
): 'correct' | 'wrong' | 'invalid' {
	if (item.kind === 'trueFalse') {
		if (answer.length !== 1 || typeof answer[0] !== 'boolean') return 'invalid'
		return answer[0] === item.answer[0] ? 'correct' : 'wrong'
	}
	const ids = new Set(item.options.map((o) => o.id))
	if (!answer.every((a) => typeof a === 'string' && ids.has(a))) return 'invalid'
	if (new Set(answer).size !== answer.length) return 'invalid'
	if (item.kind === 'singleChoice' && answer.length !== 1) return 'invalid'
	const key = new Set(item.answer)
	return answer.length === key.size && answer.every((a) => key.has(a)) ? 'correct' : 'wrong'
}
