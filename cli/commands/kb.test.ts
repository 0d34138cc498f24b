import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runAsk } from '#cli/commands/ask.ts'
import { detectFormat, runKbImport } from '#cli/commands/kb.ts'
import { defaultNationalFile } from '#server/procedures/read-national-file.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let dir: string
beforeAll(async () => {
	services = await createTestServices()
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-cli-'))
	// A small national file: the first 30 records and the marriage registration, gzip-compressed.
	const lines = zlib.gunzipSync(fs.readFileSync(defaultNationalFile)).toString('utf8').split('\n')
	const picked = lines.filter(
		(l, i) => i < 30 || l.includes('"ma_thu_tuc": "1.000894"') || l.includes('"ma_thu_tuc":"1.000894"'),
	)
	fs.writeFileSync(path.join(dir, 'tthc.jsonl.gz'), zlib.gzipSync(picked.join('\n')))
	fs.writeFileSync(
		path.join(dir, 'docs.jsonl'),
		`${JSON.stringify({ id: 'gio', title: 'Giờ làm việc một cửa', text: 'Sáng 7 giờ 30.' })}\n`,
	)
	fs.writeFileSync(path.join(dir, 'bad.jsonl'), '{"id":"a","title":"A","text":"x"}\nkhông phải JSON\n')
	fs.mkdirSync(path.join(dir, 'md'))
	fs.writeFileSync(path.join(dir, 'md', 'quy-che.md'), '# Quy chế tiếp dân\n\nThứ Năm hằng tuần.')
})
afterAll(async () => {
	await services.close()
	fs.rmSync(dir, { recursive: true, force: true })
})

test('`kb import` recognises the national format, JSON-lines documents and Markdown', async () => {
	expect(await detectFormat(path.join(dir, 'tthc.jsonl.gz'))).toBe('national')
	expect(await detectFormat(path.join(dir, 'docs.jsonl'))).toBe('jsonl')
	expect(await detectFormat(path.join(dir, 'md'))).toBe('markdown')
	const out: string[] = []
	const io = { print: (l: string) => out.push(l) }
	expect(await runKbImport(services, [path.join(dir, 'tthc.jsonl.gz')], io)).toBe(0)
	expect(out.at(-1)).toMatch(/^31 bản ghi: 31 mới/)
	expect(await runKbImport(services, [path.join(dir, 'tthc.jsonl.gz')], io)).toBe(0)
	expect(out.at(-1)).toMatch(/0 mới, 0 cập nhật, 31 không đổi/)
	expect(await runKbImport(services, [path.join(dir, 'docs.jsonl')], io)).toBe(0)
	expect(await runKbImport(services, [path.join(dir, 'md')], io)).toBe(0)
	expect(out.at(-1)).toMatch(/^1 tài liệu: 1 mới/)
})

test('`kb import` of a file with a bad line writes nothing and names the line', async () => {
	const out: string[] = []
	expect(await runKbImport(services, [path.join(dir, 'bad.jsonl')], { print: (l) => out.push(l) })).toBe(1)
	expect(out[0]).toMatch(/Không nhập gì/)
	expect(out[1]).toMatch(/dòng \/ line 2/)
	expect(await runKbImport(services, [path.join(dir, 'nope.jsonl')], { print: () => {} })).toBe(2)
})

test('`ask --json` prints what the API returns', async () => {
	const out: string[] = []
	expect(await runAsk(services, ['dang ky ket hon', '--json'], (l) => out.push(l))).toBe(0)
	const json = JSON.parse(out.join('\n'))
	expect(json.sources[0]).toEqual({
		id: '1.000894',
		title: 'Thủ tục đăng ký kết hôn',
		url: expect.any(String),
	})
	expect(json).toHaveProperty('answer')
	expect(json).toHaveProperty('alternatives')
	expect(await runAsk(services, [], () => {})).toBe(2)
})
