import crypto from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { embedTexts, type ModelEndpoint } from '#server/assistant/model/openai-compatible.server.ts'
import type { Rerank } from '#server/assistant/procedures/answer-procedure-question.server.ts'
import type { SearchHit, SearchItem } from '#server/assistant/search/knowledge-index.ts'
import type { Database } from '#server/db/client.server.ts'
import { readKnowledgeBaseRevision } from '#server/procedures/kb-state.server.ts'
import { loadSearchItems } from '#server/procedures/knowledge-search.server.ts'
import { knowledgeEmbeddings } from '#server/procedures/schema.ts'

/** Share of the final score that comes from embeddings when they are configured. */
export const EMBEDDING_WEIGHT = 0.35
const BATCH = 32
/** Items found only by meaning, added after the lexical hits as suggestions. */
const EXTRA_BY_MEANING = 3

/** The text embedded for an item: what the lexical index weighs most. */
export function embeddingText(item: SearchItem): string {
	return [item.name, item.keywords, item.topic].filter(Boolean).join('. ').slice(0, 2000)
}

function hashOf(text: string): string {
	return crypto.createHash('sha256').update(text).digest('hex')
}

/**
 * Computes the missing or outdated embeddings of every procedure and ward document and stores them
 * (table kb_embedding). Idempotent: unchanged items are skipped by their content hash.
 */
export async function refreshEmbeddings(
	db: Database,
	endpoint: ModelEndpoint,
	onProgress?: (done: number, total: number) => void,
): Promise<{ computed: number; unchanged: number }> {
	const items = await loadSearchItems(db)
	const stored = new Map(
		(
			await db
				.select({ itemId: knowledgeEmbeddings.itemId, contentHash: knowledgeEmbeddings.contentHash })
				.from(knowledgeEmbeddings)
				.where(eq(knowledgeEmbeddings.model, endpoint.model))
		).map((row) => [row.itemId, row.contentHash]),
	)
	const todo = items
		.map((item) => ({ item, text: embeddingText(item) }))
		.map((entry) => ({ ...entry, hash: hashOf(entry.text) }))
		.filter((entry) => stored.get(entry.item.id) !== entry.hash)
	for (let i = 0; i < todo.length; i += BATCH) {
		const batch = todo.slice(i, i + BATCH)
		// Building the index is not time-critical: a generous limit per batch.
		const vectors = await embedTexts(
			endpoint,
			batch.map((b) => b.text),
			Math.max(endpoint.timeoutMs, 60_000),
		)
		await db
			.insert(knowledgeEmbeddings)
			.values(
				batch.map((b, k) => ({
					itemId: b.item.id,
					model: endpoint.model,
					contentHash: b.hash,
					vector: vectors[k] ?? [],
				})),
			)
			.onConflictDoUpdate({
				target: [knowledgeEmbeddings.itemId, knowledgeEmbeddings.model],
				set: { contentHash: sql`excluded.content_hash`, vector: sql`excluded.vector`, createdAt: sql`now()` },
			})
		onProgress?.(Math.min(i + BATCH, todo.length), todo.length)
	}
	return { computed: todo.length, unchanged: items.length - todo.length }
}

interface VectorCache {
	key: string
	ids: string[]
	vectors: Float32Array[]
}
const KEY = Symbol.for('hocvuso.knowledgeVectors')
type GlobalWithVectors = typeof globalThis & { [KEY]?: Map<Database, VectorCache> }

async function storedVectors(db: Database, model: string): Promise<VectorCache> {
	const g = globalThis as GlobalWithVectors
	g[KEY] ??= new Map()
	const key = `${model}@${await readKnowledgeBaseRevision(db)}`
	const cached = g[KEY].get(db)
	if (cached?.key === key) return cached
	const rows = await db
		.select({ itemId: knowledgeEmbeddings.itemId, vector: knowledgeEmbeddings.vector })
		.from(knowledgeEmbeddings)
		.where(and(eq(knowledgeEmbeddings.model, model)))
	const fresh = { key, ids: rows.map((r) => r.itemId), vectors: rows.map((r) => normalised(r.vector)) }
	g[KEY].set(db, fresh)
	return fresh
}

function normalised(vector: readonly number[]): Float32Array {
	let norm = 0
	for (const v of vector) norm += v * v
	const out = new Float32Array(vector.length)
	const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
	for (let i = 0; i < vector.length; i++) out[i] = (vector[i] ?? 0) * scale
	return out
}

function dot(a: Float32Array, b: Float32Array): number {
	let sum = 0
	const n = Math.min(a.length, b.length)
	for (let i = 0; i < n; i++) sum += (a[i] ?? 0) * (b[i] ?? 0)
	return sum
}

/**
 * A re-ranking step for the procedure assistant: the question's embedding (personal data already
 * removed) against the stored ones, blended with the lexical score. Any failure returns the lexical
 * hits unchanged.
 */
export function embeddingRerank(db: Database, endpoint: ModelEndpoint): Rerank {
	return async (question, hits) => {
		try {
			const cache = await storedVectors(db, endpoint.model)
			if (cache.ids.length === 0) return hits
			const [raw] = await embedTexts(endpoint, [question])
			if (!raw) return hits
			const query = normalised(raw)
			const similarity = new Map<string, number>()
			for (const [i, id] of cache.ids.entries())
				similarity.set(id, dot(query, cache.vectors[i] as Float32Array))
			return blend(hits, similarity)
		} catch {
			return hits
		}
	}
}

/** (1 − w) × lexical score (relative to the best) + w × cosine similarity; meaning-only items appended. */
export function blend(hits: SearchHit[], similarity: Map<string, number>): SearchHit[] {
	const top = hits[0]?.score ?? 1
	const blended = hits
		.map((hit) => {
			const cos = Math.max(0, similarity.get(hit.id) ?? 0)
			const relative = hit.score / Math.max(top, 1e-9)
			return { ...hit, score: top * ((1 - EMBEDDING_WEIGHT) * relative + EMBEDDING_WEIGHT * cos) }
		})
		.sort((a, b) => b.score - a.score)
	const seen = new Set(hits.map((h) => h.id))
	const extra = [...similarity]
		.filter(([id]) => !seen.has(id))
		.sort((a, b) => b[1] - a[1])
		.slice(0, EXTRA_BY_MEANING)
		.map(([id, cos]) => ({
			id,
			score: top * EMBEDDING_WEIGHT * cos * 0.5,
			coverage: 0,
			nameCoverage: 0,
			contentCoverage: 0,
			phraseMatch: false,
		}))
	return [...blended, ...extra]
}
