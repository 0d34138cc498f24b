import {
	accentedQuestionStopwords,
	accentTerm,
	canonicalSyllable,
	foldedQuestionStopwords,
	lowerForSearch,
	pairTerm,
	questionPhrases,
} from '#server/assistant/search/search-text.ts'
import type { SynonymMatcher } from '#server/assistant/search/synonym-matcher.ts'
import type { Vocabulary } from '#server/assistant/search/vocabulary.ts'
import { foldVietnamese } from '#server/people/search-name.ts'

/** Weight of a word typed without marks that may be a question word ("the": "thế" or "thẻ"). */
const WEAK_WEIGHT = 0.2
/** Weight of the words a synonym replaced ("sổ đỏ" once it became "giấy chứng nhận quyền sử dụng đất"). */
const REPLACED_WEIGHT = 0.15
/** Weight of a syllable pair relative to its syllables. */
const PAIR_WEIGHT = 0.8
/** How often a pair must occur in the knowledge base to make a possible question word a content word. */
const MIN_PAIR_COUNT = 2

export interface QueryPlan {
	/** Index terms (syllables, pairs, accented forms) with their weights. */
	terms: Map<string, number>
	/** The words understood, folded, after repairs and synonyms (for display and logging). */
	understood: string[]
	/** Words repaired: "khia" → "khai", "dangky" → "dang ky". */
	corrections: { from: string; to: string }[]
	/** Synonym phrases recognised. */
	synonyms: string[]
	/**
	 * The words that certainly carry meaning (not possible question words), and the pairs of such words
	 * side by side: what decides whether an item really answers the question.
	 */
	contentWords: string[]
	contentPairs: string[]
}

interface Word {
	folded: string
	/** As typed, lower case with diacritics; null once the word was repaired or came from a synonym. */
	typed: string | null
	weight: number
	/** Came from a synonym's expansion (certainly a content word). */
	expanded?: boolean
	/** Replaced by a synonym's expansion (kept with a low weight). */
	replaced?: boolean
	/** Typed in capitals ("AI", "OTP"): an abbreviation, never a question word. */
	acronym?: boolean
	/** Certainly a content word (set once weights are final). */
	content?: boolean
}

/**
 * Turns a question as typed into weighted search terms: folds diacritics, repairs missing spaces and
 * typing slips against the knowledge base's vocabulary, replaces colloquial phrases by the words of the
 * procedures, and gives question words ("tôi muốn hỏi … thế nào") no or little weight.
 */
