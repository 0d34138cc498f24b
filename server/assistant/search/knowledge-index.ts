import MiniSearch from 'minisearch'
import { normaliseQuery, type QueryPlan } from '#server/assistant/search/normalise-query.ts'
import { canonicalSyllable, indexTermsOf, syllablesOf } from '#server/assistant/search/search-text.ts'
import { type Synonym, SynonymMatcher } from '#server/assistant/search/synonym-matcher.ts'
import { Vocabulary } from '#server/assistant/search/vocabulary.ts'
import { foldVietnamese } from '#server/people/search-name.ts'

/** Something the assistant can find: a procedure, a ward document or a lesson section. */
export interface SearchItem {
	id: string
	/** The name: what people most often type. */
	name: string
	/** Other names and local words staff added. */
	keywords?: string
	/** The field (lĩnh vực) and what the procedure produces. */
	topic?: string
	/** Longer text with a small weight (a document's body, a lesson's text). */
	body?: string
	/** Carried out at the ward: preferred when a question fits several procedures equally. */
	wardLevel?: boolean
}

export interface SearchHit {
	id: string
	score: number
	/**
	 * Share (0–1) of the question's weighted words found in this item (a word typed with diacritics
	 * counts only when the item has it with the same marks).
	 */
	coverage: number
	/** Share (0–1) of the question's weighted words found in the item's name or keywords. */
	nameCoverage: number
	/**
	 * Share (0–1) of the question's content words (full weight) found in the item, diacritics respected,
	 * each word counted by how rare it is in the knowledge base (a missing "khuyết tật" weighs more than
	 * a missing "mới").
	 */
	contentCoverage: number
	/** The name or keywords contain two of the question's content words side by side (not question words). */
	phraseMatch: boolean
}

export interface SearchResult {
	plan: QueryPlan
	hits: SearchHit[]
}

/** Tunable weights, measured with `npm run eval -- assistant` (docs/decisions/010-procedure-retrieval.md). */
export interface RankingOptions {
	fieldBoost: { name: number; keywords: number; topic: number; body: number }
	/** Score multiplier for items carried out at the ward. */
	wardBoost: number
	/**
	 * Bonus for names the question covers entirely: the score is multiplied by 1 + namePrecision × the
	 * share of the name's syllables the question contains ("đăng ký khai sinh" → "Thủ tục đăng ký khai
	 * sinh" rather than "…khai sinh cho người đã có hồ sơ, giấy tờ cá nhân").
	 */
	namePrecision: number
	bm25: { k: number; b: number; d: number }
	/** Where a side-by-side pair of the question's words counts as evidence: the name, or anywhere. */
	phraseIn?: 'name' | 'all'
}

export const defaultRankingOptions: RankingOptions = {
	fieldBoost: { name: 4, keywords: 3, topic: 1, body: 0.4 },
	wardBoost: 1.3,
	namePrecision: 1,
	bm25: { k: 1.2, b: 0.75, d: 0.5 },
}

const FIELDS = ['name', 'keywords', 'topic', 'body'] as const
/** An item as minisearch stores it: each field already turned into its terms, joined by spaces. */
type IndexedItem = { id: string } & Record<(typeof FIELDS)[number], string>
/** Words in many names that say nothing about which procedure it is. */
const GENERIC_NAME_WORDS = new Set(['thu', 'tuc'])
const RERANK_DEPTH = 300

/**
 * An in-memory index over every searchable item: BM25 over folded syllables, syllable pairs and accented
 * forms (minisearch), fed by the query normaliser. Building it for the 2,642 national procedures takes a
 * fraction of a second; a search takes a few milliseconds (`npm run bench -- assistant`).
 */
export class KnowledgeIndex {
	readonly vocabulary = new Vocabulary()
	private readonly matcher: SynonymMatcher
	private readonly search: MiniSearch<IndexedItem>
	private readonly documents: IndexedItem[] = []
	private readonly ward = new Set<string>()
	private readonly termsById = new Map<string, { all: Set<string>; name: Set<string>; nameWords: string[] }>()
	readonly size: number

