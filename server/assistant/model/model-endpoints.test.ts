import { desc } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { AppServices } from '#server/app-services.server.ts'
import { askAssistant } from '#server/assistant/ask-assistant.server.ts'
import { blend, refreshEmbeddings } from '#server/assistant/model/knowledge-embeddings.server.ts'
import { embeddingsEndpoint } from '#server/assistant/model/openai-compatible.server.ts'
import { checkGrounded } from '#server/assistant/model/rephrase-answer.server.ts'
import { assistantQuestions } from '#server/assistant/schema.ts'
import {
	type StandInServer,
	startStandInModelServer,
} from '#server/assistant/testing/stand-in-model-server.ts'
import { ensureKnowledgeBase } from '#server/procedures/ensure-knowledge-base.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let standIn: StandInServer
const QUESTION =
	'Tôi tên là Nguyễn Văn An, số 0912345678, CCCD 001234567890: đăng ký khai sinh cho con cần gì?'

beforeAll(async () => {
	services = await createTestServices()
	await ensureKnowledgeBase(services.db)
	standIn = await startStandInModelServer()
}, 120_000)
afterAll(async () => {
	await standIn.close()
	await services.close()
})
afterEach(() => {
	standIn.requests.length = 0
	standIn.options = {}
})

function withModel(extra: Partial<AppServices['env']> = {}): AppServices {
	return {
		...services,
		env: {
			...services.env,
			LLM_BASE_URL: standIn.baseUrl,
			LLM_MODEL: 'stand-in',
			LLM_TIMEOUT_MS: 2000,
			...extra,
		},
	}
}

/** No request body that left the server holds the name, the phone number or the ID number. */
function expectNoPersonalDataSent() {
	const sent = JSON.stringify(standIn.requests.map((r) => r.body))
	expect(sent.length).toBeGreaterThan(10)
	for (const secret of ['Nguyễn Văn An', '0912345678', '001234567890', '345678'])
		expect(sent).not.toContain(secret)
}

describe('language model (OpenAI-compatible stand-in)', () => {
	test('rephrases a grounded answer, keeps the citations, and sends no personal data', async () => {
		const answer = await askAssistant(withModel(), { question: QUESTION, kind: 'procedure', channel: 'api' })
		expect(answer.outcome).toBe('answered')
		expect(answer.usedModel).toBe(true)
		expect(answer.answer).toMatch(/^Xin chào, tôi tóm tắt giúp bạn/)
		expect(answer.answer).toContain(`Nguồn:\n- Thủ tục đăng ký khai sinh: ${answer.sources[0]?.url}`)
		expect(answer.sources[0]?.id).toBe('1.001193')
		expect(answer.redacted.sort()).toEqual(['name', 'personalId', 'phone'])
		expect(standIn.requests.map((r) => r.path)).toEqual(['/v1/chat/completions'])
		expectNoPersonalDataSent()
	})

	test('a model that is too slow: the grounded answer, and the log says why', async () => {
		standIn.options = { delayMs: 1500 }
		const answer = await askAssistant(withModel({ LLM_TIMEOUT_MS: 300 }), {
			question: 'đăng ký kết hôn',
			kind: 'procedure',
			channel: 'web',
		})
		expect(answer.usedModel).toBe(false)
		expect(answer.modelFallback).toBe('timeout')
		expect(answer.answer).toMatch(/^Thủ tục đăng ký kết hôn \(mã 1\.000894\)/)
		const [logged] = await services.db
			.select()
			.from(assistantQuestions)
			.orderBy(desc(assistantQuestions.askedAt))
			.limit(1)
		expect(logged).toMatchObject({ modelFallback: 'timeout', usedModel: false, outcome: 'answered' })
	})

	test('a failing model (HTTP 500): the grounded answer', async () => {
		standIn.options = { failWith: 500 }
		const answer = await askAssistant(withModel(), {
			question: 'đăng ký kết hôn',
			kind: 'procedure',
			channel: 'web',
		})
		expect(answer).toMatchObject({ usedModel: false, modelFallback: 'http' })
	})

	test('a reply that invents a fee is thrown away', async () => {
		standIn.options = { reply: () => 'Lệ phí đăng ký kết hôn là 500.000 đồng, nộp tại phường.' }
		const answer = await askAssistant(withModel(), {
			question: 'đăng ký kết hôn',
			kind: 'procedure',
			channel: 'web',
		})
		expect(answer.usedModel).toBe(false)
		expect(answer.modelFallback).toBe('ungrounded:number 500000')
		expect(answer.answer).not.toContain('500.000')
	})

	test('nothing is sent to the model when nothing was found', async () => {
		const answer = await askAssistant(withModel(), {
			question: 'cách nấu phở bò ngon',
			kind: 'procedure',
			channel: 'web',
		})
		expect(answer.outcome).toBe('notFound')
		expect(standIn.requests).toHaveLength(0)
	})

	test('the grounding check compares amounts however they are written', () => {
		expect(checkGrounded('Phí 10.000 đồng', 'Trực tuyến: 10,000 Việt Nam Đồng')).toEqual({ ok: true })
		expect(checkGrounded('Phí 15.000 đồng', 'Trực tuyến: 10,000 Việt Nam Đồng')).toEqual({
			ok: false,
			reason: 'number 15000',
		})
		expect(checkGrounded('xem https://evil.example', 'không có đường dẫn')).toEqual({
			ok: false,
			reason: 'link',
		})
	})
})

