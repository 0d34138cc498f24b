import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getKnowledgeDocument } from '#server/procedures/get-procedure.server.ts'
import {
	documentFromMarkdown,
	documentsFromJsonLines,
	documentsFromMarkdownPath,
	importPlainDocuments,
} from '#server/procedures/import-plain-documents.server.ts'
import { knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let dir: string
beforeAll(async () => {
	services = await createTestServices()
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-docs-'))
})
afterAll(async () => {
	await services.close()
	fs.rmSync(dir, { recursive: true, force: true })
})

describe('plain documents', () => {
	test('Markdown: front matter or the first heading gives the title, the file name the id', () => {
		expect(documentFromMarkdown('gio-lam-viec.md', '# Giờ làm việc\n\nSáng 7 giờ 30.')).toEqual({
			id: 'gio-lam-viec',
			title: 'Giờ làm việc',
			text: 'Sáng 7 giờ 30.',
		})
		expect(
			documentFromMarkdown(
				'x.md',
				'---\nid: quy-che\ntitle: Quy chế một cửa\nurl: https://example.gov.vn/qc\n---\nNội dung',
			),
		).toMatchObject({ id: 'quy-che', title: 'Quy chế một cửa', url: 'https://example.gov.vn/qc' })
		expect(documentFromMarkdown('x.md', 'không tiêu đề')).toMatchObject({
			message: expect.stringMatching(/tiêu đề/),
		})
	})

	test('JSON lines {id, title, text}, a folder of Markdown, all or nothing, searchable', async () => {
		const jsonl = await documentsFromJsonLines([
			{
				line: 1,
				value: { id: 'lich-tiep-dan', title: 'Lịch tiếp công dân của phường', text: 'Thứ Năm hằng tuần.' },
			},
		])
		expect(await importPlainDocuments(services.db, jsonl, 'jsonl')).toMatchObject({ ok: true, created: 1 })
		fs.writeFileSync(
			path.join(dir, 'mot-cua.md'),
			'# Bộ phận một cửa\n\nỞ tầng 1 trụ sở Ủy ban nhân dân phường.',
		)
		fs.writeFileSync(path.join(dir, 'bo-qua.txt'), 'không phải Markdown')
		const md = documentsFromMarkdownPath(dir)
		expect(md.documents.map((d) => d.id)).toEqual(['mot-cua'])
		expect(await importPlainDocuments(services.db, md, 'markdown')).toMatchObject({ ok: true, created: 1 })
		expect(await importPlainDocuments(services.db, md, 'markdown')).toMatchObject({ ok: true, unchanged: 1 })
		expect((await getKnowledgeDocument(services.db, 'mot-cua'))?.format).toBe('markdown')

		const broken = await documentsFromJsonLines([
			{ line: 1, value: { id: 'moi', title: 'Mới', text: 'x' } },
			{ line: 2, value: { id: 'thieu' } },
		])
		const summary = await importPlainDocuments(services.db, broken, 'jsonl')
		expect(summary.ok).toBe(false)
		expect(summary.problems[0]?.line).toBe(2)
		expect(await getKnowledgeDocument(services.db, 'moi')).toBeNull()

		const { index } = await knowledgeIndex(services.db)
		expect(index.query('lịch tiếp công dân', 3).hits[0]?.id).toBe('tl:lich-tiep-dan')
	})
})
