import { z } from 'zod'
import { LessonFrontMatterSchema } from '#server/learning/content/course-schemas.ts'
import { findLessonBodyProblems } from '#server/learning/content/lesson-markdown.ts'
import { formatPath, parseYamlWith } from '#server/learning/content/yaml-source.ts'
import type { LessonData } from '#server/learning/lesson-data.ts'

/** What the authoring form sends (every field as typed). */
export const LessonDraftFormSchema = z.object({
	title: z.string().default(''),
	summary: z.string().default(''),
	minutes: z.string().default(''),
	level: z.string().default(''),
	competencies: z.array(z.string()).default([]),
	/** QĐ 757 item codes, separated by commas or spaces. */
	basicSkills: z.string().default(''),
	body: z.string().default(''),
	practiceYaml: z.string().default(''),
	imagesYaml: z.string().default(''),
	sourcesYaml: z.string().default(''),
	note: z.string().max(500).default(''),
})
export type LessonDraftForm = z.infer<typeof LessonDraftFormSchema>

export type DraftField = Exclude<keyof LessonDraftForm, 'note'> | 'id'

export interface DraftContext {
	lessonId: string
	courseId: string
	order: number
	/** The lesson's `version` once this draft is published. */
	version: number
	/** Today, YYYY-MM-DD. */
	updated: string
	/** TT 02 competency codes that exist. */
	competencies: ReadonlySet<string>
	/** Image files of the course folder. */
	images: ReadonlySet<string>
	/** QĐ 757 basic skill item codes that exist. */
	basicSkills: ReadonlySet<string>
}

export type DraftProblems = Partial<Record<DraftField, string[]>>

const fieldOfPath: Record<string, DraftField> = {
	id: 'id',
	title: 'title',
	summary: 'summary',
	minutes: 'minutes',
	level: 'level',
	competencies: 'competencies',
	basicSkills: 'basicSkills',
	practice: 'practiceYaml',
	images: 'imagesYaml',
	sources: 'sourcesYaml',
}

/**
 * Turns the authoring form into a lesson's revision data, checked exactly as a lesson file is (the same
 * schema, the same body rules: no HTML, safe links, declared images of the course folder), with
 * Vietnamese messages per field. Lists (practice, images, sources) are written in YAML as in the files.
 */
export function validateLessonDraft(
	form: LessonDraftForm,
	context: DraftContext,
): { data?: LessonData; problems: DraftProblems } {
	const problems: DraftProblems = {}
	const add = (field: DraftField, message: string) => {
		problems[field] = [...(problems[field] ?? []), message]
	}
	const list = (field: DraftField, text: string) => {
		if (text.trim() === '') return []
		const parsed = parseYamlWith(z.array(z.unknown()), text, field)
		for (const p of parsed.problems) add(field, p.line ? `Dòng ${p.line}: ${p.message}` : p.message)
		return parsed.data
	}
	const practice = list('practiceYaml', form.practiceYaml)
	const images = list('imagesYaml', form.imagesYaml)
	const sources = list('sourcesYaml', form.sourcesYaml)
	const minutes = /^\s*\d+\s*$/.test(form.minutes) ? Number(form.minutes) : Number.NaN
	const basicSkills = form.basicSkills.split(/[\s,;]+/).filter((code) => code !== '')
	const frontMatter = {
		id: context.lessonId,
		title: form.title,
		summary: form.summary,
		minutes: Number.isNaN(minutes) ? form.minutes : minutes,
		level: form.level,
		competencies: form.competencies,
		...(basicSkills.length > 0 ? { basicSkills } : {}),
		order: context.order,
		version: context.version,
		updated: context.updated,
		...(sources && sources.length > 0 ? { sources } : {}),
		images: images ?? [],
		practice: practice ?? [],
	}
	const parsed = LessonFrontMatterSchema.safeParse(frontMatter)
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = fieldOfPath[String(issue.path[0])] ?? 'title'
			const where = issue.path.length > 1 ? `${formatPath(issue.path.slice(1))}: ` : ''
			// A list that did not parse has its own messages already.
			if (field.endsWith('Yaml') && problems[field]) continue
			add(field, `${where}${issue.message}`)
		}
	}
	for (const code of form.competencies) {
		if (!context.competencies.has(code)) add('competencies', `Không có năng lực mã "${code}" trong khung`)
	}
	for (const code of basicSkills) {
		if (!context.basicSkills.has(code))
			add('basicSkills', `Không có mục mã "${code}" trong khung kỹ năng số cơ bản`)
	}
	const declared = new Set((parsed.data?.images ?? []).map((i) => i.file))
	for (const file of declared) {
		if (!context.images.has(file)) add('imagesYaml', `Khóa học chưa có tệp hình ${file}`)
	}
	if (form.body.trim() === '') add('body', 'Bài học chưa có nội dung')
	for (const p of findLessonBodyProblems(form.body, declared)) add('body', `Dòng ${p.line}: ${p.message}`)
	if (Object.keys(problems).length > 0 || !parsed.data) return { problems }
	return { data: { ...parsed.data, courseId: context.courseId, body: form.body }, problems }
}
