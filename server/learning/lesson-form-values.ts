import { stringify } from 'yaml'
import type { LessonData } from '#server/learning/lesson-data.ts'
import type { LessonDraftForm } from '#server/learning/lesson-draft.ts'

const yamlList = (value: unknown[] | undefined) =>
	value && value.length > 0 ? stringify(value, { lineWidth: 0 }).trimEnd() : ''

/** A stored lesson version as the authoring form shows it (lists in YAML, as in a lesson file). */
export function lessonFormValues(data: LessonData): LessonDraftForm {
	return {
		title: data.title,
		summary: data.summary,
		minutes: String(data.minutes),
		level: data.level,
		competencies: [...data.competencies],
		basicSkills: (data.basicSkills ?? []).join(', '),
		body: data.body,
		practiceYaml: yamlList(data.practice),
		imagesYaml: yamlList(data.images),
		sourcesYaml: yamlList(data.sources),
		note: '',
	}
}
