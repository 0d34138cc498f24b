import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { correctProcedure, listProcedureRevisions } from '#server/procedures/correct-procedure.server.ts'
import { getProcedure } from '#server/procedures/get-procedure.server.ts'
import { importNationalRecords } from '#server/procedures/import-national-records.server.ts'
import { readKnowledgeBaseRevision } from '#server/procedures/kb-state.server.ts'
import { knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'
import {
	defaultNationalFile,
	type JsonLine,
	readJsonLines,
} from '#server/procedures/read-national-file.server.ts'
import { procedures } from '#server/procedures/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
const lines: JsonLine[] = []
const actor = { userId: null, label: 'test', wardId: null }

beforeAll(async () => {
	services = await createTestServices()
	for await (const line of readJsonLines(defaultNationalFile)) lines.push(line)
})
afterAll(async () => {
	await services.close()
})

/** The first records of the national file, the khai sinh record among them, with a change applied. */
function sample(change?: (record: Record<string, string>) => void): JsonLine[] {
	const picked = lines.filter(
		(l, i) => i < 40 || (l.value as { ma_thu_tuc: string }).ma_thu_tuc === '1.001193',
	)
	return picked.map((l) => {
		const value = { ...(l.value as Record<string, string>) }
		if (change && value.ma_thu_tuc === '1.001193') change(value)
		return { ...l, value }
	})
}

describe('importing national records', () => {
	test('creates every record with structured fields, the portal link and the ward flag from the levels', async () => {
		const summary = await importNationalRecords(services.db, sample(), { actorLabel: 'import' })
		expect(summary).toMatchObject({ ok: true, created: 41, updated: 0, unchanged: 0 })
		const record = await getProcedure(services.db, '1.001193')
		expect(record?.fields.name).toBe('Thủ tục đăng ký khai sinh')
		expect(record?.sourceUrl).toMatch(/^https:\/\/dichvucong\.gov\.vn\//)
		expect(record?.handledAtWard).toBe(true)
		expect(record?.fields.documents.length).toBeGreaterThan(5)
		expect(record?.fields.channels.map((c) => c.channel)).toContain('Trực tuyến')
		const central = await getProcedure(services.db, '1.000178')
		expect(central?.handledAtWard).toBe(false)
	})

	test('a second import of the same file changes nothing', async () => {
		const before = await readKnowledgeBaseRevision(services.db)
		const summary = await importNationalRecords(services.db, sample(), { actorLabel: 'import' })
		expect(summary).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 41 })
		expect(await readKnowledgeBaseRevision(services.db)).toBe(before)
	})

	test("a newer national record replaces the national fields and keeps the ward's corrections, notes and flag", async () => {
		const record = await getProcedure(services.db, '1.001193')
		if (!record) throw new Error('missing')
		const corrected = await correctProcedure(
			services.db,
			{ actor },
			{
				code: '1.001193',
				version: record.version,
				fields: { applicants: 'Cha, mẹ hoặc người thân của trẻ' },
				localNote: 'Nộp tại bộ phận một cửa, tầng 1, sáng thứ Bảy cũng làm việc.',
				keywords: 'làm giấy khai sinh',
				handledAtWard: false,
				reason: 'Ghi rõ cho người dân',
			},
		)
		expect(corrected).toMatchObject({ ok: true, changed: true })
		const summary = await importNationalRecords(
			services.db,
			sample((r) => {
				r.ten_thu_tuc = 'Thủ tục đăng ký khai sinh (bản cập nhật)'
				r.doi_tuong_thuc_hien = 'Công dân Việt Nam'
			}),
			{ actorLabel: 'import' },
		)
		expect(summary).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 40 })
		const after = await getProcedure(services.db, '1.001193')
		expect(after?.fields.name).toBe('Thủ tục đăng ký khai sinh (bản cập nhật)')
		expect(after?.fields.applicants).toBe('Cha, mẹ hoặc người thân của trẻ')
		expect(after?.national.applicants).toBe('Công dân Việt Nam')
		expect(after?.localNote).toMatch(/tầng 1/)
		expect(after?.keywords).toBe('làm giấy khai sinh')
		expect(after?.handledAtWard).toBe(false)
		// The correction was made against another national text: staff are told to look again.
		expect(after?.staleCorrections).toEqual(['applicants'])
		const history = await listProcedureRevisions(services.db, '1.001193')
		expect(history.map((h) => h.kind)).toEqual(
			expect.arrayContaining([
				'imported',
				'corrected',
				'localNote',
				'keywords',
				'wardFlag',
				'nationalUpdated',
			]),
		)
		expect(history.find((h) => h.kind === 'nationalUpdated')?.changes).toEqual({
			fields: ['name', 'applicants'],
		})
	})

	test('the search index follows corrections: a keyword staff add finds the record', async () => {
		const { index } = await knowledgeIndex(services.db)
		expect(index.query('lam giay khai sinh', 3).hits[0]?.id).toBe('1.001193')
	})

	test('an edit made on an older version is refused (concurrent edits never overwrite each other)', async () => {
		const result = await correctProcedure(
			services.db,
			{ actor },
			{ code: '1.001193', version: 1, localNote: 'x' },
		)
		expect(result).toEqual({ ok: false, error: 'conflict' })
	})

	test('one invalid line and nothing is written', async () => {
		const bad: JsonLine[] = [
			...sample()
				.slice(0, 3)
				.map((l) => ({ ...l, value: { ...(l.value as object), ten_thu_tuc: 'Đổi tên' } })),
			{ line: 99, value: { ma_thu_tuc: '9.999999', ten_thu_tuc: 'Thiếu đường dẫn' } },
			{ line: 100, value: null, error: 'Unexpected token' },
		]
		const summary = await importNationalRecords(services.db, bad, { actorLabel: 'import' })
		expect(summary.ok).toBe(false)
		expect(summary.problems.map((p) => p.line)).toEqual([99, 100])
		expect(summary.problems[0]?.message).toMatch(/detail_url/)
		const [first] = await services.db
			.select({ national: procedures.national })
			.from(procedures)
			.where(eq(procedures.code, String((bad[0]?.value as { ma_thu_tuc?: string } | undefined)?.ma_thu_tuc)))
		expect(first?.national.name).not.toBe('Đổi tên')
	})
})
