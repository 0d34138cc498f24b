import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { syllablesOf } from '#server/assistant/search/search-text.ts'

/*
 * A local stand-in for an OpenAI-compatible model server, for tests and demos: it speaks
 * POST /v1/chat/completions and POST /v1/embeddings, records every request body (so a test can prove no
 * personal data left hocvuso), and can be told to answer slowly, fail, or say something of its own.
 * Embeddings are deterministic bags of folded syllables hashed into a small vector, so texts sharing
 * words are close. Any other route answers 404.
 */

export interface StandInRequest {
	path: string
	body: unknown
}

export interface StandInOptions {
	/** Reply of the chat endpoint from the user message; default: repeats the TÀI LIỆU part, shortened. */
	reply?: (userMessage: string) => string
	/** Delay before answering, in milliseconds. */
	delayMs?: number
	/** HTTP status to answer with instead of 200. */
	failWith?: number
	/** Embedding size. */
	dimensions?: number
}

export interface StandInServer {
	/** Base URL ending in /v1. */
	baseUrl: string
	requests: StandInRequest[]
	options: StandInOptions
	close(): Promise<void>
}

/** Hash of a syllable into the vector's positions. */
function slot(word: string, dimensions: number): number {
	let h = 2166136261
	for (let i = 0; i < word.length; i++) {
		h ^= word.charCodeAt(i)
		h = Math.imul(h, 16777619)
	}
	return Math.abs(h) % dimensions
}

export function standInEmbedding(text: string, dimensions = 64): number[] {
	const vector = new Array<number>(dimensions).fill(0)
	for (const word of syllablesOf(text))
		vector[slot(word, dimensions)] = (vector[slot(word, dimensions)] ?? 0) + 1
	return vector
}

function defaultReply(user: string): string {
	const material = user.split('TÀI LIỆU:')[1]?.trim() ?? ''
	const lines = material.split('\n').filter((l) => l.trim())
	return `Xin chào, tôi tóm tắt giúp bạn:\n${lines.slice(0, 8).join('\n')}`
}

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startStandInModelServer(options: StandInOptions = {}): Promise<StandInServer> {
	const requests: StandInRequest[] = []
	const state: StandInServer = { baseUrl: '', requests, options, close: async () => {} }
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (c: Buffer) => chunks.push(c))
		req.on('end', () => {
			let body: unknown = null
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null')
			} catch {
				body = null
			}
			const path = req.url ?? ''
			requests.push({ path, body })
			const send = (status: number, payload: unknown) => {
				if (res.destroyed) return
				res.writeHead(status, { 'Content-Type': 'application/json' })
				res.end(JSON.stringify(payload))
			}
			const respond = () => {
				if (state.options.failWith)
					return send(state.options.failWith, { error: { message: 'stand-in failure' } })
				if (req.method === 'POST' && path === '/v1/chat/completions') {
					const messages = (body as { messages?: { role: string; content: string }[] })?.messages ?? []
					const user = messages.filter((m) => m.role === 'user').at(-1)?.content ?? ''
					const content = (state.options.reply ?? defaultReply)(user)
					return send(200, {
						id: 'stand-in',
						object: 'chat.completion',
						choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
					})
				}
				if (req.method === 'POST' && path === '/v1/embeddings') {
					const input = (body as { input?: string | string[] })?.input ?? []
					const texts = Array.isArray(input) ? input : [input]
					return send(200, {
						object: 'list',
						data: texts.map((t, index) => ({
							object: 'embedding',
							index,
							embedding: standInEmbedding(t, state.options.dimensions),
						})),
					})
				}
				send(404, { error: { message: `no route ${req.method} ${path}` } })
			}
			if (state.options.delayMs) setTimeout(respond, state.options.delayMs)
			else respond()
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	state.baseUrl = `http://127.0.0.1:${port}/v1`
	state.close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections()
			server.close(() => resolve())
		})
	return state
}
