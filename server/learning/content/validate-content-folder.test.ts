import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatContentProblem } from './content-problem.ts'
import {
	ContentFolderError,
	defaultContentDir,
	loadContentFolder,
	validateContentFolder,
} from './load-content.server.ts'

let dir: string

const courseYaml = `id: thu-nghiem
title: Khóa thử nghiệm
summary: Một khóa nhỏ để kiểm tra bộ kiểm tra nội dung.
level: CB1
targetGroups: [adultCitizen]
version: 1
updated: 2026-11-24
`

const trackYaml = `id: lo-trinh
name: { vi: Lộ trình thử, en: Test track }
description: Lộ trình thử nghiệm.
order: 1
targetGroups: [adultCitizen]
courses: [thu-nghiem]
completion:
  requiredCourses: [thu-nghiem]
  finalAssessment: { required: true, passMarkPercent: 70, placeholder: true }
  meaning: Hoàn thành khóa thử.
version: 1
updated: 2026-11-24
`

/** A valid lesson; tests replace parts of it to make one mistake at a time. */
const lesson = `---
id: bai-mot
title: Bài một
summary: Bài học thử.
minutes: 5
level: CB1
competencies: ["4.2"]
order: 1
version: 1
updated: 2026-11-24
images:
  - file: so-do.svg
    alt: Sơ đồ các bước của bài thử nghiệm.
practice:
  - id: q1
    kind: singleChoice
    competency: "4.2"
    prompt: Câu hỏi một?
    options:
      - { id: a, text: Đúng }
      - { id: b, text: Sai }
    answer: [a]
    explanation: Vì a đúng.
  - id: q2
    kind: trueFalse
    competency: "4.2"
    prompt: Câu hỏi hai?
    answer: true
    explanation: Vì đúng.
---

Nội dung bài học.

![Sơ đồ](so-do.svg)
`

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Sơ đồ</title></svg>'

async function writeContent(files: Record<string, string>) {
	for (const [name, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
		await writeFile(path.join(dir, name), text)
	}
}

async function problemsOf(files: Record<string, string>) {
	await writeContent(files)
	const result = await validateContentFolder(dir)
	return result.problems.map(formatContentProblem)
}

const base = {
	'tracks/lo-trinh.yaml': trackYaml,
	'courses/thu-nghiem/course.yaml': courseYaml,
	'courses/thu-nghiem/bai-mot.md': lesson,
	'courses/thu-nghiem/so-do.svg': svg,
}

beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'hocvuso-noi-dung-'))
	await cp(path.join(defaultContentDir, 'framework'), path.join(dir, 'framework'), { recursive: true })
})
afterEach(async () => {
	await rm(dir, { recursive: true, force: true })
})

