import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { targetGroupCodes } from '#server/people/schema.ts'
import { contentTargetGroupCodes } from './common-schemas.ts'
import { formatContentProblem } from './content-problem.ts'
import { renderLessonHtml } from './lesson-markdown.ts'
import { defaultContentDir, validateContentFolder } from './load-content.server.ts'
import type { LoadedContent } from './loaded-content.ts'
import { estimateLessonMinutes } from './reading-time.ts'
import { findSvgProblems } from './svg-safety.ts'
import { assertInertHtml } from './testing/assert-inert-html.ts'

let content: LoadedContent
const lessons = () => content.courses.flatMap((c) => c.lessons)

beforeAll(async () => {
	const result = await validateContentFolder(defaultContentDir)
	// Show every problem, in Vietnamese with file and line, when the content does not validate.
	expect(result.problems.map(formatContentProblem)).toEqual([])
	content = result.content!
})

/** The 24 component competencies of TT 02/2025 as listed in the reference notes. */
const expectedCompetencies: Record<string, string> = {
	'1.1': 'Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số',
	'1.2': 'Đánh giá dữ liệu, thông tin và nội dung số',
	'1.3': 'Quản lý dữ liệu, thông tin và nội dung số',
	'2.1': 'Tương tác thông qua công nghệ số',
	'2.2': 'Chia sẻ thông tin và nội dung thông qua công nghệ số',
	'2.3': 'Sử dụng công nghệ số để thực hiện trách nhiệm công dân',
	'2.4': 'Hợp tác thông qua công nghệ số',
	'2.5': 'Quy tắc ứng xử trên mạng',
	'2.6': 'Quản lý danh tính số',
	'3.1': 'Phát triển nội dung số',
	'3.2': 'Tích hợp và tạo lập lại nội dung số',
	'3.3': 'Thực thi bản quyền và giấy phép',
	'3.4': 'Lập trình',
	'4.1': 'Bảo vệ thiết bị',
	'4.2': 'Bảo vệ dữ liệu cá nhân và quyền riêng tư',
	'4.3': 'Bảo vệ sức khỏe và an sinh số',
	'4.4': 'Bảo vệ môi trường',
	'5.1': 'Giải quyết vấn đề kỹ thuật',
	'5.2': 'Xác định nhu cầu và giải pháp công nghệ',
	'5.3': 'Sử dụng sáng tạo công nghệ số',
	'5.4': 'Xác định khoảng trống năng lực số',
	'6.1': 'Hiểu biết về trí tuệ nhân tạo',
	'6.2': 'Sử dụng trí tuệ nhân tạo',
	'6.3': 'Đánh giá trí tuệ nhân tạo',
}

describe('the TT 02/2025 framework', () => {
	it('has 6 domains, 24 competencies named as in the reference, 4 bands and 8 levels', () => {
		const { framework } = content
		expect(framework.domains.map((d) => d.name.vi)).toEqual([
			'Khai thác dữ liệu và thông tin',
			'Giao tiếp và hợp tác trong môi trường số',
			'Sáng tạo nội dung số',
			'An toàn',
			'Giải quyết vấn đề',
			'Ứng dụng trí tuệ nhân tạo',
		])
		const competencies = framework.domains.flatMap((d) => d.competencies)
		expect(competencies).toHaveLength(24)
		expect(Object.fromEntries(competencies.map((c) => [c.code, c.name.vi]))).toEqual(expectedCompetencies)
		expect(framework.bands.map((b) => b.name.vi)).toEqual(['Cơ bản', 'Trung cấp', 'Nâng cao', 'Chuyên sâu'])
		expect(framework.levels.map((l) => l.code)).toEqual([
			'CB1',
			'CB2',
			'TC1',
			'TC2',
			'NC1',
			'NC2',
			'CS1',
			'CS2',
		])
	})

	it('says where every element comes from and marks what the official text we have does not give', () => {
		const { framework } = content
		for (const level of framework.levels) {
			expect(level.source.document).toBe('Thông tư 02/2025/TT-BGDĐT')
			if (level.descriptor === null) expect(level.sourceNote).toMatch(/không có trong văn bản chúng tôi có/)
		}
		for (const competency of framework.domains.flatMap((d) => d.competencies)) {
			expect(competency.source.document).toBe('Thông tư 02/2025/TT-BGDĐT')
			if (competency.description === null) expect(competency.source.note).toMatch(/không có trong văn bản/)
		}
	})
})

describe('the QĐ 757/QĐ-BKHCN basic skills framework', () => {
	it('is marked partial, has the four groups and the seeded items with honest sources', () => {
		const { basicSkills } = content
		expect(basicSkills.completeness).toBe('partial')
		expect(basicSkills.source.verification).toBe('unavailable')
		expect(basicSkills.audiences.map((a) => a.code)).toEqual([
			'student',
			'citizen',
			'publicEmployee',
			'enterpriseWorker',
		])
		expect(basicSkills.skillGroups.map((g) => g.name.vi)).toEqual([
			'Sử dụng thiết bị và phần mềm trên thiết bị',
			'Kỹ năng tìm kiếm, khai thác thông tin trên môi trường Internet',
		])
		const items = basicSkills.skillGroups.flatMap((g) => g.items)
		expect(items.filter((i) => i.officialCode).map((i) => i.code)).toEqual(['0.1', '0.2'])
		for (const item of items) {
			expect(item.source.document).toMatch(/3139\/BTTTT-KTS&XHS/)
			expect(item.mappingSource).toBe('hocvusoProposal')
		}
	})
})

