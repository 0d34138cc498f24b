import { desc } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AskRequestSchema, askAssistant, toApiResponse } from '#server/assistant/ask-assistant.server.ts'
import { listQuestions } from '#server/assistant/question-log.server.ts'
import { assistantQuestions } from '#server/assistant/schema.ts'
import { ensureKnowledgeBase } from '#server/procedures/ensure-knowledge-base.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
beforeAll(async () => {
	services = await createTestServices()
	await ensureKnowledgeBase(services.db)
}, 120_000)
afterAll(async () => {
	await services.close()
})

describe('the procedure assistant', () => {
	test('answers with the structured record, its ma_thu_tuc and portal link as the source', async () => {
		const answer = await askAssistant(services, {
			question: 'xin giay xac nhan doc than',
			kind: 'procedure',
			channel: 'web',
		})
		expect(answer.outcome).toBe('answered')
		expect(answer.card?.code).toBe('1.004873')
		const api = toApiResponse(answer)
		expect(api.sources[0]).toEqual({
			id: '1.004873',
			title: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
			url: expect.stringMatching(/^https:\/\/dichvucong\.gov\.vn\//),
		})
		expect(api.answer).toMatch(/Giấy tờ cần có:/)
		expect(api.answer).toMatch(/Phí, lệ phí:/)
		expect(api.answer).toMatch(/Theo dõi hồ sơ/)
		expect(api.followUps.length).toBeGreaterThan(0)
	})

	test('puts first what was asked ("bao nhiêu tiền" → the fee)', async () => {
		const answer = await askAssistant(services, {
			question: 'đăng ký thường trú mất bao nhiêu tiền',
			kind: 'procedure',
			channel: 'web',
		})
		const text = answer.answer
		expect(text.indexOf('Phí, lệ phí:')).toBeLessThan(text.indexOf('Giấy tờ cần có:'))
	})

	test('asks back "Có phải bạn muốn hỏi…" when unsure, and says so honestly when nothing fits', async () => {
		const unsure = await askAssistant(services, { question: 'thuế', kind: 'procedure', channel: 'web' })
		expect(unsure.outcome).toBe('uncertain')
		expect(unsure.answer).toMatch(/Có phải bạn muốn hỏi/)
		expect(unsure.alternatives.length).toBeGreaterThan(1)
		const none = await askAssistant(services, {
			question: 'thời tiết ngày mai thế nào',
			kind: 'procedure',
			channel: 'web',
		})
		expect(none.outcome).toBe('notFound')
		expect(none.answer).toMatch(/không tìm thấy/)
		expect(none.contact).toMatch(/Bộ phận Một cửa/)
		expect(none.sources).toEqual([])
	})

	test('explains how to follow a dossier, from the lesson', async () => {
		const answer = await askAssistant(services, {
			question: 'hồ sơ của tôi đến đâu rồi, tra cứu thế nào',
			kind: 'procedure',
			channel: 'web',
		})
		expect(answer.sources).toEqual([expect.objectContaining({ id: 'dvc-track-dossier', kind: 'lesson' })])
		expect(answer.answer).toMatch(/mã hồ sơ/)
	})

	test('logs the question without personal data, with what happened', async () => {
		await askAssistant(services, {
			question: 'Tôi là Trần Thị Bình, sdt 0987654321, hỏi đăng ký tạm trú',
			kind: 'procedure',
			channel: 'api',
		})
		const [logged] = await services.db
			.select()
			.from(assistantQuestions)
			.orderBy(desc(assistantQuestions.askedAt))
			.limit(1)
		expect(logged?.question).toBe('Tôi là [họ tên], sdt [số điện thoại], hỏi đăng ký tạm trú')
		expect(logged?.redacted.sort()).toEqual(['name', 'phone'])
		expect(logged).toMatchObject({ channel: 'api', outcome: 'answered', topSourceId: '1.004194' })
		const log = await listQuestions(services.db, { days: 1, page: 1 })
		expect(log.byOutcome.notFound).toBeGreaterThanOrEqual(1)
		expect(log.frequentFailures.map((f) => f.question)).toContain('thời tiết ngày mai thế nào')
	})

	test('validates the request', () => {
		expect(AskRequestSchema.safeParse({ question: ' ' }).success).toBe(false)
		expect(AskRequestSchema.safeParse({ question: 'x'.repeat(501) }).success).toBe(false)
		expect(AskRequestSchema.parse({ question: 'đăng ký khai sinh' })).toEqual({
			question: 'đăng ký khai sinh',
			kind: 'procedure',
		})
		expect(AskRequestSchema.safeParse({ question: 'a b', kind: 'other' }).success).toBe(false)
	})
})

describe('the learning assistant', () => {
	test('answers from the lessons, citing them, and suggests what to learn next', async () => {
		const answer = await askAssistant(services, {
			question: 'có nên đọc mã OTP cho người gọi điện không',
			kind: 'learning',
			channel: 'web',
		})
		expect(answer.outcome).not.toBe('notFound')
		expect(answer.sources[0]).toMatchObject({ kind: 'lesson', url: expect.stringMatching(/^\/hoc\/bai\//) })
		expect(answer.passages[0]?.text.length).toBeGreaterThan(50)
		expect(answer.answer).toContain(`Bài "${answer.passages[0]?.lessonTitle}"`)
		expect(answer.nextLessons.length).toBeGreaterThan(0)
	})

	test('says when no lesson covers the question', async () => {
		const answer = await askAssistant(services, {
			question: 'giá vàng hôm nay',
			kind: 'learning',
			channel: 'web',
		})
		expect(answer.outcome).toBe('notFound')
	})
})
