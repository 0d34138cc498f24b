import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseDocument } from 'yaml'
import type { ContentProblem } from './content-problem.ts'
import { CourseSchema, LessonFrontMatterSchema } from './course-schemas.ts'
import {
	type BasicSkillsFramework,
	BasicSkillsFrameworkSchema,
	type Framework,
	FrameworkSchema,
} from './framework-schemas.ts'
import { findLessonBodyProblems, splitFrontMatter } from './lesson-markdown.ts'
import type { LoadedCourse, LoadedLesson, LoadedTrack } from './loaded-content.ts'
import { findSvgProblems } from './svg-safety.ts'
import { TrackSchema } from './track-schema.ts'
import { parseYamlWith } from './yaml-source.ts'

/** Largest image accepted next to a lesson (photos included); our own SVG diagrams stay far below. */
export const maxImageBytes = 300 * 1024
const imageExtensions = new Set(['.svg', '.png', '.jpg', '.jpeg', '.webp'])

export interface LineLookup {
	file: string
	lineOf: (path: readonly PropertyKey[]) => number | undefined
}

export interface ReadResult<T> {
	value: T | undefined
	lines: LineLookup | undefined
}

const toPosix = (p: string) => p.split(path.sep).join('/')

async function listDir(dir: string): Promise<string[] | undefined> {
	try {
		return (await readdir(dir)).sort()
	} catch {
		return undefined
	}
}

/** Reads framework/: exactly one TT 02/2025 framework and one QĐ 757 basic skills framework, told apart by `kind`. */
export async function readFrameworks(
	root: string,
	problems: ContentProblem[],
): Promise<{ framework?: ReadResult<Framework>; basicSkills?: ReadResult<BasicSkillsFramework> }> {
	const files = (await listDir(path.join(root, 'framework')))?.filter((f) => f.endsWith('.yaml'))
	if (!files) {
		problems.push({ file: 'framework', message: 'Thiếu thư mục framework (khung năng lực)' })
		return {}
	}
	const found: { framework?: ReadResult<Framework>; basicSkills?: ReadResult<BasicSkillsFramework> } = {}
	for (const name of files) {
		const file = `framework/${name}`
		const text = await readFile(path.join(root, 'framework', name), 'utf8')
		const kind = (parseDocument(text).toJS() as { kind?: unknown } | null)?.kind
		const slot =
			kind === 'competenceFramework' ? 'framework' : kind === 'basicSkillsFramework' ? 'basicSkills' : null
		if (slot === null) {
			problems.push({
				file,
				line: 1,
				message: 'Mục kind phải là competenceFramework hoặc basicSkillsFramework',
			})
			continue
		}
		if (found[slot]) {
			problems.push({ file, message: `Chỉ được có một tệp loại ${kind} trong thư mục framework` })
			continue
		}
		const parsed =
			slot === 'framework'
				? parseYamlWith(FrameworkSchema, text, file)
				: parseYamlWith(BasicSkillsFrameworkSchema, text, file)
		problems.push(...parsed.problems)
		// biome-ignore lint/suspicious/noExplicitAny: the slot decides which of the two shapes was parsed
		found[slot] = { value: parsed.data as any, lines: { file, lineOf: parsed.lineOf } }
	}
	if (!found.framework)
		problems.push({ file: 'framework', message: 'Thiếu tệp khung năng lực số (kind: competenceFramework)' })
	if (!found.basicSkills) {
		problems.push({
			file: 'framework',
			message: 'Thiếu tệp khung kỹ năng số cơ bản (kind: basicSkillsFramework)',
		})
	}
	return found
}

/** Reads tracks/*.yaml; each file is named after its track id. */
export async function readTracks(
	root: string,
	problems: ContentProblem[],
): Promise<{ track: LoadedTrack; lines: LineLookup }[]> {
	const files = (await listDir(path.join(root, 'tracks')))?.filter((f) => f.endsWith('.yaml'))
	if (!files) {
		problems.push({ file: 'tracks', message: 'Thiếu thư mục tracks (lộ trình học)' })
		return []
	}
	const tracks: { track: LoadedTrack; lines: LineLookup }[] = []
	for (const name of files) {
		const file = `tracks/${name}`
		const parsed = parseYamlWith(TrackSchema, await readFile(path.join(root, 'tracks', name), 'utf8'), file)
		problems.push(...parsed.problems)
		if (!parsed.data) continue
		if (`${parsed.data.id}.yaml` !== name) {
			problems.push({
				file,
				line: parsed.lineOf(['id']),
				message: `Tên tệp phải là ${parsed.data.id}.yaml (trùng với id)`,
			})
		}
		tracks.push({ track: { ...parsed.data, file }, lines: { file, lineOf: parsed.lineOf } })
	}
	return tracks
}

export interface ReadCourse {
	course: LoadedCourse
	lessonLines: Map<string, LineLookup>
}

/**
 * Reads courses/<id>/course.yaml, the lessons (*.md) and checks the images beside them. `folders` lists every
 * course folder, including those whose course.yaml did not validate, so references to them are not reported twice.
 */
