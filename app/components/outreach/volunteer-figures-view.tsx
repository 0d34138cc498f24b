import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { formatIsoDate } from '#app/utils/format-date.ts'
import type { FigureRow, VolunteerFigures } from '#server/outreach/volunteer-figures.server.ts'

/** The emulation tables: per volunteer, per residential group, per organisation; a plain GET form for the period. */
export function VolunteerFiguresView({
	figures,
	since,
	action,
	highlightId,
}: {
	figures: VolunteerFigures
	since: string
	action: string
	highlightId?: string
}) {
	const { t } = useTranslate()
	return (
		<>
			<p>{t('outreach.figures.intro', { since: formatIsoDate(since) })}</p>
			<form method="get" action={action} className="inline-form">
				<div className="field">
					<label htmlFor="tu">{t('outreach.figures.since')}</label>
					<input id="tu" name="tu" type="date" defaultValue={since} />
				</div>
				<button type="submit" className="button secondary">
					{t('outreach.figures.show')}
				</button>
			</form>
			{figures.people.length === 0 ? <p>{t('outreach.figures.none')}</p> : null}
			<FigureTable
				id="theo-nguoi"
				titleKey="outreach.figures.people"
				rows={figures.people}
				highlightId={highlightId}
			/>
			<FigureTable id="theo-to" titleKey="outreach.figures.groups" rows={figures.groups} />
			<FigureTable id="theo-to-chuc" titleKey="outreach.figures.organizations" rows={figures.organizations} />
		</>
	)
}

function FigureTable({
	id,
	titleKey,
	rows,
	highlightId,
}: {
	id: string
	titleKey: MessageKey
	rows: FigureRow[]
	highlightId?: string
}) {
	const { t, locale } = useTranslate()
	if (rows.length === 0) return null
	return (
		<div className="stack">
			<h2 id={id}>{t(titleKey)}</h2>
			{/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; keyboard users must reach it (WCAG 2.1.1, axe scrollable-region-focusable) */}
			<section className="table-scroll" aria-labelledby={id} tabIndex={0}>
				<table className="audit-table outreach-figures">
					<thead>
						<tr>
							<th scope="col" className="number">
								{t('outreach.figures.rank')}
							</th>
							<th scope="col">{t('outreach.figures.name')}</th>
							<th scope="col" className="number">
								{t('outreach.figures.visits')}
							</th>
							<th scope="col" className="number">
								{t('outreach.figures.helped')}
							</th>
							<th scope="col" className="number">
								{t('outreach.figures.certified')}
							</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((row, i) => (
							<tr key={row.id} aria-current={row.id === highlightId ? 'true' : undefined}>
								<td className="number">{i + 1}</td>
								<th scope="row">
									{row.name} {row.id === highlightId ? t('outreach.figures.you') : null}
								</th>
								<td className="number">{formatNumber(locale, row.visits)}</td>
								<td className="number">{formatNumber(locale, row.peopleHelped)}</td>
								<td className="number">{formatNumber(locale, row.certified)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
		</div>
	)
}
