import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { PolicySubject } from '#server/identity/permissions.ts'
import { residentScopeCondition } from '#server/identity/policy.server.ts'
import { breakdownCondition, type Cohort, cohortCondition } from '#server/indicators/compile-indicators.ts'
import { getIndicatorDefinition } from '#server/indicators/indicator-definitions.server.ts'
import {
	type BreakdownDimension,
	type IndicatorDefinition,
	isResidentSpec,
} from '#server/indicators/indicator-spec.ts'
import { currentMonthInVietnam, monthBounds } from '#server/indicators/snapshots.server.ts'
import { residents } from '#server/people/schema.ts'
import { residentialGroups } from '#server/ward/schema.ts'

/** The month asked for (not in the future) and the day counted to: today for the month in progress. */
export function resolvePeriod(
	requested: string | undefined,
	now = new Date(),
): { month: string; asOf: string } {
	const current = currentMonthInVietnam(now)
	const month =
		requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) && requested < current ? requested : current
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now)
	return { month, asOf: month === current ? today : monthBounds(month).last }
}

export interface CohortSelection {
	cohort: Cohort
	/** One cell of a breakdown, e.g. a residential group. */
	dimension?: BreakdownDimension
	key?: string
	asOf: string
}

/**
 * The people behind a number, as one condition on `resident`: the indicator's cohort (reached, or the
 * left-behind rest) as of a day, optionally one breakdown cell. AND it with the caller's scope. This is
 * also what volunteers' worklists use to show "who in my group has not yet reached target N".
 */
export function indicatorCohortCondition(definition: IndicatorDefinition, selection: CohortSelection): SQL {
	// Counts of pilot models have no people behind them: nobody is listed.
	if (!isResidentSpec(definition.spec)) return sql`false`
	const referenceYear = Number(selection.asOf.slice(0, 4))
	const parts: SQL[] = [
		eq(residents.wardId, definition.wardId),
		cohortCondition(definition.spec, selection.cohort, { asOf: selection.asOf, referenceYear }),
	]
	if (selection.dimension && selection.key !== undefined)
		parts.push(breakdownCondition(selection.dimension, selection.key, referenceYear))
	return and(...parts) as SQL
}

/** For another domain: the cohort condition of a ward's indicator by code, or null if there is none. */
export async function findIndicatorCohortCondition(
	db: Database,
	input: { wardId: string; code: string } & CohortSelection,
): Promise<SQL | null> {
	const definition = await getIndicatorDefinition(db, input.wardId, input.code)
	if (!definition || definition.archived || !isResidentSpec(definition.spec)) return null
	return indicatorCohortCondition(definition, input)
}

export interface IndicatorPerson {
	id: string
	fullName: string
	sex: 'male' | 'female'
	birthYear: number
	residentialGroupName: string | null
	vneidLevel: number
}

/**
 * One page of the people behind a number, with the exact total (so it can be checked against the tile),
 * within what the person may see both as indicators and as people. Lists carry no identifiers.
 */
export async function listIndicatorPeople(
	db: Database,
	input: {
		user: PolicySubject
		definition: IndicatorDefinition
		page: number
		pageSize: number
		/** False: only the total (for a role that sees indicators but not people). */
		withPeople: boolean
	} & CohortSelection,
): Promise<{ total: number; items: IndicatorPerson[] }> {
	const where = and(
		indicatorCohortCondition(input.definition, input),
		residentScopeCondition(input.user, 'indicators.read'),
		input.withPeople ? residentScopeCondition(input.user, 'people.read') : undefined,
	)
	if (!input.withPeople) {
		const [total] = await db.select({ n: count() }).from(residents).where(where)
		return { total: total?.n ?? 0, items: [] }
	}
	const [items, totals] = await Promise.all([
		db
			.select({
				id: residents.id,
				fullName: residents.fullName,
				sex: residents.sex,
				birthYear: residents.birthYear,
				residentialGroupName: residentialGroups.name,
				vneidLevel: residents.vneidLevel,
			})
			.from(residents)
			.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
			.where(where)
			.orderBy(asc(residentialGroups.sortOrder), asc(residents.searchName), asc(residents.id))
			.limit(input.pageSize)
			.offset((input.page - 1) * input.pageSize),
		db.select({ n: count() }).from(residents).where(where),
	])
	return { total: totals[0]?.n ?? 0, items }
}