describe('validateContentFolder', () => {
	it('accepts a small valid folder and returns typed content', async () => {
		expect(await problemsOf(base)).toEqual([])
		const content = await loadContentFolder(dir)
		expect(content.courses[0]!.lessons[0]!.practice[0]).toMatchObject({ kind: 'singleChoice', answer: ['a'] })
		expect(content.courses[0]!.lessons[0]!.bodyLine).toBe(31)
	})

	it('reports an unknown competency with the line of the code', async () => {
		const problems = await problemsOf({
			...base,
			'courses/thu-nghiem/bai-mot.md': lesson.replace(
				'competencies: ["4.2"]',
				'competencies: ["4.2", "4.10"]',
			),
		})
		expect(problems).toEqual([
			'courses/thu-nghiem/bai-mot.md, dòng 7: competencies[1]: Mã năng lực có dạng "miền.năng lực", ví dụ "4.2"',
		])
	})

	it('reports a code from the right domain that the framework does not have, after schema validation', async () => {
		const problems = await problemsOf({
			...base,
			'courses/thu-nghiem/bai-mot.md': lesson.replace(
				'competencies: ["4.2"]',
				'competencies: ["4.2", "4.9"]',
			),
		})
		expect(problems).toEqual([
			'courses/thu-nghiem/bai-mot.md, dòng 7: Năng lực 4.9 không có trong khung TT 02/2025',
		])
	})

	it('asks for quotes when YAML read a competency code as a number', async () => {
		const problems = await problemsOf({
			...base,
			'courses/thu-nghiem/bai-mot.md': lesson.replace('competencies: ["4.2"]', 'competencies: [4.2]'),
		})
		expect(problems[0]).toBe(
			'courses/thu-nghiem/bai-mot.md, dòng 7: competencies[0]: Mã năng lực phải là chuỗi, hãy đặt trong dấu nháy, ví dụ "1.1"',
		)
	})

	it('reports an answer that is not one of the options', async () => {
		const problems = await problemsOf({
			...base,
			'courses/thu-nghiem/bai-mot.md': lesson.replace('answer: [a]', 'answer: [c]'),
		})
		expect(problems).toEqual([
			'courses/thu-nghiem/bai-mot.md, dòng 22: practice[0].answer: Đáp án không trùng với lựa chọn nào',
		])
	})

	it('reports a missing image file and an image the lesson does not declare', async () => {
		const problems = await problemsOf({
			...base,
			'courses/thu-nghiem/bai-mot.md': `${lesson.replace('file: so-do.svg', 'file: khong-co.svg')}\n![Ảnh khác](anh-khac.svg)\n`,
		})
		expect(problems).toEqual([
			'courses/thu-nghiem/bai-mot.md, dòng 12: Không tìm thấy tệp hình khong-co.svg',
			'courses/thu-nghiem/bai-mot.md, dòng 34: Hình "so-do.svg" chưa được khai báo trong mục images của bài',
			'courses/thu-nghiem/bai-mot.md, dòng 36: Hình "anh-khac.svg" chưa được khai báo trong mục images của bài',
			'courses/thu-nghiem/so-do.svg: Hình không được bài học nào khai báo trong mục images',
		])
	})

	it('refuses an SVG that could run a script or load something from outside', async () => {
		const problems = await problemsOf({
			...base,
			'courses/thu-nghiem/so-do.svg':
				'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><title>x</title><image href="https://evil.example/a.png"/><script>alert(1)</script></svg>',
		})
		expect(problems).toEqual([
			'courses/thu-nghiem/so-do.svg: Hình SVG không được chứa <script>',
			'courses/thu-nghiem/so-do.svg: Hình SVG không được có thuộc tính sự kiện (onload, onclick…)',
			'courses/thu-nghiem/so-do.svg: Hình SVG chỉ được tham chiếu bên trong tệp (href="https://evil.example/a.png")',
		])
	})

	it('reports raw HTML and a refused link in the body with their lines', async () => {
		const problems = await problemsOf({
			...base,
			'courses/thu-nghiem/bai-mot.md': `${lesson}\n<script>alert(1)</script>\n\n[bấm](javascript:alert(1))\n`,
		})
		expect(problems).toEqual([
			'courses/thu-nghiem/bai-mot.md, dòng 36: Bài học không được chứa mã HTML; hãy viết bằng Markdown',
			'courses/thu-nghiem/bai-mot.md, dòng 38: Liên kết "javascript:alert(1)" không được phép; chỉ dùng http, https, mailto, tel hoặc đường dẫn tương đối',
		])
	})

	it('reports a track that names a course that does not exist', async () => {
		const problems = await problemsOf({
			...base,
			'tracks/lo-trinh.yaml': trackYaml.replace(
				'courses: [thu-nghiem]',
				'courses: [thu-nghiem, khoa-khong-co]',
			),
		})
		expect(problems).toEqual([
			'tracks/lo-trinh.yaml, dòng 6: Không có khóa học "khoa-khong-co" trong thư mục courses',
		])
	})

	it('reports broken YAML with its line, and a file named differently from its id', async () => {
		const problems = await problemsOf({
			...base,
			'courses/thu-nghiem/course.yaml': courseYaml.replace(
				'title: Khóa thử nghiệm',
				'title: Khóa: thử: nghiệm',
			),
			'tracks/lo-trinh.yaml': trackYaml.replace('id: lo-trinh', 'id: ten-khac'),
		})
		expect(problems).toEqual([
			'tracks/lo-trinh.yaml, dòng 1: Tên tệp phải là ten-khac.yaml (trùng với id)',
			'courses/thu-nghiem/course.yaml, dòng 2: YAML không hợp lệ: có dấu hai chấm (:) giữa đoạn chữ; hãy đặt cả đoạn chữ trong dấu nháy kép "…" (cột 8)',
		])
	})

	it('hints at quoting when a comma split a text in flow style', async () => {
		const problems = await problemsOf({
			...base,
			'courses/thu-nghiem/bai-mot.md': lesson.replace(
				'{ id: b, text: Sai }',
				'{ id: b, text: Sai, rất sai }',
			),
		})
		expect(problems).toEqual([
			'courses/thu-nghiem/bai-mot.md, dòng 21: practice[0].options[1]: Mục không được phép: "rất sai". Nếu đây là phần chữ sau dấu phẩy, hãy đặt cả đoạn chữ trong dấu nháy kép "…"',
		])
	})

	it('throws a ContentFolderError listing the problems from loadContentFolder', async () => {
		await writeContent({
			...base,
			'courses/thu-nghiem/bai-mot.md': lesson.replace('minutes: 5', 'minutes: 40'),
		})
		const error = await loadContentFolder(dir).catch((e: unknown) => e)
		expect(error).toBeInstanceOf(ContentFolderError)
		expect((error as ContentFolderError).message).toContain(
			'bai-mot.md, dòng 5: minutes: Bài học dài tối đa 15 phút',
		)
	})
})
