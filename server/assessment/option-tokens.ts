import { randomBytes, randomInt } from 'node:crypto'
import type { AssessmentAnswerKey, AssessmentItemKind } from './schema.ts'

/*
 * Options reach the page under opaque tokens drawn for each attempt, in an order shuffled for each attempt:
 * the form posts tokens, so neither the page nor a copy of another learner's page tells which option id
 * (hence which stored key) an answer stands for.
 */

export interface OptionToken {
	token: string
	optionId: string
}
export interface TargetToken {
	token: string
	targetId: string
}

/** A random token: 10 characters of [a-z2-7] (50 bits), safe in form field names and values. */
export function newToken(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
	const bytes = randomBytes(10)
	let token = ''
	for (const b of bytes) token += alphabet[b % 32]
	return token
}

/** Fisher–Yates with the crypto generator (a learner cannot predict the order from earlier attempts). */
export function shuffle<T>(values: readonly T[], pick: (n: number) => number = randomInt): T[] {
	const out = [...values]
	for (let i = out.length - 1; i > 0; i--) {
		const j = pick(i + 1)
		;[out[i], out[j]] = [out[j]!, out[i]!]
	}
	return out
}

/**
 * Tokens for an item served in an attempt. True/false keeps its natural order (Đúng, Sai) and ordering
 * items are always shuffled (the file order is the answer).
 */
export function issueOptionTokens(item: {
	kind: AssessmentItemKind
	options: { id: string }[]
	targets?: { id: string }[] | null
}): { optionTokens: OptionToken[]; targetTokens: TargetToken[] | null } {
	const ids = item.kind === 'trueFalse' ? ['true', 'false'] : item.options.map((o) => o.id)
	const ordered = item.kind === 'trueFalse' ? ids : shuffle(ids)
	const optionTokens = ordered.map((optionId) => ({ token: newToken(), optionId }))
	const targetTokens =
		item.kind === 'matching' && item.targets
			? shuffle(item.targets.map((t) => t.id)).map((targetId) => ({ token: newToken(), targetId }))
			: null
	return { optionTokens, targetTokens }
}

/**
 * What the learner posted for one item, by kind: chosen tokens (choice, true/false); for ordering a rank
 * per option token; for matching a target token per option token.
 */
export type PostedAnswer =
	| { kind: 'choice'; tokens: string[] }
	| { kind: 'ranks'; ranks: Record<string, string> }
	| { kind: 'pairs'; pairs: Record<string, string> }

/** Decodes a posted answer to option ids (the key's form), or null when it is incomplete or forged. */
export function decodeAnswer(
	kind: AssessmentItemKind,
	served: { optionTokens: OptionToken[]; targetTokens: TargetToken[] | null },
	posted: PostedAnswer,
): AssessmentAnswerKey | null {
	const optionOf = new Map(served.optionTokens.map((t) => [t.token, t.optionId]))
	if (kind === 'singleChoice' || kind === 'multipleChoice' || kind === 'trueFalse') {
		if (posted.kind !== 'choice' || posted.tokens.length === 0) return null
		const unique = [...new Set(posted.tokens)]
		if (kind !== 'multipleChoice' && unique.length !== 1) return null
		const ids = unique.map((t) => optionOf.get(t))
		if (ids.some((id) => id === undefined)) return null
		if (kind === 'trueFalse') return [ids[0] === 'true']
		return ids as string[]
	}
	if (kind === 'ordering') {
		if (posted.kind !== 'ranks') return null
		const n = served.optionTokens.length
		const ranked = served.optionTokens.map((t) => ({ id: t.optionId, rank: Number(posted.ranks[t.token]) }))
		const ranks = new Set(ranked.map((r) => r.rank))
		if (ranks.size !== n || ranked.some((r) => !Number.isInteger(r.rank) || r.rank < 1 || r.rank > n))
			return null
		return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.id)
	}
	if (kind === 'matching') {
		if (posted.kind !== 'pairs' || !served.targetTokens) return null
		const targetOf = new Map(served.targetTokens.map((t) => [t.token, t.targetId]))
		const pairs: string[] = []
		for (const { token, optionId } of served.optionTokens) {
			const targetId = targetOf.get(posted.pairs[token] ?? '')
			if (!targetId) return null
			pairs.push(`${optionId}:${targetId}`)
		}
		// In option-id order, not the shuffled order served: the stored answer is the same whatever the draw.
		return pairs.sort()
	}
	return null
}
