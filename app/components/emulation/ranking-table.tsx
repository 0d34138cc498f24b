import { Link } from 'react-router'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'

export interface RankingCriterion {
	id: string
	code: string
	title: string
	weight: number
	maxPoints: number
	kind: string
}

export interface RankingRow {
	subjectId: string
	name: string
	detail: string | null
	cells: { criterionId: string; value: number | null; points: number }[]
	total: number
	rank: number
}

/**
 * A period's ranking: rank, name, each criterion's points (with the measured value under it) and the
 * total. Column headers are links that sort on the server (works without JavaScript); the table scrolls
 * sideways inside its own focusable region on a 360 px phone, the rank and name staying readable.
 */
export function RankingTable(props: {
	caption: string
	criteria: RankingCriterion[]
	rows: RankingRow[]
	maxTotal: number
	sort: string
	sortHref: (sort: string) => string
	detailLabel?: (detail: string) => string
	proposeHref?: (row: RankingRow) => string
}) {
	const { t, locale } = useTranslate()
	const { criteria, rows, sort, sortHref } = props
	const fmt = (n: number) => formatNumber(locale, n)
	const header = (key: string, label: string, defaultDescending: boolean) => {
		const active = sort === key || sort === `-${key}`
		const descending = sort === `-${key}`
		const next = active ? (descending ? key : `-${key}`) : defaultDescending ? `-${key}` : key
		return {
			ariaSort: active ? (descending ? ('descending' as const) : ('ascending' as const)) : undefined,
			link: (
				<Link to={sortHref(next)} aria-label={t('emulation.sortBy', { column: label })}>
					{label}
				</Link>
			),
		}
	}
	const rank = header('hang', t('emulation.col.rank'), false)
	const name = header('ten', t('emulation.col.name'), false)
	const total = header('tong', t('emulation.col.total'), true)
	const valueText = (kind: string, value: number | null) => {
		if (kind === 'manual') return value === null ? t('emulation.cell.notScored') : t('emulation.cell.manual')
		if (value === null) return '—'
		return kind === 'memberShare'
			? t('emulation.cell.share', { value: fmt(value) })
			: t('emulation.cell.count', { value: fmt(value) })
	}
	return (
		// biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; keyboard users must reach it (WCAG 2.1.1, axe scrollable-region-focusable)
		<section className="table-scroll" tabIndex={0} aria-label={t('emulation.ranking.scroll')}>
			<table className="ranking-table">
				<caption>{props.caption}</caption>
				<thead>
					<tr>
						<th scope="col" aria-sort={rank.ariaSort}>
							{rank.link}
						</th>
						<th scope="col" aria-sort={name.ariaSort}>
							{name.link}
						</th>
						{criteria.map((c) => {
							const h = header(`tc-${c.code}`, c.title, true)
							return (
								<th key={c.id} scope="col" aria-sort={h.ariaSort}>
									{h.link}
									<br />
									<small>{t('emulation.weight', { weight: fmt(c.weight), max: fmt(c.maxPoints) })}</small>
								</th>
							)
						})}
						<th scope="col" aria-sort={total.ariaSort}>
							{total.link}
							<br />
							<small>{t('emulation.totalOf', { max: fmt(props.maxTotal) })}</small>
						</th>
						{props.proposeHref ? <th scope="col">{t('emulation.col.actions')}</th> : null}
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={row.subjectId}>
							<td>{row.rank}</td>
							<th scope="row">
								{row.name}
								{row.detail ? (
									<>
										<br />
										<small>{props.detailLabel ? props.detailLabel(row.detail) : row.detail}</small>
									</>
								) : null}
							</th>
							{criteria.map((c) => {
								const cell = row.cells.find((x) => x.criterionId === c.id)
								return (
									<td key={c.id}>
										{t('emulation.cell.points', { points: fmt(cell?.points ?? 0) })}
										<br />
										<small>{valueText(c.kind, cell?.value ?? null)}</small>
									</td>
								)
							})}
							<td>
								<strong>{fmt(row.total)}</strong>
							</td>
							{props.proposeHref ? (
								<td>
									<Link
										to={props.proposeHref(row)}
										aria-label={t('emulation.proposeLabel', { name: row.name })}
									>
										{t('emulation.propose')}
									</Link>
								</td>
							) : null}
						</tr>
					))}
				</tbody>
			</table>
		</section>
	)
}