describe('tracks', () => {
	it('cover every target group of the plan, each with existing courses and a placeholder pass mark', () => {
		expect(content.tracks.map((t) => t.id)).toEqual([
			'citizen',
			'elderly',
			'student',
			'public-employee',
			'enterprise-worker',
			'small-trader-4t',
			'community-tech-team',
			'digital-ambassador',
		])
		const courseIds = new Set(content.courses.map((c) => c.id))
		for (const track of content.tracks) {
			for (const id of track.courses) expect(courseIds, `${track.id} → ${id}`).toContain(id)
			expect(track.completion.finalAssessment.placeholder).toBe(true)
		}
		const covered = new Set(content.tracks.flatMap((t) => t.targetGroups))
		expect([...covered].sort()).toEqual([...contentTargetGroupCodes].sort())
	})

	it('use the target group codes of the ward registry', () => {
		expect([...contentTargetGroupCodes]).toEqual([...targetGroupCodes])
	})
})

describe('courses and lessons', () => {
	it('have at least 8 courses and 40 lessons, including every required topic', () => {
		expect(content.courses.length).toBeGreaterThanOrEqual(8)
		expect(lessons().length).toBeGreaterThanOrEqual(40)
		const ids = content.courses.map((c) => c.id)
		for (const required of [
			'smartphone-internet',
			'vneid',
			'public-services',
			'cashless-payment',
			'scams-misinformation',
			'personal-data',
			'trader-4t',
			'online-health',
			'ai-basics',
			'ai-at-work',
			'student-digital-safety',
			'community-tech-team',
		]) {
			expect(ids).toContain(required)
		}
	})

	it('tag lessons and practice items with competencies of the framework', () => {
		const codes = new Set(content.framework.domains.flatMap((d) => d.competencies.map((c) => c.code)))
		const basicSkillCodes = new Set(
			content.basicSkills.skillGroups.flatMap((g) => g.items.map((i) => i.code)),
		)
		for (const lesson of lessons()) {
			for (const code of lesson.competencies) expect(codes, lesson.file).toContain(code)
			for (const code of lesson.basicSkills ?? []) expect(basicSkillCodes, lesson.file).toContain(code)
			expect(lesson.practice.length).toBeGreaterThanOrEqual(2)
			expect(lesson.practice.length).toBeLessThanOrEqual(4)
			for (const item of lesson.practice) {
				expect(lesson.competencies, `${lesson.file} ${item.id}`).toContain(item.competency)
				if (item.kind !== 'trueFalse') {
					const options = new Set(item.options.map((o) => o.id))
					for (const answer of item.answer) expect(options, `${lesson.file} ${item.id}`).toContain(answer)
				}
			}
		}
	})

	it('take 5 to 15 minutes, and the declared time covers reading and answering', () => {
		for (const lesson of lessons()) {
			expect(lesson.minutes).toBeGreaterThanOrEqual(5)
			expect(lesson.minutes).toBeLessThanOrEqual(15)
			const estimate = estimateLessonMinutes(lesson.body, lesson.practice.length)
			expect(estimate, `${lesson.file} quá ngắn`).toBeGreaterThanOrEqual(3)
			expect(estimate, `${lesson.file} dài hơn số phút khai báo`).toBeLessThanOrEqual(lesson.minutes)
		}
	})

	it('ship small, self-contained SVG images with Vietnamese descriptions, shown in the lesson body', async () => {
		let images = 0
		for (const course of content.courses) {
			for (const lesson of course.lessons) {
				for (const image of lesson.images) {
					images += 1
					const file = path.join(course.dir, image.file)
					expect((await stat(file)).size, image.file).toBeLessThanOrEqual(8 * 1024)
					expect(findSvgProblems(await readFile(file, 'utf8'))).toEqual([])
					expect(image.alt).toMatch(/[àáảãạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩịúùủũụýỳỷỹỵ]/i)
					expect(lesson.body, `${lesson.file} không hiện ${image.file}`).toContain(`](${image.file})`)
				}
			}
		}
		expect(images).toBeGreaterThanOrEqual(20)
	})

	it('render to inert HTML that shows their own images', () => {
		for (const course of content.courses) {
			for (const lesson of course.lessons) {
				const prefix = `/hoc/${course.id}/`
				const html = renderLessonHtml(lesson.body, {
					imageUrl: (file) => `${prefix}${file}`,
					images: new Set(lesson.images.map((i) => i.file)),
				})
				assertInertHtml(html, prefix)
				expect(html).not.toContain('lesson-image-missing')
				expect(html.match(/<img /g)?.length ?? 0).toBe(lesson.images.length)
			}
		}
	})
})