	/** Builds an index at once (tests, small sets); see `create` for the knowledge base. */
	constructor(
		items: readonly SearchItem[],
		synonyms: readonly Synonym[],
		private readonly options: RankingOptions = defaultRankingOptions,
		deferDocuments = false,
	) {
		// Each field is tokenized once: minisearch gets the terms already made, joined by spaces.
		this.search = new MiniSearch<IndexedItem>({
			fields: [...FIELDS],
			storeFields: [],
			tokenize: (text) => (text ? text.split(' ') : []),
			processTerm: (term) => term,
			searchOptions: { tokenize: (text) => text.split(' ').filter(Boolean), processTerm: (t) => t },
		})
		for (const item of items) {
			const terms = {
				name: indexTermsOf(item.name),
				keywords: indexTermsOf(item.keywords ?? ''),
				topic: indexTermsOf(item.topic ?? ''),
				body: indexTermsOf(item.body ?? ''),
			}
			const name = new Set<string>([...terms.name, ...terms.keywords])
			const all = new Set<string>([...name, ...terms.topic, ...terms.body])
			const nameWords = [...new Set(syllablesOf(item.name))].filter((w) => !GENERIC_NAME_WORDS.has(w))
			this.termsById.set(item.id, { all, name, nameWords })
			if (item.wardLevel) this.ward.add(item.id)
			for (const field of FIELDS)
				this.vocabulary.add(terms[field].filter((t) => !t.includes('_') && !t.startsWith('~')))
			this.documents.push({
				id: item.id,
				name: terms.name.join(' '),
				keywords: terms.keywords.join(' '),
				topic: terms.topic.join(' '),
				body: terms.body.join(' '),
			})
		}
		for (const synonym of synonyms) this.vocabulary.add(syllablesOf(synonym.phrase))
		if (!deferDocuments) this.search.addAll(this.documents)
		this.matcher = new SynonymMatcher(synonyms)
		this.size = items.length
	}

	/**
	 * Builds an index without holding the process for the whole build: documents are added in chunks
	 * between other work (the 2,642 procedures take about a second of CPU).
	 */
	static async create(
		items: readonly SearchItem[],
		synonyms: readonly Synonym[],
		options: RankingOptions = defaultRankingOptions,
	): Promise<KnowledgeIndex> {
		const index = new KnowledgeIndex(items, synonyms, options, true)
		await index.search.addAllAsync(index.documents, { chunkSize: 200 })
		return index
	}

	/** How a question is understood (repairs, synonyms, weights), without searching. */
	plan(question: string): QueryPlan {
		return normaliseQuery(question, this.vocabulary, this.matcher)
	}

	/** The best items for a question, best first. */
	query(question: string, limit = 10, filter?: (id: string) => boolean): SearchResult {
		const plan = this.plan(question)
		if (plan.terms.size === 0) return { plan, hits: [] }
		const { fieldBoost, wardBoost, bm25 } = this.options
		const weights = plan.terms
		const results = this.search.search([...weights.keys()].join(' '), {
			combineWith: 'OR',
			prefix: false,
			fuzzy: false,
			boost: fieldBoost,
			bm25,
			boostTerm: (term) => weights.get(term) ?? 0,
			boostDocument: (id) => (this.ward.has(id as string) ? wardBoost : 1),
			filter: filter ? (result) => filter(result.id as string) : undefined,
		})
		const total = wordWeight(weights, () => true)
		const content = new Set([...weights].filter(([, w]) => w >= 0.5).map(([t]) => t))
		// The precision bonus at most doubles a score: re-ranking the best few hundred is enough.
		const ranked = results
			.slice(0, RERANK_DEPTH)
			.map((result) => {
				const terms = this.termsById.get(result.id as string)
				const words = terms?.nameWords ?? []
				const precision = words.length ? words.filter((w) => content.has(w)).length / words.length : 0
				return {
					id: result.id as string,
					terms,
					score: result.score * (1 + this.options.namePrecision * precision),
				}
			})
			.sort((a, b) => b.score - a.score)
		const accents = accentsOf(weights)
		const contentWords = plan.contentWords
		const contentPairs = plan.contentPairs
		const idf = (word: string) => Math.log(1 + this.size / (1 + this.vocabulary.count(word)))
		const contentIdf = sum(contentWords, idf)
		const hits = ranked.slice(0, limit).map(({ id, terms, score }) => {
			const has = (set: Set<string> | undefined) => (term: string) => {
				if (!set?.has(term)) return false
				const accent = accents.get(term)
				return !accent || set.has(accent)
			}
			return {
				id,
				score,
				coverage: total ? wordWeight(weights, has(terms?.all)) / total : 0,
				nameCoverage: total ? wordWeight(weights, has(terms?.name)) / total : 0,
				contentCoverage: contentIdf > 0 ? sum(contentWords.filter(has(terms?.all)), idf) / contentIdf : 0,
				phraseMatch: contentPairs.some((pair) =>
					(this.options.phraseIn === 'all' ? terms?.all : terms?.name)?.has(pair),
				),
			}
		})
		return { plan, hits }
	}
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
	let total = 0
	for (const item of items) total += value(item)
	return total
}

/** For syllables typed with diacritics: their accented term, which a match must also have. */
function accentsOf(weights: Map<string, number>): Map<string, string> {
	const out = new Map<string, string>()
	for (const term of weights.keys()) {
		if (!term.startsWith('~')) continue
		const folded = canonicalSyllable(foldVietnamese(term.slice(1)))
		out.set(folded, term)
	}
	return out
}

/** The summed weight of the single-syllable terms that pass a test (pairs and accents left out). */
function wordWeight(weights: Map<string, number>, test: (term: string) => boolean): number {
	let sum = 0
	for (const [term, weight] of weights) {
		if (term.includes('_') || term.startsWith('~')) continue
		if (test(term)) sum += weight
	}
	return sum
}
