import type { QuestionOutcome } from '#server/assistant/schema.ts'
import type { SearchHit } from '#server/assistant/search/knowledge-index.ts'

/**
 * When is the best item an answer? Measured on the evaluation set and the unanswerable questions
 * (eval/assistant/): an item answers when its name holds two of the question's words side by side as
 * typed (after synonyms) and it covers enough of the question's rarer words, and no item with another
 * name scores about as well. Otherwise the assistant lists what it found ("Có phải bạn muốn hỏi…"), or
 * says it found nothing.
 */
export const confidenceRules: ConfidenceRules = {
	/** Share of the question's content words (weighted by rarity) an answer must cover. */
	answerCoverage: 0.45,
	/** The best score must beat the best item with another name by this factor. */
	answerGap: 1.05,
	/** Below this coverage, even with a phrase match, nothing is suggested. */
	suggestCoverageWithPhrase: 0.25,
	/** Without a phrase match, suggestions need this coverage. */
	suggestCoverage: 0.6,
}

export interface ConfidenceRules {
	answerCoverage: number
	answerGap: number
	suggestCoverageWithPhrase: number
	suggestCoverage: number
}

/**
 * For lesson sections: long texts share many words with any question, so a suggestion needs a pair of
 * the question's words side by side somewhere in the section; near-equal sections are normal.
 */
export const lessonConfidenceRules: ConfidenceRules = {
	answerCoverage: 0.5,
	answerGap: 1,
	suggestCoverageWithPhrase: 0.35,
	suggestCoverage: 0.75,
}

export interface Classified {
	outcome: QuestionOutcome
	/** Items with distinct names, best first (the first is the answer when outcome is 'answered'). */
	distinct: SearchHit[]
}

/** Decides between answering, suggesting, and saying nothing was found. */
export function classifyHits(
	hits: readonly SearchHit[],
	nameOf: (id: string) => string,
	rules: ConfidenceRules = confidenceRules,
): Classified {
	const distinct: SearchHit[] = []
	const names = new Set<string>()
	for (const hit of hits) {
		const name = nameOf(hit.id).trim().toLowerCase()
		if (names.has(name)) continue
		names.add(name)
		distinct.push(hit)
	}
	const [best, second] = distinct
	if (!best) return { outcome: 'notFound', distinct }
	const gap = second ? best.score / Math.max(second.score, 1e-9) : Number.POSITIVE_INFINITY
	if (best.phraseMatch && best.contentCoverage >= rules.answerCoverage && gap >= rules.answerGap)
		return { outcome: 'answered', distinct }
	const suggest =
		(best.phraseMatch && best.contentCoverage >= rules.suggestCoverageWithPhrase) ||
		best.contentCoverage >= rules.suggestCoverage
	return { outcome: suggest ? 'uncertain' : 'notFound', distinct }
}
