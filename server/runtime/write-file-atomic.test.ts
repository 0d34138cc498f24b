import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { writeFileAtomic } from '#server/runtime/write-file-atomic.server.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-atomic-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

test('writes the whole file, replacing an older one, with the mode asked for and no temporary left', async () => {
	const file = path.join(dir, 'bao-cao.docx')
	fs.writeFileSync(file, 'bản cũ')
	await writeFileAtomic(file, Buffer.from('bản mới đầy đủ'), { mode: 0o600 })
	expect(fs.readFileSync(file, 'utf8')).toBe('bản mới đầy đủ')
	expect(fs.statSync(file).mode & 0o777).toBe(0o600)
	expect(fs.readdirSync(dir)).toEqual(['bao-cao.docx'])
})

test('a write that fails leaves the previous file as it was and no partial file', async () => {
	const file = path.join(dir, 'danh-sach.xlsx')
	fs.writeFileSync(file, 'bản trước')
	// A temporary name already taken (as if a write by this process id were still going) refuses the write.
	const temporary = path.join(dir, `.danh-sach.xlsx.partial-${process.pid}`)
	fs.writeFileSync(temporary, 'đang ghi dở')
	await expect(writeFileAtomic(file, 'bản mới')).rejects.toThrow()
	expect(fs.readFileSync(file, 'utf8')).toBe('bản trước')
	fs.rmSync(temporary)
	await expect(writeFileAtomic(path.join(dir, 'khong-co', 'x.docx'), 'x')).rejects.toThrow()
	expect(fs.readdirSync(dir).sort()).toEqual(['bao-cao.docx', 'danh-sach.xlsx'])
})
