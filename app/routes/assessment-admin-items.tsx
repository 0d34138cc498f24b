import { asc, count, eq } from 'drizzle-orm'
import { data, Form } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { importItemSheet } from '#server/assessment/import-item-sheet.server.ts'
import { ITEM_IMAGE_MAX_BYTES, removeItemImage, setItemImage } from '#server/assessment/item-images.server.ts'
import { assessmentItems } from '#server/assessment/schema.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { learningCourses } from '#server/learning/schema.ts'
import { isImportFileError } from '#server/people/import/import-file-error.ts'
import { defaultImportLimits } from '#server/people/import/import-limits.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import type { Route } from './+types/assessment-admin-items'

export const meta: Route.MetaFunction = () => [{ title: 'Ngân hàng câu hỏi — Bình dân học vụ số' }]

/** `/quan-tri/cau-hoi`: the question bank by course, and the import of items from a spreadsheet. */
export async function loader({ request, context }: Route.LoaderArgs) {
	await requirePermission(request, context, 'content.manage')
	const { db } = context.app
	const courseId = new URL(request.url).searchParams.get('khoa') ?? ''
	const courses = await db
		.select({ id: learningCourses.id, title: learningCourses.title, items: count(assessmentItems.id) })
		.from(learningCourses)
		.leftJoin(assessmentItems, eq(assessmentItems.courseId, learningCourses.id))
		.groupBy(learningCourses.id, learningCourses.title)
		.orderBy(asc(learningCourses.title))
	const items = /^[a-z0-9-]{1,60}$/.test(courseId)
		? await db
				.select({
					id: assessmentItems.id,
					kind: assessmentItems.kind,
					level: assessmentItems.level,
					competencyCode: assessmentItems.competencyCode,
					prompt: assessmentItems.prompt,
					origin: assessmentItems.origin,
					active: assessmentItems.active,
					imageSha256: assessmentItems.imageSha256,
					imageAlt: assessmentItems.imageAlt,
				})
				.from(assessmentItems)
				.where(eq(assessmentItems.courseId, courseId))
				.orderBy(asc(assessmentItems.id))
		: []
	return { courses, courseId, items }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'content.manage')
	const declared = Number(request.headers.get('content-length') ?? 0)
	if (declared > defaultImportLimits.maxFileBytes + 64 * 1024)
		return data({ fileError: 'tooLarge' as const }, { status: 413 })
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const intent = formData.get('intent')
	if (intent === 'image' || intent === 'removeImage') {
		const itemId = String(formData.get('itemId') ?? '')
		const picture = formData.get('image')
		const audit = requestAudit(context, user)
		const outcome =
			intent === 'removeImage'
				? await removeItemImage(context.app.db, { itemId, userId: user.id }, audit)
				: !(picture instanceof File) || picture.size === 0
					? ({ ok: false, reason: 'noFile' } as const)
					: picture.size > ITEM_IMAGE_MAX_BYTES
						? ({ ok: false, reason: 'tooLarge' } as const)
						: await setItemImage(
								context.app.db,
								{
									itemId,
									bytes: new Uint8Array(await picture.arrayBuffer()),
									alt: String(formData.get('alt') ?? ''),
									userId: user.id,
								},
								audit,
							)
		return data(
			{ image: { itemId, intent, ...outcome } },
			{ status: outcome.ok ? 200 : outcome.reason === 'notFound' ? 404 : 400 },
		)
	}
	const file = formData.get('file')
	if (!(file instanceof File) || file.size === 0)
		return data({ fileError: 'noFile' as const }, { status: 400 })
	let sheet: Awaited<ReturnType<typeof readImportFile>>['sheets'][number] | undefined
	try {
		sheet = (await readImportFile(Buffer.from(await file.arrayBuffer()), { fileName: file.name })).sheets[0]
	} catch (error) {
		if (!isImportFileError(error)) throw error
		return data({ fileError: 'notSpreadsheet' as const }, { status: 400 })
	}
	if (!sheet) return data({ fileError: 'noFile' as const }, { status: 400 })
	const result = await importItemSheet(
		context.app.db,
		sheet,
		{ userId: user.id },
		requestAudit(context, user),
	)
	return data({ result }, { status: result.ok ? 200 : 400 })
}

