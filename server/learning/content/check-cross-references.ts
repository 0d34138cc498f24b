import type { ContentProblem } from './content-problem.ts'
import type { BasicSkillsFramework, Framework } from './framework-schemas.ts'
import type { LoadedTrack } from './loaded-content.ts'
import type { LineLookup, ReadCourse } from './read-content-files.server.ts'

export interface CrossReferenceInput {
	framework: Framework
	frameworkLines: LineLookup
	basicSkills: BasicSkillsFramework
	basicSkillsLines: LineLookup
	tracks: { track: LoadedTrack; lines: LineLookup }[]
	courses: ReadCourse[]
	/** Every course folder, valid or not: a track naming a folder whose course.yaml failed is not reported again. */
	courseFolders: ReadonlySet<string>
}

/** Checks that every code and id one file uses is defined in another, and that codes are not duplicated. */
export function checkCrossReferences(input: CrossReferenceInput): ContentProblem[] {
	const problems: ContentProblem[] = []
	const at = (lines: LineLookup, path: PropertyKey[], message: string) =>
		problems.push({ file: lines.file, line: lines.lineOf(path), message })

	const competencyCodes = checkFramework(input.framework, input.frameworkLines, at)

	const basicSkillCodes = new Set<string>()
	input.basicSkills.skillGroups.forEach((group, g) => {
		group.items.forEach((item, i) => {
			const where = ['skillGroups', g, 'items', i]
			if (!item.code.startsWith(`${group.code}.`)) {
				at(input.basicSkillsLines, [...where, 'code'], `Mã ${item.code} không thuộc nhóm ${group.code}`)
			}
			if (basicSkillCodes.has(item.code))
				at(input.basicSkillsLines, [...where, 'code'], `Mã ${item.code} bị trùng`)
			basicSkillCodes.add(item.code)
			item.competencies.forEach((code, c) => {
				if (!competencyCodes.has(code)) {
					at(
						input.basicSkillsLines,
						[...where, 'competencies', c],
						`Năng lực ${code} không có trong khung TT 02/2025`,
					)
				}
			})
		})
	})

	const courseIds = new Set(input.courses.map((c) => c.course.id))
	const lessonFiles = new Map<string, string>()
	for (const { course, lessonLines } of input.courses) {
		const orders = course.lessons.map((l) => l.order)
		if (orders.some((order, index) => order !== index + 1)) {
			problems.push({
				file: course.file,
				message: `Thứ tự các bài (order) phải là 1, 2, 3… liên tục, không trùng; hiện có: ${orders.join(', ')}`,
			})
		}
		course.lessons.forEach((lesson) => {
			const lines = lessonLines.get(lesson.id)!
			const earlier = lessonFiles.get(lesson.id)
			if (earlier) at(lines, ['id'], `Mã bài ${lesson.id} đã được dùng ở ${earlier}`)
			lessonFiles.set(lesson.id, lesson.file)
			lesson.competencies.forEach((code, c) => {
				if (!competencyCodes.has(code))
					at(lines, ['competencies', c], `Năng lực ${code} không có trong khung TT 02/2025`)
			})
			lesson.basicSkills?.forEach((code, c) => {
				if (!basicSkillCodes.has(code))
					at(lines, ['basicSkills', c], `Kỹ năng ${code} không có trong khung QĐ 757`)
			})
		})
	}

	const trackOrders = new Map<number, string>()
	for (const { track, lines } of input.tracks) {
		track.courses.forEach((id, i) => {
			if (!courseIds.has(id) && !input.courseFolders.has(id)) {
				at(lines, ['courses', i], `Không có khóa học "${id}" trong thư mục courses`)
			}
		})
		const other = trackOrders.get(track.order)
		if (other) at(lines, ['order'], `Thứ tự ${track.order} đã được lộ trình ${other} dùng`)
		trackOrders.set(track.order, track.id)
		if (
			track.basicSkillsAudience &&
			!input.basicSkills.audiences.some((a) => a.code === track.basicSkillsAudience)
		) {
			at(lines, ['basicSkillsAudience'], `Nhóm ${track.basicSkillsAudience} không có trong khung QĐ 757`)
		}
	}
	return problems
}

function checkFramework(
	framework: Framework,
	lines: LineLookup,
	at: (lines: LineLookup, path: PropertyKey[], message: string) => void,
): Set<string> {
	const codes = new Set<string>()
	const domainCodes = new Set<string>()
	framework.domains.forEach((domain, d) => {
		if (domainCodes.has(domain.code)) at(lines, ['domains', d, 'code'], `Miền ${domain.code} bị trùng`)
		domainCodes.add(domain.code)
		domain.competencies.forEach((competency, c) => {
			const where = ['domains', d, 'competencies', c, 'code']
			if (!competency.code.startsWith(`${domain.code}.`)) {
				at(lines, where, `Năng lực ${competency.code} không thuộc miền ${domain.code}`)
			}
			if (codes.has(competency.code)) at(lines, where, `Năng lực ${competency.code} bị trùng`)
			codes.add(competency.code)
		})
	})
	framework.levels.forEach((level, i) => {
		if (level.number !== i + 1) at(lines, ['levels', i, 'number'], 'Các bậc phải xếp theo thứ tự 1 đến 8')
	})
	framework.bands.forEach((band, i) => {
		if (framework.bands.findIndex((b) => b.code === band.code) !== i) {
			at(lines, ['bands', i, 'code'], `Trình độ ${band.code} bị trùng`)
		}
	})
	return codes
}
