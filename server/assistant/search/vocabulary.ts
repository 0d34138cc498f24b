import { pairTerm } from '#server/assistant/search/search-text.ts'

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const MAX_PIECES = 8

/**
 * The folded syllables (and syllable pairs) of the knowledge base with their counts: what a typed word
 * can be repaired into. Two repairs, both only for a word the knowledge base does not contain:
 * - missing spaces: "dangkykhaisinh" → "dang ky khai sinh" (fewest known pieces, then most frequent);
 * - one typing slip (a letter missing, extra, wrong or two swapped): "khia" → "khai", chosen by how
 *   often the candidate follows or precedes the neighbouring words, then by how common it is.
 */
export class Vocabulary {
	private readonly words = new Map<string, number>()
	private readonly pairs = new Map<string, number>()
	private longest = 0

	/** Counts the syllables of one text (already folded, split into syllables). */
	add(syllables: readonly string[]): void {
		let previous: string | null = null
		for (const word of syllables) {
			if (!word) continue
			this.words.set(word, (this.words.get(word) ?? 0) + 1)
			if (word.length > this.longest) this.longest = word.length
			if (previous) {
				const pair = pairTerm(previous, word)
				this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + 1)
			}
			previous = word
		}
	}

	has(word: string): boolean {
		return this.words.has(word)
	}

	count(word: string): number {
		return this.words.get(word) ?? 0
	}

	pairCount(a: string, b: string): number {
		return this.pairs.get(pairTerm(a, b)) ?? 0
	}

	get size(): number {
		return this.words.size
	}

	/**
	 * Splits a word typed without spaces into known syllables, or null. Prefers fewer pieces, then pieces
	 * that are seen together in the knowledge base, then frequent pieces.
	 */
	split(word: string): string[] | null {
		if (word.length < 4 || /\d/.test(word)) return null
		const n = word.length
		// best[i]: the best segmentation of word[0..i)
		const best: ({ pieces: string[]; score: number } | null)[] = new Array(n + 1).fill(null)
		best[0] = { pieces: [], score: 0 }
		for (let end = 1; end <= n; end++) {
			for (let start = Math.max(0, end - this.longest); start < end; start++) {
				const before = best[start]
				if (!before || before.pieces.length >= MAX_PIECES) continue
				const piece = word.slice(start, end)
				const count = this.words.get(piece)
				if (!count) continue
				// Single letters are syllables in the data ("a", "b") but almost never what was meant.
				if (piece.length === 1) continue
				const last = before.pieces.at(-1)
				const together = last ? this.pairCount(last, piece) : 0
				const score = before.score - 10 + Math.log(1 + count) + 2 * Math.log(1 + together)
				const current = best[end]
				if (!current || score > current.score) best[end] = { pieces: [...before.pieces, piece], score }
			}
		}
		const result = best[n]
		return result && result.pieces.length >= 2 ? result.pieces : null
	}

	/**
	 * The known word one typing slip away that fits best between its neighbours, or null. Words of fewer
	 * than three letters are left alone: too many short syllables are one slip from each other.
	 */
	correct(word: string, previous?: string, next?: string): string | null {
		if (word.length < 3 || /\d/.test(word)) return null
		let bestWord: string | null = null
		let bestScore = Number.NEGATIVE_INFINITY
		for (const candidate of editsOf(word)) {
			const count = this.words.get(candidate)
			if (!count) continue
			const context =
				(previous ? this.pairCount(previous, candidate) : 0) + (next ? this.pairCount(candidate, next) : 0)
			const score = 3 * Math.log(1 + context) + Math.log(1 + count)
			if (score > bestScore) {
				bestScore = score
				bestWord = candidate
			}
		}
		return bestWord
	}
}

/** Every string one deletion, transposition, substitution or insertion away. */
function editsOf(word: string): Set<string> {
	const out = new Set<string>()
	for (let i = 0; i <= word.length; i++) {
		const head = word.slice(0, i)
		const tail = word.slice(i)
		if (tail) out.add(head + tail.slice(1))
		if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2))
		for (const letter of LETTERS) {
			if (tail) out.add(head + letter + tail.slice(1))
			out.add(head + letter + tail)
		}
	}
	out.delete(word)
	return out
}