describe('embeddings (OpenAI-compatible stand-in)', () => {
	test('are computed once per item and stored; unchanged items are skipped', async () => {
		const endpoint = embeddingsEndpoint({
			...services.env,
			EMBEDDINGS_BASE_URL: standIn.baseUrl,
			EMBEDDINGS_MODEL: 'stand-in-embed',
		})
		if (!endpoint) throw new Error('no endpoint')
		const first = await refreshEmbeddings(services.db, endpoint)
		expect(first.computed).toBe(2642)
		const second = await refreshEmbeddings(services.db, endpoint)
		expect(second).toEqual({ computed: 0, unchanged: 2642 })
	})

	test('are blended with the lexical ranking, from the question without personal data', async () => {
		const answer = await askAssistant(
			{
				...services,
				env: { ...services.env, EMBEDDINGS_BASE_URL: standIn.baseUrl, EMBEDDINGS_MODEL: 'stand-in-embed' },
			},
			{ question: QUESTION, kind: 'procedure', channel: 'api' },
		)
		expect(answer.sources[0]?.id).toBe('1.001193')
		expect(standIn.requests.map((r) => r.path)).toEqual(['/v1/embeddings'])
		expectNoPersonalDataSent()
	})

	test('a failing embeddings endpoint leaves the lexical ranking', async () => {
		standIn.options = { failWith: 503 }
		const answer = await askAssistant(
			{
				...services,
				env: { ...services.env, EMBEDDINGS_BASE_URL: standIn.baseUrl, EMBEDDINGS_MODEL: 'stand-in-embed' },
			},
			{ question: 'đăng ký kết hôn', kind: 'procedure', channel: 'api' },
		)
		expect(answer.sources[0]?.id).toBe('1.000894')
	})

	test('blending: similarity can reorder close lexical hits and adds items found by meaning', () => {
		const hit = (id: string, score: number) => ({
			id,
			score,
			coverage: 1,
			nameCoverage: 1,
			contentCoverage: 1,
			phraseMatch: true,
		})
		const blended = blend(
			[hit('a', 10), hit('b', 9.5)],
			new Map([
				['a', 0.1],
				['b', 0.9],
				['c', 0.8],
			]),
		)
		expect(blended.map((h) => h.id)).toEqual(['b', 'a', 'c'])
		expect(blended[2]?.phraseMatch).toBe(false)
	})
})