export default function AssessmentAdminItems({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const result = actionData && 'result' in actionData ? actionData.result : null
	const fileError = actionData && 'fileError' in actionData ? actionData.fileError : null
	const image = actionData && 'image' in actionData ? actionData.image : null
	return (
		<div className="stack">
			<h1>{t('itemAdmin.title')}</h1>
			<p>{t('itemAdmin.intro')}</p>
			<section aria-labelledby="import-title" className="stack">
				<h2 id="import-title">{t('itemAdmin.import.title')}</h2>
				<p>{t('itemAdmin.import.columns')}</p>
				{fileError ? (
					<p className="field-error" role="alert">
						{t(`itemAdmin.import.${fileError}`)}
					</p>
				) : null}
				{result?.ok ? (
					<p className="notice" role="status">
						{t('itemAdmin.import.done', { created: result.created, updated: result.updated })}
					</p>
				) : null}
				{result && !result.ok ? (
					<div role="alert">
						<p className="field-error">{t('itemAdmin.import.refused')}</p>
						<ul>
							{result.problems.map((p) => (
								<li key={`${p.row}-${p.message}`}>
									{t('itemAdmin.import.row', { row: p.row, message: p.message })}
								</li>
							))}
						</ul>
					</div>
				) : null}
				<Form method="post" encType="multipart/form-data" className="form">
					<CsrfInput />
					<label>
						{t('itemAdmin.import.file')}
						<input type="file" name="file" accept=".xlsx,.csv" required />
					</label>
					<button type="submit" className="primary">
						{t('itemAdmin.import.submit')}
					</button>
				</Form>
			</section>
			<section aria-labelledby="courses-title">
				<h2 id="courses-title">{t('itemAdmin.courses')}</h2>
				<ul>
					{loaderData.courses.map((c) => (
						<li key={c.id}>
							<a href={`/quan-tri/cau-hoi?khoa=${c.id}`}>{c.title}</a> —{' '}
							{t('itemAdmin.count', { n: c.items })}
						</li>
					))}
				</ul>
			</section>
			{image ? (
				image.ok ? (
					<p className="notice" role="status">
						{t(image.intent === 'removeImage' ? 'itemAdmin.image.removed' : 'itemAdmin.image.saved', {
							id: image.itemId,
						})}
					</p>
				) : (
					<p className="field-error" role="alert">
						{t('itemAdmin.image.refused', { id: image.itemId })}{' '}
						{'message' in image && image.message ? image.message : t(`itemAdmin.image.${image.reason}`)}
					</p>
				)
			) : null}
			{loaderData.items.length > 0 ? (
				<div className="table-scroll">
					<table>
						<caption>{t('itemAdmin.itemsOf', { course: loaderData.courseId })}</caption>
						<thead>
							<tr>
								<th scope="col">{t('itemAdmin.col.id')}</th>
								<th scope="col">{t('itemAdmin.col.kind')}</th>
								<th scope="col">{t('itemAdmin.col.level')}</th>
								<th scope="col">{t('itemAdmin.col.prompt')}</th>
								<th scope="col">{t('itemAdmin.col.origin')}</th>
								<th scope="col">{t('itemAdmin.col.image')}</th>
							</tr>
						</thead>
						<tbody>
							{loaderData.items.map((i) => (
								<tr key={i.id}>
									<td>{i.id}</td>
									<td>{i.kind}</td>
									<td>
										{i.level} · {i.competencyCode}
									</td>
									<td>{i.prompt}</td>
									<td>
										{i.origin === 'staff' ? t('itemAdmin.origin.staff') : t('itemAdmin.origin.files')}
										{i.active ? '' : ` · ${t('itemAdmin.retired')}`}
									</td>
									<td>
										{i.imageSha256 ? (
											<img src={`/hoc/kiem-tra/anh/${i.imageSha256}`} alt={i.imageAlt ?? ''} width={96} />
										) : null}
										{i.origin === 'staff' ? (
											<ItemImageForms itemId={i.id} hasImage={!!i.imageSha256} />
										) : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
		</div>
	)
}

/** Upload (or replace) and remove a staff item's picture; content-file items take theirs from the files. */
function ItemImageForms({ itemId, hasImage }: { itemId: string; hasImage: boolean }) {
	const { t } = useTranslate()
	return (
		<details>
			<summary>{t(hasImage ? 'itemAdmin.image.change' : 'itemAdmin.image.add', { id: itemId })}</summary>
			<Form method="post" encType="multipart/form-data" className="form">
				<CsrfInput />
				<input type="hidden" name="intent" value="image" />
				<input type="hidden" name="itemId" value={itemId} />
				<label>
					{t('itemAdmin.image.file')}
					<input type="file" name="image" accept="image/png,image/jpeg,image/webp" required />
				</label>
				<label>
					{t('itemAdmin.image.alt')}
					<input type="text" name="alt" required minLength={3} maxLength={300} />
				</label>
				<button type="submit">{t('itemAdmin.image.submit')}</button>
			</Form>
			{hasImage ? (
				<Form method="post" encType="multipart/form-data">
					<CsrfInput />
					<input type="hidden" name="intent" value="removeImage" />
					<input type="hidden" name="itemId" value={itemId} />
					<button type="submit">{t('itemAdmin.image.remove')}</button>
				</Form>
			) : null}
		</details>
	)
}
