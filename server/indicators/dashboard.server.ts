import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { PolicySubject } from '#server/identity/permissions.ts'
import { grantsFor, residentScopeCondition } from '#server/identity/policy.server.ts'
import { computeIndicators, type IndicatorValue } from '#server/indicators/compute-indicators.server.ts'
import {
	ensureStandardIndicators,
	listIndicatorDefinitions,
} from '#server/indicators/indicator-definitions.server.ts'
import type { BreakdownDimension, IndicatorDefinition } from '#server/indicators/indicator-spec.ts'
import { computeLiveIndicators } from '#server/indicators/live-indicators.server.ts'
import { type Progress, progressOf } from '#server/indicators/progress-status.ts'
import {
	currentMonthInVietnam,
	listScopedSnapshots,
	monthBounds,
	previousMonth,
	type SnapshotPoint,
	todayInVietnam,
} from '#server/indicators/snapshots.server.ts'
import { ageBands } from '#server/people/age-bands.ts'
import { targetGroups } from '#server/people/schema.ts'
import { organizations, residentialGroups } from '#server/ward/schema.ts'

export interface TrendPoint {
	month: string
	numerator: number
	denominator: number
	/** Percent (share) or count, one decimal. */
	value: number | null
	/** From a stored snapshot, or computed now for the month in progress. */
	live: boolean
}

export interface DashboardIndicator {
	definition: IndicatorDefinition
	value: IndicatorValue
	progress: Progress
	/** Last month's closing value in the same scope (from its snapshot), when there is one. */
	previous: TrendPoint | null
	trend: TrendPoint[]
}

export interface Dashboard {
	month: string
	/** The day counted to: today for the month in progress, else the month's last day. */
	asOf: string
	/** Months the period filter offers, newest first. */
	months: string[]
	indicators: DashboardIndicator[]
}

function pointValue(
	definition: IndicatorDefinition,
	p: { numerator: number; denominator: number },
): number | null {
	if (definition.spec.target.kind === 'count') return p.numerator
	return p.denominator === 0 ? null : Math.round((p.numerator / p.denominator) * 1000) / 10
}

/**
 * The dashboard for one person and month: every indicator computed live within the person's scope as
 * of the month's end (today for the month in progress), last month's closing value and the trend from
 * the stored monthly snapshots.
 */
export async function loadDashboard(
	db: Database,
	input: { user: PolicySubject; month?: string; now?: Date; only?: string },
): Promise<Dashboard> {
	const now = input.now ?? new Date()
	const wardId = input.user.wardId
	await ensureStandardIndicators(db, wardId)
	const all = await listIndicatorDefinitions(db, wardId)
	const definitions = input.only ? all.filter((d) => d.code === input.only) : all
	const current = currentMonthInVietnam(now)
	const firstMonth = all.map((d) => d.spec.period.from.slice(0, 7)).sort()[0] ?? current
	const months: string[] = []
	for (let m = current; m >= firstMonth && months.length < 36; m = previousMonth(m)) months.push(m)
	const month = input.month && months.includes(input.month) ? input.month : current
	const asOf = month === current ? todayInVietnam(now) : monthBounds(month).last
	// The whole ward today is read from the kept state (decision 022); a narrower scope or a past month is
	// computed from the rows.
	const wholeWardToday =
		asOf === todayInVietnam(now) &&
		grantsFor(input.user, 'indicators.read').some((g) => g.scopeKind === 'ward')
	const [values, snapshots] = await Promise.all([
		wholeWardToday
			? computeLiveIndicators(db, { wardId, indicators: all, asOf }).then((live) =>
					definitions.map((d) => live[all.indexOf(d)]!),
				)
			: computeIndicators(db, {
					wardId,
					indicators: definitions,
					asOf,
					scope: residentScopeCondition(input.user, 'indicators.read'),
				}),
		listScopedSnapshots(db, {
			wardId,
			user: input.user,
			fromMonth: months.at(Math.min(months.length - 1, 12)) ?? month,
			toMonth: previousMonth(month),
		}),
	])
	const indicators = definitions.map((definition, i) => {
		const value = values[i]!
		const own = snapshots.filter((s: SnapshotPoint) => s.code === definition.code)
		const trend: TrendPoint[] = [
			...own.map((s) => ({ ...s, value: pointValue(definition, s), live: false })),
			{
				month,
				numerator: value.numerator,
				denominator: value.denominator,
				value: pointValue(definition, value),
				live: true,
			},
		]
		const last = own.find((s) => s.month === previousMonth(month))
		return {
			definition,
			value,
			progress: progressOf(definition.spec, value, asOf),
			previous: last ? { ...last, value: pointValue(definition, last), live: false } : null,
			trend,
		}
	})
	return { month, asOf, months, indicators }
}

export interface BreakdownRow {
	key: string
	label: string
	numerator: number
	denominator: number
	percent: number | null
}

/** Names for the keys of breakdown cells, in the reader's language. */
export async function breakdownLabels(
	db: Database,
	wardId: string,
	locale: 'vi' | 'en',
	cells: Partial<Record<BreakdownDimension, { key: string }[]>>,
): Promise<Record<BreakdownDimension, Map<string, string>>> {
	const groupIds = (cells.residentialGroup ?? []).map((c) => c.key).filter(Boolean)
	const orgIds = (cells.organization ?? []).map((c) => c.key).filter(Boolean)
	const [groups, orgs, tgs] = await Promise.all([
		groupIds.length
			? db
					.select({ id: residentialGroups.id, name: residentialGroups.name })
					.from(residentialGroups)
					.where(and(eq(residentialGroups.wardId, wardId), inArray(residentialGroups.id, groupIds)))
			: [],
		orgIds.length
			? db
					.select({ id: organizations.id, name: organizations.name })
					.from(organizations)
					.where(and(eq(organizations.wardId, wardId), inArray(organizations.id, orgIds)))
			: [],
		db
			.select({ code: targetGroups.code, nameVi: targetGroups.nameVi, nameEn: targetGroups.nameEn })
			.from(targetGroups),
	])
	const noGroup = locale === 'vi' ? 'Chưa xếp tổ' : 'No group'
	return {
		residentialGroup: new Map([['', noGroup], ...groups.map((g) => [g.id, g.name] as [string, string])]),
		organization: new Map(orgs.map((o) => [o.id, o.name])),
		targetGroup: new Map(tgs.map((t) => [t.code, locale === 'vi' ? t.nameVi : t.nameEn])),
		sex: new Map(
			locale === 'vi'
				? [
						['male', 'Nam'],
						['female', 'Nữ'],
					]
				: [
						['male', 'Male'],
						['female', 'Female'],
					],
		),
		ageBand: new Map([
			...ageBands.map((b) => [b.code, locale === 'vi' ? b.labelVi : b.labelEn] as [string, string]),
			['unknown', locale === 'vi' ? 'Không rõ' : 'Unknown'],
		]),
	}
}