export async function readCourses(
	root: string,
	problems: ContentProblem[],
): Promise<{ courses: ReadCourse[]; folders: Set<string> }> {
	const names = await listDir(path.join(root, 'courses'))
	if (!names) {
		problems.push({ file: 'courses', message: 'Thiếu thư mục courses (khóa học)' })
		return { courses: [], folders: new Set() }
	}
	const courses: ReadCourse[] = []
	const folders = new Set<string>()
	for (const folder of names) {
		const dir = path.join(root, 'courses', folder)
		if (!(await stat(dir)).isDirectory()) continue
		folders.add(folder)
		const read = await readCourse(root, dir, folder, problems)
		if (read) courses.push(read)
	}
	return { courses, folders }
}

async function readCourse(
	root: string,
	dir: string,
	folder: string,
	problems: ContentProblem[],
): Promise<{ course: LoadedCourse; lessonLines: Map<string, LineLookup> } | undefined> {
	const courseFile = `courses/${folder}/course.yaml`
	const names = (await listDir(dir)) ?? []
	if (!names.includes('course.yaml')) {
		problems.push({ file: `courses/${folder}`, message: 'Thiếu tệp course.yaml mô tả khóa học' })
		return undefined
	}
	const parsed = parseYamlWith(
		CourseSchema,
		await readFile(path.join(dir, 'course.yaml'), 'utf8'),
		courseFile,
	)
	problems.push(...parsed.problems)
	if (!parsed.data) return undefined
	if (parsed.data.id !== folder) {
		problems.push({
			file: courseFile,
			line: parsed.lineOf(['id']),
			message: `id của khóa học phải trùng tên thư mục "${folder}"`,
		})
	}
	const images = new Set(names.filter((n) => imageExtensions.has(path.extname(n))))
	const lessons: LoadedLesson[] = []
	const lessonLines = new Map<string, LineLookup>()
	const usedImages = new Set<string>()
	let lessonFiles = 0
	for (const name of names) {
		const file = toPosix(path.relative(root, path.join(dir, name)))
		if (name === 'course.yaml' || images.has(name)) continue
		if (!name.endsWith('.md')) {
			problems.push({
				file,
				message: 'Tệp không được dùng trong khóa học (chỉ course.yaml, bài học .md và hình)',
			})
			continue
		}
		lessonFiles += 1
		const lesson = await readLesson(path.join(dir, name), file, folder, images, problems)
		if (!lesson) continue
		lessons.push(lesson.lesson)
		lessonLines.set(lesson.lesson.id, lesson.lines)
		for (const image of lesson.lesson.images) usedImages.add(image.file)
	}
	for (const image of images) {
		const file = `courses/${folder}/${image}`
		const size = (await stat(path.join(dir, image))).size
		if (size > maxImageBytes) {
			problems.push({
				file,
				message: `Hình quá lớn (${Math.round(size / 1024)} KB, tối đa ${maxImageBytes / 1024} KB)`,
			})
		}
		if (image.endsWith('.svg')) {
			for (const message of findSvgProblems(await readFile(path.join(dir, image), 'utf8'))) {
				problems.push({ file, message })
			}
		}
		// A lesson that failed to parse may be the one declaring the image: only report when all lessons loaded.
		if (!usedImages.has(image) && lessons.length === lessonFiles) {
			problems.push({ file, message: 'Hình không được bài học nào khai báo trong mục images' })
		}
	}
	if (lessonFiles === 0) problems.push({ file: courseFile, message: 'Khóa học chưa có bài học nào' })
	lessons.sort((a, b) => a.order - b.order)
	return { course: { ...parsed.data, file: courseFile, dir, lessons }, lessonLines }
}

async function readLesson(
	absolute: string,
	file: string,
	courseId: string,
	images: ReadonlySet<string>,
	problems: ContentProblem[],
): Promise<{ lesson: LoadedLesson; lines: LineLookup } | undefined> {
	const parts = splitFrontMatter(await readFile(absolute, 'utf8'))
	if (!parts) {
		problems.push({ file, line: 1, message: 'Bài học phải bắt đầu bằng phần đầu YAML nằm giữa hai dòng ---' })
		return undefined
	}
	const parsed = parseYamlWith(LessonFrontMatterSchema, parts.frontMatter, file, parts.frontMatterLine - 1)
	problems.push(...parsed.problems)
	if (!parsed.data) return undefined
	const lines = { file, lineOf: parsed.lineOf }
	if (`${parsed.data.id}.md` !== path.basename(absolute)) {
		problems.push({
			file,
			line: parsed.lineOf(['id']),
			message: `Tên tệp phải là ${parsed.data.id}.md (trùng với id)`,
		})
	}
	parsed.data.images.forEach((image, i) => {
		if (!images.has(image.file)) {
			problems.push({
				file,
				line: parsed.lineOf(['images', i, 'file']),
				message: `Không tìm thấy tệp hình ${image.file}`,
			})
		}
	})
	const declared = new Set(parsed.data.images.map((i) => i.file))
	for (const p of findLessonBodyProblems(parts.body, declared)) {
		problems.push({ file, line: p.line + parts.bodyLine - 1, message: p.message })
	}
	if (parts.body.trim() === '')
		problems.push({ file, line: parts.bodyLine, message: 'Bài học chưa có nội dung' })
	return { lesson: { ...parsed.data, courseId, file, body: parts.body, bodyLine: parts.bodyLine }, lines }
}
