import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime } from '#app/utils/format-date.ts'

export interface RevisionRow {
	revision: number
	status: 'draft' | 'published' | 'superseded'
	origin: 'files' | 'staff'
	note: string | null
	createdAt: string
	author: string | null
}

/** Every version of a piece of content, newest first; each can be opened (`viewPath?phienBan=N`). */
export function RevisionHistory({
	revisions,
	viewPath,
	id = 'history',
	level = 2,
}: {
	revisions: RevisionRow[]
	viewPath?: string
	/** Unique on the page (the framework page has two histories). */
	id?: string
	level?: 2 | 3
}) {
	const { t, locale } = useTranslate()
	const Heading = level === 2 ? 'h2' : 'h3'
	return (
		<section aria-labelledby={`${id}-title`}>
			<Heading id={`${id}-title`}>{t('content.history.title')}</Heading>
			<div className="table-scroll">
				<table>
					<thead>
						<tr>
							<th scope="col">{t('content.history.revision')}</th>
							<th scope="col">{t('content.history.status')}</th>
							<th scope="col">{t('content.history.by')}</th>
							<th scope="col">{t('content.history.when')}</th>
							<th scope="col">{t('content.history.note')}</th>
						</tr>
					</thead>
					<tbody>
						{revisions.map((r) => (
							<tr key={r.revision}>
								<td>
									{viewPath ? <a href={`${viewPath}?phienBan=${r.revision}`}>{r.revision}</a> : r.revision}
								</td>
								<td>{t(`content.revision.${r.status}`)}</td>
								<td>{r.origin === 'files' ? t('content.history.files') : (r.author ?? '—')}</td>
								<td>{formatDateTime(locale, r.createdAt)}</td>
								<td>{r.note ?? ''}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	)
}
