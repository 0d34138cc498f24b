import { parseWithZod } from '@conform-to/zod/v4'
import type { Database } from '#server/db/client.server.ts'
import { latestRevision } from '#server/learning/content-revisions.server.ts'
import { readLessonRevision } from '#server/learning/lesson-authoring.server.ts'
import type { LessonData } from '#server/learning/lesson-data.ts'
import {
	type DraftProblems,
	LessonDraftFormSchema,
	validateLessonDraft,
} from '#server/learning/lesson-draft.ts'
import { listCourseImageFiles } from '#server/learning/lesson-images.server.ts'
import { renderLessonBody } from '#server/learning/render-lesson.server.ts'
import { basicSkillItems, skillCompetencies } from '#server/learning/schema.ts'

/**
 * Reads a posted authoring form for a lesson and checks it: the Conform submission (to reply with the
 * typed values and per-field messages), the lesson data when it is valid, and an inert preview of the
 * body (rendered as learners would see it, valid or not — raw HTML shows as text).
 */
export async function readLessonEditorForm(
	db: Database,
	formData: FormData,
	lesson: { id: string; courseId: string; order: number },
) {
	const submission = parseWithZod(formData, { schema: LessonDraftFormSchema })
	const form = submission.status === 'success' ? submission.value : LessonDraftFormSchema.parse({})
	const [images, competencyRows, basicSkillRows, latest] = await Promise.all([
		listCourseImageFiles(db, lesson.courseId),
		db.select({ code: skillCompetencies.code }).from(skillCompetencies),
		db.select({ code: basicSkillItems.code }).from(basicSkillItems),
		latestRevision(db, 'lesson', lesson.id),
	])
	const previousVersion = latest
		? Number((await readLessonRevision(db, lesson.id, latest.revision))?.data.version ?? 0)
		: 0
	const checked = validateLessonDraft(form, {
		lessonId: lesson.id,
		courseId: lesson.courseId,
		order: lesson.order,
		version: previousVersion + 1,
		updated: new Date().toISOString().slice(0, 10),
		competencies: new Set(competencyRows.map((c) => c.code)),
		basicSkills: new Set(basicSkillRows.map((b) => b.code)),
		images: new Set(images),
	})
	const declaredImages = (checked.data?.images ?? []).map((i) => ({ file: i.file }))
	const previewHtml = renderLessonBody({ courseId: lesson.courseId, body: form.body, images: declaredImages })
	return {
		submission,
		note: form.note.trim() || null,
		data: checked.data as LessonData | undefined,
		problems: checked.problems as DraftProblems,
		preview: {
			title: form.title,
			summary: form.summary,
			html: previewHtml,
			practice: checked.data?.practice ?? [],
		},
	}
}
