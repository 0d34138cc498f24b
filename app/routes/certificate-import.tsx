import { data, Form, Link, redirect } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { externalCertificateSources } from '#server/certification/certificate-kinds.ts'
import {
	listCertificationImports,
	prepareCertificationImport,
} from '#server/certification/import/certification-import.server.ts'
import { listTrackOptions } from '#server/certification/list-certificates.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { defaultImportLimits } from '#server/people/import/import-limits.ts'
import type { Route } from './+types/certificate-import'

export const meta: Route.MetaFunction = () => [
	{ title: 'Nhập danh sách đã được công nhận — Bình dân học vụ số' },
]

const MAX_MB = Math.round(defaultImportLimits.maxFileBytes / 1024 / 1024)

/** `/chung-nhan/nhap`: upload a list confirmed on the national platform or VNeID, for a preview. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'certificates.manage')
	const [tracks, imports] = await Promise.all([
		listTrackOptions(context.app.db),
		listCertificationImports(context.app.db, user.wardId),
	])
	return { tracks, imports, maxMb: MAX_MB }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'certificates.manage')
	const declared = Number(request.headers.get('content-length') ?? 0)
	if (declared > defaultImportLimits.maxFileBytes + 64 * 1024)
		return data({ error: 'tooLarge' as const, message: null }, { status: 413 })
	const formData = await readCsrfCheckedForm(request, context)
	const source = formData.get('source')
	const trackId = formData.get('trackId')
	const file = formData.get('file')
	if (!externalCertificateSources.includes(source as 'vneid') || typeof trackId !== 'string' || !trackId)
		return data({ error: 'form' as const, message: null }, { status: 400 })
	if (!(file instanceof File) || file.size === 0)
		return data({ error: 'noFile' as const, message: null }, { status: 400 })
	if (file.size > defaultImportLimits.maxFileBytes)
		return data({ error: 'tooLarge' as const, message: null }, { status: 413 })
	const result = await prepareCertificationImport(context.app, {
		wardId: user.wardId,
		source: source as 'vneid' | 'national_platform',
		trackId,
		fileName: file.name,
		bytes: Buffer.from(await file.arrayBuffer()),
		userId: user.id,
	})
	if (!result.ok)
		return data(
			{ error: 'file' as const, message: { vi: result.messageVi, en: result.messageEn } },
			{ status: 400 },
		)
	return redirect(`/chung-nhan/nhap/${result.importId}`)
}

export default function CertificateImport({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { tracks, imports, maxMb } = loaderData
	const error =
		actionData?.error === 'file'
			? (actionData.message?.[locale] ?? '')
			: actionData?.error
				? t(`cert.import.error.${actionData.error}`, { max: maxMb })
				: null
	return (
		<div className="stack">
			<p>
				<Link to="/chung-nhan">{t('cert.backToList')}</Link>
			</p>
			<h1>{t('cert.import.title')}</h1>
			<p>{t('cert.import.intro')}</p>
			<Form method="post" encType="multipart/form-data" className="form">
				<CsrfInput />
				{error ? (
					<p className="form-error" role="alert" id="import-error">
						{error}
					</p>
				) : null}
				<fieldset>
					<legend>{t('cert.import.source')}</legend>
					{externalCertificateSources.map((source, index) => (
						<div key={source}>
							<input
								type="radio"
								id={`source-${source}`}
								name="source"
								value={source}
								defaultChecked={index === 0}
							/>{' '}
							<label htmlFor={`source-${source}`}>{t(`cert.import.source.${source}`)}</label>
						</div>
					))}
				</fieldset>
				<div className="field">
					<label htmlFor="import-track">{t('cert.import.track')}</label>
					<select id="import-track" name="trackId" defaultValue="citizen" required>
						{tracks.map((track) => (
							<option key={track.id} value={track.id}>
								{locale === 'vi' ? track.nameVi : track.nameEn}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="import-file">{t('cert.import.file')}</label>
					<input
						id="import-file"
						name="file"
						type="file"
						required
						accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
						aria-describedby={error ? 'import-error import-file-hint' : 'import-file-hint'}
					/>
					<p className="hint" id="import-file-hint">
						{t('cert.import.fileHint', { max: maxMb })}
					</p>
				</div>
				<button type="submit" className="button">
					{t('cert.import.check')}
				</button>
			</Form>
			{imports.length > 0 ? (
				<section aria-labelledby="imports-title" className="stack">
					<h2 id="imports-title">{t('cert.import.recent')}</h2>
					<ul>
						{imports.map((batch) => (
							<li key={batch.id}>
								<Link to={`/chung-nhan/nhap/${batch.id}`}>{batch.fileName}</Link> —{' '}
								{formatDateTime(locale, batch.createdAt)}, {t(`cert.import.source.${batch.source}`)},{' '}
								{batch.status === 'committed'
									? t('cert.import.recentCommitted', { issued: formatNumber(locale, batch.counts.issued) })
									: t('cert.import.recentPreview')}
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
