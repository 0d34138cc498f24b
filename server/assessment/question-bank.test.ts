import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatContentProblem } from '#server/learning/content/content-problem.ts'
import { defaultContentDir, loadContentFolder } from '#server/learning/content/load-content.server.ts'
import type { LoadedContent } from '#server/learning/content/loaded-content.ts'
import { type LoadedQuestion, validateQuestionFolder } from './load-questions.server.ts'

let content: LoadedContent
let items: LoadedQuestion[]

beforeAll(async () => {
	content = await loadContentFolder(defaultContentDir)
	const result = await validateQuestionFolder(defaultContentDir, content)
	// Every problem in Vietnamese with file and line when the bank does not validate.
	expect(result.problems.map(formatContentProblem)).toEqual([])
	items = result.items
})

describe('the question bank in content/questions', () => {
	it('holds at least 300 items, with practical AI tasks for target 8', () => {
		expect(items.length).toBeGreaterThanOrEqual(300)
		const aiPractical = items.filter(
			(i) => i.kind === 'practical' && (i.courseId === 'ai-basics' || i.courseId === 'ai-at-work'),
		)
		expect(aiPractical.length).toBeGreaterThanOrEqual(8)
	})

	it('covers every seeded course with items of several kinds', () => {
		for (const course of content.courses) {
			const mine = items.filter((i) => i.courseId === course.id)
			expect(mine.length, course.id).toBeGreaterThanOrEqual(20)
			expect(new Set(mine.map((i) => i.kind)).size, course.id).toBeGreaterThanOrEqual(3)
		}
	})

	it('tests every competency the course lessons build', () => {
		for (const course of content.courses) {
			const tested = new Set(items.filter((i) => i.courseId === course.id).map((i) => i.competency))
			const taught = new Set(course.lessons.flatMap((l) => l.competencies))
			const untested = [...taught].filter((c) => !tested.has(c))
			// A lesson may name a side competency; most of what a course teaches must be tested.
			expect(untested.length, `${course.id}: ${untested.join(', ')}`).toBeLessThanOrEqual(1)
		}
	})

	it('has an explanation for every item and no duplicated question', () => {
		const prompts = new Set<string>()
		for (const item of items) {
			expect(item.explanation.length, item.id).toBeGreaterThan(20)
			expect(prompts.has(item.prompt), item.prompt).toBe(false)
			prompts.add(item.prompt)
		}
	})

	it('spreads levels so the placement test can move up and down', () => {
		const levels = new Set(items.map((i) => i.level))
		for (const level of ['CB1', 'CB2', 'TC1']) expect(levels.has(level as never), level).toBe(true)
	})
})

describe('question file checks', () => {
	async function problemsOf(yaml: string, name = 'vneid.yaml') {
		const dir = await mkdtemp(path.join(os.tmpdir(), 'questions-'))
		const { mkdir } = await import('node:fs/promises')
		await mkdir(path.join(dir, 'questions'))
		await writeFile(path.join(dir, 'questions', name), yaml)
		return (await validateQuestionFolder(dir, content)).problems.map(formatContentProblem)
	}
	const item = (extra: string) => `course: vneid
items:
  - id: vneid-x1
    competency: "4.2"
    level: CB1
    prompt: "Câu hỏi?"
    explanation: "Vì thế."
${extra}`

	it('accepts a well-formed item', async () => {
		expect(await problemsOf(item('    kind: trueFalse\n    answer: true\n'))).toEqual([])
	})

	it('refuses a key naming an option that does not exist, with the line', async () => {
		const problems = await problemsOf(
			item(
				'    kind: singleChoice\n    options:\n      - { id: a, text: "Một" }\n      - { id: b, text: "Hai" }\n    answer: [c]\n',
			),
		)
		expect(problems).toEqual([
			expect.stringMatching(
				/^questions\/vneid\.yaml, dòng 12: items\[0\]\.answer: Đáp án nhắc tới lựa chọn không có/,
			),
		])
	})

	it('refuses an ordering key that leaves options out and a matching key that pairs twice', async () => {
		const ordering = await problemsOf(
			item(
				'    kind: ordering\n    options:\n      - { id: a, text: "Một" }\n      - { id: b, text: "Hai" }\n      - { id: c, text: "Ba" }\n    answer: [a, b]\n',
			),
		)
		expect(ordering.join()).toContain('Thứ tự đúng phải gồm mọi lựa chọn')
		const matching = await problemsOf(
			item(
				'    kind: matching\n    options:\n      - { id: a, text: "Một" }\n      - { id: b, text: "Hai" }\n    targets:\n      - { id: p, text: "P" }\n      - { id: q, text: "Q" }\n    answer: ["a:p", "a:q"]\n',
			),
		)
		expect(matching.join()).toContain('Mỗi lựa chọn phải được ghép đúng một lần')
	})

	it('refuses an unknown course, a wrong id prefix, an unknown competency and a missing picture', async () => {
		expect((await problemsOf('course: nope\nitems: []\n', 'nope.yaml')).join()).toMatch(/items|nope/)
		const wrong = await problemsOf(
			`course: vneid
items:
  - id: other-1
    kind: trueFalse
    competency: "9.9"
    level: CB1
    prompt: "Câu?"
    answer: true
    explanation: "Vì thế."
    image: { file: khong-co.svg, alt: "Hình" }
`,
		)
		expect(wrong.join('\n')).toContain('Mã câu hỏi phải bắt đầu bằng "vneid-"')
		expect(wrong.join('\n')).toContain('Không có năng lực "9.9"')
		expect(wrong.join('\n')).toContain('Không có hình khong-co.svg')
	})
})
