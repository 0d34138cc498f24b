import { syllablesOf } from '#server/assistant/search/search-text.ts'

/** A phrase people use and the words of the procedures it stands for. */
export interface Synonym {
	phrase: string
	expansion: string
}

interface CompiledSynonym {
	phrase: string[]
	expansions: string[][]
}

export interface SynonymMatch {
	/** Where the phrase starts in the syllables, and how many it covers. */
	start: number
	length: number
	phrase: string
	/** The expansions' syllables (one list per expansion). */
	expansions: string[][]
}

/**
 * Finds the synonym phrases in a question's folded syllables.
 */
export class SynonymMatcher {
	private readonly byFirst = new Map<string, CompiledSynonym[]>()

	constructor(synonyms: readonly Synonym[]) {
		const byPhrase = new Map<string, CompiledSynonym>()
		for (const { phrase, expansion } of synonyms) {
			const words = syllablesOf(phrase)
			const expanded = syllablesOf(expansion)
			if (words.length === 0 || expanded.length === 0) continue
			const key = words.join(' ')
			const entry = byPhrase.get(key) ?? { phrase: words, expansions: [] }
			if (!entry.expansions.some((e) => e.join(' ') === expanded.join(' '))) entry.expansions.push(expanded)
			byPhrase.set(key, entry)
		}
		for (const entry of byPhrase.values()) {
			const first = entry.phrase[0] as string
			const list = this.byFirst.get(first) ?? []
			list.push(entry)
			list.sort((a, b) => b.phrase.length - a.phrase.length)
			this.byFirst.set(first, list)
		}
	}

	/**
	 * The matches in order: at each position the longest phrase starting there, unless it lies wholly
	 * inside an earlier match ("khai sinh" inside "làm giấy khai sinh"). Matches may overlap: in "làm
	 * giấy khai sinh cho con" both "làm giấy khai sinh" and "khai sinh cho con" apply.
	 */
	match(words: readonly string[]): SynonymMatch[] {
		const matches: SynonymMatch[] = []
		let coveredTo = 0
		for (let i = 0; i < words.length; i++) {
			const candidates = this.byFirst.get(words[i] as string) ?? []
			const found = candidates.find((c) => c.phrase.every((w, k) => words[i + k] === w))
			if (!found || i + found.phrase.length <= coveredTo) continue
			matches.push({
				start: i,
				length: found.phrase.length,
				phrase: found.phrase.join(' '),
				expansions: found.expansions,
			})
			coveredTo = i + found.phrase.length
		}
		return matches
	}
}
