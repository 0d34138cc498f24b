import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ContentProblem } from '#server/learning/content/content-problem.ts'
import { formatContentProblem } from '#server/learning/content/content-problem.ts'
import type { LoadedContent } from '#server/learning/content/loaded-content.ts'
import { parseYamlWith } from '#server/learning/content/yaml-source.ts'
import { QuestionFileSchema, type QuestionItem } from './question-file-schema.ts'

/** A question item as loaded from content/questions/<course>.yaml. */
export type LoadedQuestion = QuestionItem & { courseId: string; file: string }

export interface QuestionValidationResult {
	problems: ContentProblem[]
	items: LoadedQuestion[]
}

/**
 * Reads every content/questions/*.yaml against the schema, then against the rest of the content: the
 * course exists and the file is named after it, ids are unique and start with the course id, competencies
 * and levels are the framework's, pictures are files of the course folder.
 */
export async function validateQuestionFolder(
	dir: string,
	content: LoadedContent,
): Promise<QuestionValidationResult> {
	const problems: ContentProblem[] = []
	const items: LoadedQuestion[] = []
	const folder = path.join(dir, 'questions')
	const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith('.yaml')).sort()
	const competencies = new Set(content.framework.domains.flatMap((d) => d.competencies.map((c) => c.code)))
	const courses = new Map(content.courses.map((c) => [c.id, c]))
	const seen = new Map<string, string>()
	for (const name of files) {
		const file = `questions/${name}`
		const parsed = parseYamlWith(QuestionFileSchema, await readFile(path.join(folder, name), 'utf8'), file)
		problems.push(...parsed.problems)
		if (!parsed.data) continue
		const { course: courseId, items: fileItems } = parsed.data
		const course = courses.get(courseId)
		if (!course) {
			problems.push({ file, line: parsed.lineOf(['course']), message: `Không có khóa học "${courseId}"` })
			continue
		}
		if (name !== `${courseId}.yaml`)
			problems.push({ file, line: parsed.lineOf(['course']), message: `Tệp phải mang tên ${courseId}.yaml` })
		for (const [i, item] of fileItems.entries()) {
			const at = (key: string) => parsed.lineOf(['items', i, key])
			if (!item.id.startsWith(`${courseId}-`))
				problems.push({ file, line: at('id'), message: `Mã câu hỏi phải bắt đầu bằng "${courseId}-"` })
			const other = seen.get(item.id)
			if (other)
				problems.push({ file, line: at('id'), message: `Mã câu hỏi "${item.id}" đã có trong ${other}` })
			seen.set(item.id, file)
			if (!competencies.has(item.competency))
				problems.push({
					file,
					line: at('competency'),
					message: `Không có năng lực "${item.competency}" trong khung`,
				})
			if (item.image) {
				const exists = await stat(path.join(course.dir, item.image.file)).then(
					(s) => s.isFile(),
					() => false,
				)
				if (!exists)
					problems.push({
						file,
						line: at('image'),
						message: `Không có hình ${item.image.file} trong thư mục khóa học`,
					})
			}
			items.push({ ...item, courseId, file })
		}
	}
	return { problems, items }
}

/** Loads the question bank or throws with every problem listed. */
export async function loadQuestionFolder(dir: string, content: LoadedContent): Promise<LoadedQuestion[]> {
	const { problems, items } = await validateQuestionFolder(dir, content)
	if (problems.length > 0)
		throw new Error(`Ngân hàng câu hỏi chưa hợp lệ:\n${problems.map(formatContentProblem).join('\n')}`)
	return items
}
