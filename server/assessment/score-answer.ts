import type { AssessmentAnswerKey, AssessmentItemKind } from './schema.ts'

/**
 * Whether an answer (decoded to option ids, see option-tokens.ts) matches an item's key. Runs on the server
 * only: the key is never sent to a page before the item is answered.
 */
export function scoreAnswer(
	item: { kind: AssessmentItemKind; answer: AssessmentAnswerKey },
	given: AssessmentAnswerKey,
): boolean {
	const key = item.answer
	switch (item.kind) {
		case 'singleChoice':
		case 'trueFalse':
			return given.length === 1 && key.length === 1 && given[0] === key[0]
		case 'ordering':
			return given.length === key.length && given.every((value, i) => value === key[i])
		case 'multipleChoice':
		case 'matching':
			return sameSet(given, key)
		case 'practical':
			// Confirmed by a person (oral_assessment_result), never scored from a form.
			return false
	}
}

function sameSet(a: AssessmentAnswerKey, b: AssessmentAnswerKey): boolean {
	const left = new Set(a)
	const right = new Set(b)
	return left.size === a.length && left.size === right.size && [...left].every((v) => right.has(v))
}

export interface AttemptScore {
	correctCount: number
	itemCount: number
	/** Rounded down, so 69.9 % never passes a 70 % mark. */
	scorePercent: number
	passed: boolean | null
}

/** An attempt's score: unanswered items count as wrong; no pass mark (placement) gives `passed: null`. */
export function scoreAttempt(results: (boolean | null)[], passMarkPercent: number | null): AttemptScore {
	const correctCount = results.filter((r) => r === true).length
	const itemCount = results.length
	const scorePercent = itemCount === 0 ? 0 : Math.floor((correctCount * 100) / itemCount)
	return {
		correctCount,
		itemCount,
		scorePercent,
		passed: passMarkPercent === null ? null : itemCount > 0 && scorePercent >= passMarkPercent,
	}
}