export function normaliseQuery(
	question: string,
	vocabulary: Vocabulary,
	synonyms: SynonymMatcher,
): QueryPlan {
	const corrections: QueryPlan['corrections'] = []
	const synonymsUsed: string[] = []
	// Split as lowerForSearch does, keeping the case long enough to see acronyms ("AI", "OTP", "QR").
	let words: Word[] = question
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
		.split(' ')
		.filter(Boolean)
		.map((original) => {
			const typed = lowerForSearch(original)
			const acronym = original.length >= 2 && /^[\p{Lu}\d]+$/u.test(original) && /\p{Lu}/u.test(original)
			return { folded: canonicalSyllable(foldVietnamese(typed)), typed, weight: 1, acronym }
		})
	words = dropQuestionPhrases(words)
	words = applySynonyms(words, synonyms, synonymsUsed)
	const repaired: Word[] = []
	for (const [i, word] of words.entries()) {
		if (word.typed === null || isKnown(word.folded, vocabulary)) {
			repaired.push(word)
			continue
		}
		const pieces = vocabulary.split(word.folded)
		if (pieces) {
			corrections.push({ from: word.folded, to: pieces.join(' ') })
			for (const piece of pieces) repaired.push({ folded: piece, typed: null, weight: 1 })
			continue
		}
		const previous = repaired.at(-1)?.folded
		const next = words[i + 1]?.folded
		const fixed = vocabulary.correct(word.folded, previous, next)
		if (fixed) {
			corrections.push({ from: word.folded, to: fixed })
			repaired.push({ folded: fixed, typed: null, weight: word.weight })
		} else repaired.push(word)
	}
	words = applySynonyms(repaired, synonyms, synonymsUsed)

	const terms = new Map<string, number>()
	const add = (term: string, weight: number) => terms.set(term, Math.max(terms.get(term) ?? 0, weight))
	const kept: Word[] = []
	for (const word of words) {
		let weight = word.weight
		if (word.typed !== null && word.typed !== word.folded && accentedQuestionStopwords.has(word.typed))
			continue
		if ((word.typed === null || word.typed === word.folded) && foldedQuestionStopwords.has(word.folded))
			weight = Math.min(weight, WEAK_WEIGHT)
		kept.push({
			...word,
			weight,
			content:
				weight >= 1 &&
				(word.expanded ||
					word.acronym ||
					!foldedQuestionStopwords.has(word.folded) ||
					(word.typed !== null && word.typed !== word.folded)),
		})
	}
	// A word typed without marks that may be a question word is a content word when the knowledge base
	// writes it next to its neighbour ("ban sao": "bản sao"; "dang ky": "đăng ký"; "can cuoc": "căn cước").
	for (const [i, word] of kept.entries()) {
		if (word.weight !== WEAK_WEIGHT) continue
		const previous = kept[i - 1]
		const next = kept[i + 1]
		const joins = (a: Word | undefined, b: Word | undefined) =>
			!!a && !!b && a.weight >= 1 && vocabulary.pairCount(a.folded, b.folded) >= MIN_PAIR_COUNT
		const joinsNext =
			!!next && next.weight >= 1 && vocabulary.pairCount(word.folded, next.folded) >= MIN_PAIR_COUNT
		if (joins(previous, word) || joinsNext) word.weight = 1
	}
	for (const [i, word] of kept.entries()) {
		add(word.folded, word.weight)
		if (word.typed && word.typed !== word.folded) add(accentTerm(word.typed), word.weight * 0.5)
		const next = kept[i + 1]
		if (next) add(pairTerm(word.folded, next.folded), PAIR_WEIGHT * Math.min(word.weight, next.weight))
	}
	const contentPairs: string[] = []
	for (const [i, word] of kept.entries()) {
		const next = kept[i + 1]
		if (word.content && next?.content) contentPairs.push(pairTerm(word.folded, next.folded))
	}
	return {
		terms,
		understood: kept.filter((w) => w.weight > WEAK_WEIGHT).map((w) => w.folded),
		corrections,
		synonyms: synonymsUsed,
		contentWords: [...new Set(kept.filter((w) => w.content).map((w) => w.folded))],
		contentPairs,
	}
}

function isKnown(word: string, vocabulary: Vocabulary): boolean {
	return vocabulary.has(word) || foldedQuestionStopwords.has(word) || /^\d+$/.test(word) || word.length < 3
}

/** Replaces each recognised phrase by its expansions; the phrase's own words stay with a low weight. */
function applySynonyms(words: Word[], matcher: SynonymMatcher, used: string[]): Word[] {
	// Words a synonym produced or replaced are not matched again (no "khai sinh" inside "đăng ký khai sinh").
	const matches = matcher.match(words.map((w) => (w.expanded || w.replaced ? '\u0000' : w.folded)))
	if (matches.length === 0) return words
	const covered = new Set<number>()
	const expansionsAfter = new Map<number, string[][]>()
	for (const match of matches) {
		for (let k = match.start; k < match.start + match.length; k++) covered.add(k)
		const last = match.start + match.length - 1
		expansionsAfter.set(last, [...(expansionsAfter.get(last) ?? []), ...match.expansions])
		if (!used.includes(match.phrase)) used.push(match.phrase)
	}
	const out: Word[] = []
	for (const [i, word] of words.entries()) {
		out.push(
			covered.has(i)
				? { ...word, typed: null, replaced: true, weight: Math.min(word.weight, REPLACED_WEIGHT) }
				: word,
		)
		for (const expansion of expansionsAfter.get(i) ?? [])
			for (const folded of expansion) out.push({ folded, typed: null, weight: 1, expanded: true })
	}
	return out
}

const phraseWords = questionPhrases.map((p) => p.split(' ')).sort((a, b) => b.length - a.length)

/** Removes the ways of asking ("cần giấy tờ gì", "ở đâu"), longest first. */
function dropQuestionPhrases(words: Word[]): Word[] {
	const out: Word[] = []
	for (let i = 0; i < words.length; ) {
		const phrase = phraseWords.find((p) => p.every((w, k) => words[i + k]?.folded === w))
		if (phrase) i += phrase.length
		else out.push(words[i++] as Word)
	}
	return out
}
