import { and, asc, eq, gte, lte, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { PolicySubject } from '#server/identity/permissions.ts'
import { organizationsInScope, residentialGroupsInScope } from '#server/identity/policy.server.ts'
import {
	type BreakdownCell,
	type Counts,
	computeIndicators,
} from '#server/indicators/compute-indicators.server.ts'
import {
	ensureStandardIndicators,
	listIndicatorDefinitions,
} from '#server/indicators/indicator-definitions.server.ts'
import { indicatorSnapshots } from '#server/indicators/schema.ts'

/*
 * Monthly snapshots: each indicator's value at a month's end, with its breakdowns and a copy of the
 * definition used. A month once taken is never recomputed (insert … on conflict do nothing; a trigger
 * refuses updates and deletes), so a report made in May shows the same figures in November.
 */

/** `YYYY-MM` → its first and last day. */
export function monthBounds(month: string): { first: string; last: string } {
	const [y, m] = month.split('-').map(Number) as [number, number]
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
	const mm = String(m).padStart(2, '0')
	return { first: `${y}-${mm}-01`, last: `${y}-${mm}-${String(last).padStart(2, '0')}` }
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
	const [y, m] = month.split('-').map(Number) as [number, number]
	return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** Today in Vietnam, `YYYY-MM-DD`. */
export function todayInVietnam(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now)
}

/** Today's month in Vietnam, `YYYY-MM`. */
export function currentMonthInVietnam(now = new Date()): string {
	return todayInVietnam(now).slice(0, 7)
}

/**
 * Takes the snapshot of one closed month for every indicator of the ward that does not have it yet.
 * Returns how many were stored. `origin` says whether the monthly job took it or a backfill did.
 */
export async function takeMonthlySnapshots(
	db: Database,
	input: { wardId: string; month: string; origin: 'job' | 'backfill' },
): Promise<number> {
	const { first, last } = monthBounds(input.month)
	const definitions = await listIndicatorDefinitions(db, input.wardId)
	const taken = await db
		.select({ code: indicatorSnapshots.indicatorCode })
		.from(indicatorSnapshots)
		.where(and(eq(indicatorSnapshots.wardId, input.wardId), eq(indicatorSnapshots.month, first)))
	const missing = definitions.filter((d) => !taken.some((t) => t.code === d.code))
	if (missing.length === 0) return 0
	const values = await computeIndicators(db, { wardId: input.wardId, indicators: missing, asOf: last })
	const inserted = await db
		.insert(indicatorSnapshots)
		.values(
			values.map((value, i) => {
				const definition = missing[i]!
				return {
					wardId: input.wardId,
					indicatorCode: value.code,
					month: first,
					asOf: last,
					definitionVersion: definition.version,
					definition: { name: definition.name, explanation: definition.explanation, spec: definition.spec },
					numerator: value.numerator,
					denominator: definition.spec.target.kind === 'count' ? null : value.denominator,
					breakdowns: value.breakdowns as unknown as Record<string, unknown>,
					origin: input.origin,
				}
			}),
		)
		.onConflictDoNothing()
		.returning({ id: indicatorSnapshots.id })
	return inserted.length
}

/**
 * The monthly job (runs daily, so a server that was down on the 1st catches up): for every ward,
 * the standard indicators exist and last month's snapshot is taken if it is missing.
 */
export async function runMonthlySnapshots(db: Database, now = new Date()): Promise<number> {
	const month = previousMonth(currentMonthInVietnam(now))
	const wards = (await db.execute(sql`select id from ward order by code`)) as unknown as {
		rows: { id: string }[]
	}
	let stored = 0
	for (const ward of wards.rows) {
		await ensureStandardIndicators(db, ward.id)
		stored += await takeMonthlySnapshots(db, { wardId: ward.id, month, origin: 'job' })
	}
	return stored
}

/** Computes the months from `fromMonth` to `toMonth` (both included) that have no snapshot yet. */
export async function backfillSnapshots(
	db: Database,
	input: { wardId: string; fromMonth: string; toMonth: string },
): Promise<number> {
	let stored = 0
	const months: string[] = []
	for (let m = input.toMonth; m >= input.fromMonth; m = previousMonth(m)) months.unshift(m)
	for (const month of months)
		stored += await takeMonthlySnapshots(db, { wardId: input.wardId, month, origin: 'backfill' })
	return stored
}

export interface SnapshotPoint extends Counts {
	month: string
	code: string
}

type SnapshotBreakdowns = Partial<Record<'residentialGroup' | 'organization', BreakdownCell[]>>

/**
 * The ward's snapshots between two months, reduced to what this person may see: the ward's totals
 * for ward scope; the sum over their residential groups (which do not overlap) for a group leader; the
 * sum over their organisations for a focal point.
 */
export async function listScopedSnapshots(
	db: Database,
	input: { wardId: string; user: PolicySubject; fromMonth: string; toMonth: string },
): Promise<SnapshotPoint[]> {
	const rows = await db
		.select()
		.from(indicatorSnapshots)
		.where(
			and(
				eq(indicatorSnapshots.wardId, input.wardId),
				gte(indicatorSnapshots.month, monthBounds(input.fromMonth).first),
				lte(indicatorSnapshots.month, monthBounds(input.toMonth).first),
			),
		)
		.orderBy(asc(indicatorSnapshots.month))
	const groups = residentialGroupsInScope(input.user, 'indicators.read')
	const orgs = organizationsInScope(input.user, 'indicators.read')
	return rows.map((row) => {
		const base = { month: row.month.slice(0, 7), code: row.indicatorCode }
		if (groups === 'all') return { ...base, numerator: row.numerator, denominator: row.denominator ?? 0 }
		const breakdowns = row.breakdowns as SnapshotBreakdowns
		const cells = [
			...(breakdowns.residentialGroup ?? []).filter((c) => groups.includes(c.key)),
			...(orgs === 'all' ? [] : (breakdowns.organization ?? []).filter((c) => orgs.includes(c.key))),
		]
		return {
			...base,
			numerator: cells.reduce((n, c) => n + c.numerator, 0),
			denominator: cells.reduce((n, c) => n + c.denominator, 0),
		}
	})
}
