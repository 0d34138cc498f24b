import { data, Form, Link, redirect } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { learningLinks } from '#app/components/learning/learning-route.ts'
import { LessonEditor } from '#app/components/learning/lesson-editor.tsx'
import { LessonPreview } from '#app/components/learning/lesson-preview.tsx'
import { RevisionHistory } from '#app/components/learning/revision-history.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { levelCodes } from '#server/learning/content/framework-schemas.ts'
import {
	findLessonForEditing,
	listCompetencyChoices,
	listRevisions,
	readLessonRevision,
	republishLessonRevision,
	saveLessonRevision,
} from '#server/learning/lesson-authoring.server.ts'
import { readLessonEditorForm } from '#server/learning/lesson-editor-form.server.ts'
import { lessonFormValues } from '#server/learning/lesson-form-values.ts'
import { listCourseImageFiles } from '#server/learning/lesson-images.server.ts'
import { renderLessonBody } from '#server/learning/render-lesson.server.ts'
import type { Route } from './+types/content-admin-lesson'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `Soạn bài: ${data?.lesson.title ?? ''} — Bình dân học vụ số` },
]
export const links = learningLinks

/**
 * `/quan-tri/noi-dung/bai/:lessonId`: edit a lesson (the newest version, draft or published), preview
 * it as learners will see it, save a draft, publish; the history of versions, any of which can be viewed
 * (`?phienBan=N`) and published again.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	await requirePermission(request, context, 'content.manage')
	const { db } = context.app
	const lesson = await findLessonForEditing(db, params.lessonId)
	if (!lesson) throw data(null, { status: 404 })
	const revisions = await listRevisions(db, 'lesson', lesson.id)
	const newest = revisions[0]
	if (!newest) throw data(null, { status: 404 })
	const working = await readLessonRevision(db, lesson.id, newest.revision)
	const search = new URL(request.url).searchParams
	const viewing = Number(search.get('phienBan')) || null
	const viewed =
		viewing && viewing !== newest.revision ? await readLessonRevision(db, lesson.id, viewing) : null
	const [competencies, images] = await Promise.all([
		listCompetencyChoices(db),
		listCourseImageFiles(db, lesson.courseId),
	])
	return {
		lesson: { ...lesson, title: working?.data.title ?? '' },
		newest: { revision: newest.revision, status: newest.status },
		values: working ? lessonFormValues(working.data) : null,
		viewed: viewed
			? {
					revision: viewed.revision,
					title: viewed.data.title,
					summary: viewed.data.summary,
					html: renderLessonBody({
						courseId: lesson.courseId,
						body: viewed.data.body,
						images: viewed.data.images,
					}),
					practice: viewed.data.practice,
				}
			: null,
		revisions: revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
		competencies,
		images,
		levels: levelCodes,
		notice: { saved: search.get('daLuu'), published: search.get('daXuatBan') },
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'content.manage')
	const formData = await readCsrfCheckedForm(request, context)
	const { db } = context.app
	const lesson = await findLessonForEditing(db, params.lessonId)
	if (!lesson) throw data(null, { status: 404 })
	const intent = String(formData.get('intent') ?? '')
	const baseRevision = Number(formData.get('baseRevision'))
	const audit = requestAudit(context, user)
	if (intent === 'publishRevision') {
		const result = await republishLessonRevision(db, audit, {
			lessonId: lesson.id,
			revision: Number(formData.get('revision')),
			baseRevision,
		})
		if (result.ok) return redirect(`/quan-tri/noi-dung/bai/${lesson.id}?daXuatBan=${result.revision}`)
		if (result.reason === 'conflict')
			return data({ conflict: true, result: null, preview: null }, { status: 409 })
		throw data(null, { status: 404 })
	}
	const read = await readLessonEditorForm(db, formData, {
		id: lesson.id,
		courseId: lesson.courseId,
		order: lesson.position,
	})
	const reply = read.submission.reply({ fieldErrors: read.problems as Record<string, string[]> })
	if (intent === 'preview') return { conflict: false, result: reply, preview: read.preview }
	if (!read.data) return data({ conflict: false, result: reply, preview: read.preview }, { status: 400 })
	const saved = await saveLessonRevision(db, audit, {
		data: read.data,
		baseRevision,
		publish: intent === 'publish',
		note: read.note,
		isNew: false,
	})
	if (saved.ok) {
		const flag = intent === 'publish' ? 'daXuatBan' : 'daLuu'
		return redirect(`/quan-tri/noi-dung/bai/${lesson.id}?${flag}=${saved.revision}`)
	}
	return data({ conflict: true, result: read.submission.reply(), preview: null }, { status: 409 })
}

export default function ContentAdminLesson({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { lesson, newest, values, viewed, revisions, competencies, images, notice } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/quan-tri/noi-dung">← {t('content.admin.title')}</Link>
			</p>
			<h1>{t('content.lesson.title', { title: lesson.title })}</h1>
			<p>
				{t('content.lesson.course', { course: lesson.courseTitle })} · {t(`content.status.${lesson.status}`)}
				{lesson.revision > 0 ? ` · ${t('content.lesson.publishedRevision', { n: lesson.revision })}` : ''}
				{lesson.status === 'published' ? (
					<>
						{' '}
						· <a href={`/hoc/bai/${lesson.id}`}>{t('content.lesson.viewAsLearner')}</a>
					</>
				) : null}
			</p>
			<SavedNotice {...notice} />
			{actionData?.conflict ? (
				<p className="form-error" role="alert">
					{t('content.editor.conflict')}
				</p>
			) : null}
			{newest.status === 'draft' ? (
				<Form method="post" className="notice">
					<CsrfInput />
					<input type="hidden" name="intent" value="publishRevision" />
					<input type="hidden" name="revision" value={newest.revision} />
					<input type="hidden" name="baseRevision" value={newest.revision} />
					<p>{t('content.lesson.draftWaiting', { n: newest.revision })}</p>
					<button type="submit" className="primary">
						{t('content.lesson.publishDraft')}
					</button>
				</Form>
			) : null}
			{viewed ? (
				<section aria-labelledby="viewed-title" className="stack">
					<h2 id="viewed-title">{t('content.lesson.viewing', { n: viewed.revision })}</h2>
					<LessonPreview preview={viewed} />
					<Form method="post">
						<CsrfInput />
						<input type="hidden" name="intent" value="publishRevision" />
						<input type="hidden" name="revision" value={viewed.revision} />
						<input type="hidden" name="baseRevision" value={newest.revision} />
						<button type="submit" className="primary">
							{t('content.lesson.republish', { n: viewed.revision })}
						</button>
					</Form>
				</section>
			) : null}
			{actionData?.preview ? (
				<section aria-labelledby="preview-title" className="stack">
					<h2 id="preview-title">{t('content.editor.previewTitle')}</h2>
					<LessonPreview preview={actionData.preview} />
				</section>
			) : null}
			<section aria-labelledby="edit-title">
				<h2 id="edit-title">{t('content.lesson.editTitle', { n: newest.revision })}</h2>
				<LessonEditor
					key={newest.revision}
					defaultValue={values ?? {}}
					baseRevision={newest.revision}
					lastResult={actionData?.result}
					competencies={competencies}
					images={images}
					levels={loaderData.levels}
				/>
			</section>
			<RevisionHistory revisions={revisions} viewPath={`/quan-tri/noi-dung/bai/${lesson.id}`} />
		</div>
	)
}

function SavedNotice({ saved, published }: { saved: string | null; published: string | null }) {
	const { t } = useTranslate()
	if (!saved && !published) return null
	return (
		<p className="notice" role="status">
			{published
				? t('content.lesson.published', { n: published })
				: t('content.lesson.saved', { n: saved ?? '' })}
		</p>
	)
}
