import { data, Form, redirect } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { isImportFileError } from '#server/people/import/import-file-error.ts'
import { defaultImportLimits } from '#server/people/import/import-limits.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import { createImportBatch } from '#server/people/import-jobs/import-batches.server.ts'
import type { Route } from './+types/import'

export const meta: Route.MetaFunction = () => [{ title: 'Nhập danh sách người dân — Bình dân học vụ số' }]

const MAX_MB = Math.round(defaultImportLimits.maxFileBytes / 1024 / 1024)

/** `/nguoi-dan/nhap`: upload a resident list (.xlsx/.csv) for a preview. */
export async function loader({ request, context }: Route.LoaderArgs) {
	await requirePermission(request, context, 'people.import')
	return { maxMb: MAX_MB }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'people.import')
	// Refuse an oversized body before reading it (the multipart envelope adds a little to the file).
	const declared = Number(request.headers.get('content-length') ?? 0)
	if (declared > defaultImportLimits.maxFileBytes + 64 * 1024)
		return data({ error: 'tooLarge' as const, message: null }, { status: 413 })
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const file = formData.get('file')
	if (!(file instanceof File) || file.size === 0)
		return data({ error: 'noFile' as const, message: null }, { status: 400 })
	if (file.size > defaultImportLimits.maxFileBytes)
		return data({ error: 'tooLarge' as const, message: null }, { status: 413 })
	const bytes = Buffer.from(await file.arrayBuffer())
	try {
		await readImportFile(bytes, { fileName: file.name })
	} catch (error) {
		if (!isImportFileError(error)) throw error
		return data(
			{ error: 'file' as const, message: { vi: error.messageVi, en: error.messageEn } },
			{ status: 400 },
		)
	}
	const batchId = await createImportBatch(context.app.db, {
		wardId: user.wardId,
		createdBy: user.id,
		actorLabel: user.username,
		fileName: file.name || 'danh-sach.xlsx',
		bytes,
	})
	return redirect(`/nguoi-dan/nhap/${batchId}`)
}

export default function Import({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const error =
		actionData?.error === 'file'
			? (actionData.message?.[locale] ?? '')
			: actionData?.error === 'tooLarge'
				? t('import.tooLarge', { max: loaderData.maxMb })
				: actionData?.error === 'noFile'
					? t('import.noFile')
					: null
	return (
		<div className="stack">
			<h1>{t('import.title')}</h1>
			<p>{t('import.intro')}</p>
			<p>
				<a href="/nguoi-dan/nhap/mau.xlsx" download>
					{t('import.template')}
				</a>
			</p>
			<Form method="post" encType="multipart/form-data" className="form">
				<CsrfInput />
				<div className="field">
					<label htmlFor="import-file">{t('import.file')}</label>
					<p className="hint" id="import-file-hint">
						{t('import.fileHint', { max: loaderData.maxMb })}
					</p>
					<input
						id="import-file"
						type="file"
						name="file"
						accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
						aria-describedby={error ? 'import-file-hint import-file-error' : 'import-file-hint'}
						aria-invalid={error ? true : undefined}
						required
					/>
					{error ? (
						<p className="field-error" id="import-file-error" role="alert">
							{error}
						</p>
					) : null}
				</div>
				<button type="submit">{t('import.upload')}</button>
			</Form>
		</div>
	)
}
