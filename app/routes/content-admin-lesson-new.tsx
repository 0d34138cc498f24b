import { data, Link, redirect } from 'react-router'
import { learningLinks } from '#app/components/learning/learning-route.ts'
import { LessonEditor } from '#app/components/learning/lesson-editor.tsx'
import { LessonPreview } from '#app/components/learning/lesson-preview.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { ContentIdSchema } from '#server/learning/content/common-schemas.ts'
import { levelCodes } from '#server/learning/content/framework-schemas.ts'
import { findCourseTitle } from '#server/learning/course-view.server.ts'
import {
	listCompetencyChoices,
	nextLessonPosition,
	saveLessonRevision,
} from '#server/learning/lesson-authoring.server.ts'
import { readLessonEditorForm } from '#server/learning/lesson-editor-form.server.ts'
import { listCourseImageFiles } from '#server/learning/lesson-images.server.ts'
import type { Route } from './+types/content-admin-lesson-new'

export const meta: Route.MetaFunction = () => [{ title: 'Bài học mới — Bình dân học vụ số' }]
export const links = learningLinks

// A starting point for the practice questions, in the format of the lesson files (content/README.md).
const practiceExample = `- id: q1
  kind: singleChoice
  competency: "4.2"
  prompt: Câu hỏi?
  options:
    - { id: a, text: "Lựa chọn đúng" }
    - { id: b, text: "Lựa chọn sai" }
  answer: [a]
  explanation: Vì sao đáp án a đúng.
- id: q2
  kind: trueFalse
  competency: "4.2"
  prompt: Một câu nhận định.
  answer: true
  explanation: Vì sao nhận định này đúng.`

/** `/quan-tri/noi-dung/khoa/:courseId/bai-moi`: write a new lesson for a course (draft or published). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	await requirePermission(request, context, 'content.manage')
	const { db } = context.app
	const courseTitle = await findCourseTitle(db, params.courseId)
	if (!courseTitle) throw data(null, { status: 404 })
	const [competencies, images] = await Promise.all([
		listCompetencyChoices(db),
		listCourseImageFiles(db, params.courseId),
	])
	return {
		course: { id: params.courseId, title: courseTitle },
		competencies,
		images,
		levels: levelCodes,
		practiceExample,
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'content.manage')
	const formData = await readCsrfCheckedForm(request, context)
	const { db } = context.app
	if (!(await findCourseTitle(db, params.courseId))) throw data(null, { status: 404 })
	const id = ContentIdSchema.safeParse(String(formData.get('id') ?? '').trim())
	const lessonId = id.success ? id.data : 'bai-moi'
	const read = await readLessonEditorForm(db, formData, {
		id: lessonId,
		courseId: params.courseId,
		order: await nextLessonPosition(db, params.courseId),
	})
	const problems: Record<string, string[]> = { ...(read.problems as Record<string, string[]>) }
	if (!id.success) problems.id = id.error.issues.map((i) => i.message)
	const intent = String(formData.get('intent') ?? '')
	if (intent === 'preview') {
		return { result: read.submission.reply({ fieldErrors: problems }), preview: read.preview }
	}
	if (!read.data || !id.success) {
		return data(
			{ result: read.submission.reply({ fieldErrors: problems }), preview: read.preview },
			{ status: 400 },
		)
	}
	const saved = await saveLessonRevision(db, requestAudit(context, user), {
		data: read.data,
		baseRevision: 0,
		publish: intent === 'publish',
		note: read.note,
		isNew: true,
	})
	if (saved.ok) {
		const flag = intent === 'publish' ? 'daXuatBan' : 'daLuu'
		return redirect(`/quan-tri/noi-dung/bai/${lessonId}?${flag}=${saved.revision}`)
	}
	problems.id = ['Đã có bài học với mã này; hãy chọn mã khác']
	return data({ result: read.submission.reply({ fieldErrors: problems }), preview: null }, { status: 409 })
}

export default function ContentAdminLessonNew({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { course, competencies, images } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/quan-tri/noi-dung">← {t('content.admin.title')}</Link>
			</p>
			<h1>{t('content.new.title', { course: course.title })}</h1>
			<p>{t('content.new.intro')}</p>
			{actionData?.preview ? (
				<section aria-labelledby="preview-title" className="stack">
					<h2 id="preview-title">{t('content.editor.previewTitle')}</h2>
					<LessonPreview preview={actionData.preview} />
				</section>
			) : null}
			<LessonEditor
				newLesson
				defaultValue={{ minutes: '10', level: 'CB1', practiceYaml: loaderData.practiceExample }}
				baseRevision={0}
				lastResult={actionData?.result}
				competencies={competencies}
				images={images}
				levels={loaderData.levels}
			/>
		</div>
	)
}
