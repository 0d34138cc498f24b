import { z } from 'zod'
import type { Env } from '#server/config/env.server.ts'

/*
 * The optional model endpoints: any server that speaks the OpenAI HTTP API (/v1/chat/completions,
 * /v1/embeddings) — a hosted service, or a model served on the ward's or the province's own machine.
 * Nothing here downloads or runs a model. Every call has a time limit; callers fall back to the grounded
 * answer (or the lexical ranking) on any failure, so the assistant works the same with no endpoint.
 */

export interface ModelEndpoint {
	/** Ends in /v1, e.g. http://127.0.0.1:8080/v1. */
	baseUrl: string
	model: string
	apiKey?: string
	timeoutMs: number
}

/** Why a call failed: the fallback reason stored in the question log. */
export class ModelError extends Error {
	constructor(
		readonly code: 'timeout' | 'http' | 'invalid' | 'network',
		message: string,
	) {
		super(message)
		this.name = 'ModelError'
	}
}

/** The configured chat model, or null. */
export function chatEndpoint(env: Env): ModelEndpoint | null {
	if (!env.LLM_BASE_URL || !env.LLM_MODEL) return null
	return {
		baseUrl: env.LLM_BASE_URL,
		model: env.LLM_MODEL,
		apiKey: env.LLM_API_KEY,
		timeoutMs: env.LLM_TIMEOUT_MS,
	}
}

/** The configured embeddings model, or null. */
export function embeddingsEndpoint(env: Env): ModelEndpoint | null {
	if (!env.EMBEDDINGS_BASE_URL || !env.EMBEDDINGS_MODEL) return null
	return {
		baseUrl: env.EMBEDDINGS_BASE_URL,
		model: env.EMBEDDINGS_MODEL,
		apiKey: env.EMBEDDINGS_API_KEY,
		// Embedding a question must not hold up the answer: a short limit, then lexical ranking alone.
		timeoutMs: Math.min(env.LLM_TIMEOUT_MS, 3000),
	}
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant'
	content: string
}

const ChatResponseSchema = z.object({
	choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
})

const EmbeddingsResponseSchema = z.object({
	data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()) })),
})

async function post(endpoint: ModelEndpoint, path: string, body: unknown, timeoutMs = endpoint.timeoutMs) {
	const url = `${endpoint.baseUrl.replace(/\/+$/, '')}/${path}`
	let response: Response
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				...(endpoint.apiKey ? { Authorization: `Bearer ${endpoint.apiKey}` } : {}),
			},
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		})
	} catch (error) {
		const name = (error as Error).name
		if (name === 'TimeoutError' || name === 'AbortError')
			throw new ModelError('timeout', `${path}: timed out`)
		throw new ModelError('network', `${path}: ${(error as Error).message}`)
	}
	if (!response.ok) throw new ModelError('http', `${path}: HTTP ${response.status}`)
	try {
		return (await response.json()) as unknown
	} catch {
		throw new ModelError('invalid', `${path}: not JSON`)
	}
}

/** One chat completion; the reply's text. */
export async function completeChat(
	endpoint: ModelEndpoint,
	messages: ChatMessage[],
	options: { temperature?: number; maxTokens?: number } = {},
): Promise<string> {
	const json = await post(endpoint, 'chat/completions', {
		model: endpoint.model,
		messages,
		temperature: options.temperature ?? 0.1,
		max_tokens: options.maxTokens ?? 800,
		stream: false,
	})
	const parsed = ChatResponseSchema.safeParse(json)
	const text = parsed.success ? parsed.data.choices[0]?.message.content?.trim() : null
	if (!text) throw new ModelError('invalid', 'chat/completions: no message')
	return text
}

/** Embeddings of several texts, in the same order. */
export async function embedTexts(
	endpoint: ModelEndpoint,
	inputs: string[],
	timeoutMs?: number,
): Promise<number[][]> {
	if (inputs.length === 0) return []
	const json = await post(endpoint, 'embeddings', { model: endpoint.model, input: inputs }, timeoutMs)
	const parsed = EmbeddingsResponseSchema.safeParse(json)
	if (!parsed.success || parsed.data.data.length !== inputs.length)
		throw new ModelError('invalid', 'embeddings: wrong shape')
	const out: number[][] = new Array(inputs.length)
	for (const item of parsed.data.data) out[item.index] = item.embedding
	if (out.some((v) => !v || v.length === 0)) throw new ModelError('invalid', 'embeddings: missing vectors')
	return out
}
