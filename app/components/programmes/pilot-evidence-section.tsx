import { Form } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

interface Evidence {
	id: string
	title: string
	url: string | null
	fileName: string | null
}

/** A pilot model's evidence: links open in place, files download; staff add either. */
export function PilotEvidenceSection({
	modelId,
	evidence,
	manages,
	errors,
}: {
	modelId: string
	evidence: Evidence[]
	manages: boolean
	errors: Record<string, string[] | undefined> | null
}) {
	const { t } = useTranslate()
	const err = (name: string) =>
		errors?.[name]?.[0] ? (
			<p className="field-error" id={`ev-${name}-error`}>
				{t(errors[name]?.[0] as MessageKey)}
			</p>
		) : null
	const described = (name: string) =>
		errors?.[name] ? { 'aria-invalid': true, 'aria-describedby': `ev-${name}-error` } : {}
	return (
		<section aria-labelledby="pm-evidence" className="stack">
			<h2 id="pm-evidence">{t('programmes.pilot.evidenceTitle', { count: evidence.length })}</h2>
			{evidence.length === 0 ? <p>{t('programmes.pilot.evidenceEmpty')}</p> : null}
			<ul className="stack">
				{evidence.map((e) => (
					<li key={e.id}>
						{e.url ? (
							<a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
								{e.title}
							</a>
						) : (
							e.title
						)}
						{e.fileName ? (
							<>
								{' '}
								<a href={`/chuong-trinh/mo-hinh-diem/${modelId}/minh-chung/${e.id}`} download>
									{t('programmes.pilot.evidenceDownload', { name: e.fileName })}
								</a>
							</>
						) : null}
					</li>
				))}
			</ul>
			{manages ? (
				<Form method="post" encType="multipart/form-data" className="form">
					<CsrfInput />
					<input type="hidden" name="intent" value="addEvidence" />
					<div className="field">
						<label htmlFor="ev-title">{t('programmes.pilot.evidenceName')}</label>
						<input id="ev-title" name="title" type="text" required {...described('title')} />
						{err('title')}
					</div>
					<div className="field">
						<label htmlFor="ev-url">{t('programmes.pilot.evidenceUrl')}</label>
						<input id="ev-url" name="url" type="url" {...described('url')} />
						{err('url')}
					</div>
					<div className="field">
						<label htmlFor="ev-file">{t('programmes.pilot.evidenceFile')}</label>
						<input
							id="ev-file"
							name="file"
							type="file"
							accept="image/jpeg,image/png,image/webp,application/pdf"
							{...described('file')}
						/>
						{err('file')}
					</div>
					<p className="actions">
						<button type="submit" className="secondary">
							{t('programmes.pilot.evidenceAdd')}
						</button>
					</p>
				</Form>
			) : null}
		</section>
	)
}
