import { and, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { BreakdownCell } from '#server/indicators/compute-indicators.server.ts'
import { breakdownLabels } from '#server/indicators/dashboard.server.ts'
import { type IndicatorSpec, IndicatorSpecSchema } from '#server/indicators/indicator-spec.ts'
import { type ProgressStatus, progressOf } from '#server/indicators/progress-status.ts'
import { indicatorSnapshots } from '#server/indicators/schema.ts'
import { monthBounds } from '#server/indicators/snapshots.server.ts'

/*
 * The figures of the ward's consolidated report: exactly the indicator snapshots of the period's closing
 * month (never recomputed, so the report sent in May shows the same numbers when read in November), with
 * the breakdowns the annex needs, labelled. The definition used is the copy kept in the snapshot.
 */

export const annexDimensions = ['residentialGroup', 'organization', 'targetGroup'] as const
export type AnnexDimension = (typeof annexDimensions)[number]

export interface FigureCell {
	key: string
	label: string
	numerator: number
	/** Null for a count target. */
	denominator: number | null
	/** Share of the denominator, one decimal; null for a count or an empty denominator. */
	percent: number | null
}

export interface IndicatorFigure extends FigureCell {
	code: string
	name: string
	target: IndicatorSpec['target']
	/** "100%", "≥ 1". */
	targetText: string
	status: ProgressStatus
	breakdowns: Record<AnnexDimension, FigureCell[]>
}

export interface WardReportFigures {
	/** `YYYY-MM` */
	month: string
	/** The day the snapshot counts to. */
	asOf: string
	indicators: IndicatorFigure[]
}

export function percentOf(numerator: number, denominator: number | null): number | null {
	if (denominator === null || denominator === 0) return null
	return Math.round((numerator / denominator) * 1000) / 10
}

const byCode = (a: string, b: string) => a.localeCompare(b, 'vi', { numeric: true })

/** The snapshot of `month` (`YYYY-MM`) as report figures; null when that month has no snapshot. */
export async function loadWardReportFigures(
	db: Database,
	input: { wardId: string; month: string },
): Promise<WardReportFigures | null> {
	const { first, last } = monthBounds(input.month)
	const rows = await db
		.select()
		.from(indicatorSnapshots)
		.where(and(eq(indicatorSnapshots.wardId, input.wardId), eq(indicatorSnapshots.month, first)))
	if (rows.length === 0) return null
	rows.sort((a, b) => byCode(a.indicatorCode, b.indicatorCode))
	const breakdownsOf = (row: (typeof rows)[number]) =>
		row.breakdowns as Partial<Record<AnnexDimension, BreakdownCell[]>>
	const cells: Partial<Record<AnnexDimension, { key: string }[]>> = {}
	for (const dimension of annexDimensions)
		cells[dimension] = rows.flatMap((row) => breakdownsOf(row)[dimension] ?? [])
	const labels = await breakdownLabels(db, input.wardId, 'vi', cells)
	const indicators = rows.map((row): IndicatorFigure => {
		const definition = row.definition as { name: string; spec: unknown }
		const spec = IndicatorSpecSchema.parse(definition.spec)
		const count = spec.target.kind === 'count'
		const breakdowns = Object.fromEntries(
			annexDimensions.map((dimension) => [
				dimension,
				(breakdownsOf(row)[dimension] ?? [])
					.map((cell) => ({
						key: cell.key,
						label: labels[dimension].get(cell.key) ?? cell.key,
						numerator: cell.numerator,
						denominator: count ? null : cell.denominator,
						percent: count ? null : percentOf(cell.numerator, cell.denominator),
					}))
					.sort((a, b) => byCode(a.label, b.label)),
			]),
		) as Record<AnnexDimension, FigureCell[]>
		return {
			code: row.indicatorCode,
			key: row.indicatorCode,
			label: definition.name,
			name: definition.name,
			numerator: row.numerator,
			denominator: row.denominator,
			percent: percentOf(row.numerator, row.denominator),
			target: spec.target,
			targetText: spec.target.kind === 'share' ? `${spec.target.percent}%` : `≥ ${spec.target.value}`,
			status: progressOf(spec, { numerator: row.numerator, denominator: row.denominator ?? 0 }, row.asOf)
				.status,
			breakdowns,
		}
	})
	return { month: input.month, asOf: last, indicators }
}
