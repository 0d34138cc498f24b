import { and, asc, count, desc, eq, exists, gte, like, lte, type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { compileAll, inlineContext } from '#server/indicators/compile-indicators.ts'
import { certified } from '#server/indicators/conditions/certification-conditions.ts'
import { isLearner } from '#server/indicators/conditions/learning-conditions.ts'
import { type AgeBandCode, birthYearRange } from '#server/people/age-bands.ts'
import type { LearningStatus, ResidentListQuery } from '#server/people/resident-filters.ts'
import { households, residents, residentTargetGroups } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import { residentialGroups } from '#server/ward/schema.ts'

export interface ResidentListItem {
	id: string
	fullName: string
	sex: 'male' | 'female'
	birthYear: number
	birthDate: string | null
	residentialGroupName: string | null
	householdCode: string | null
	vneidLevel: number
	status: 'active' | 'movedAway' | 'deceased'
}

/** Counting stops here: past it the list says "more than" and asks for a narrower filter. */
export const RESIDENT_COUNT_CAP = 10_000

export interface ResidentListPage {
	items: ResidentListItem[]
	total: number
	/** True when there are more than RESIDENT_COUNT_CAP matches (total is then the cap). */
	totalCapped: boolean
	page: number
	pageSize: number
}

/**
 * One page of residents matching the filters, within the caller's scope (a condition from the
 * policy). Personal identifiers are not selected: lists never carry them.
 */
export async function listResidents(
	db: Database,
	input: { wardId: string; scope?: SQL; query: ResidentListQuery; referenceYear?: number },
): Promise<ResidentListPage> {
	const { query } = input
	const where = residentListCondition(db, input)
	const orderBy = residentListOrder[query.sort]

	const [rows, totals] = await Promise.all([
		db
			.select({
				id: residents.id,
				fullName: residents.fullName,
				sex: residents.sex,
				birthYear: residents.birthYear,
				birthDate: residents.birthDate,
				residentialGroupName: residentialGroups.name,
				householdCode: households.code,
				vneidLevel: residents.vneidLevel,
				status: residents.status,
			})
			.from(residents)
			.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
			.leftJoin(households, eq(households.id, residents.householdId))
			.where(where)
			.orderBy(...orderBy)
			.limit(query.pageSize)
			.offset((query.trang - 1) * query.pageSize),
		db.select({ n: count() }).from(
			db
				.select({ one: sql`1` })
				.from(residents)
				.where(where)
				.limit(RESIDENT_COUNT_CAP + 1)
				.as('capped'),
		),
	])
	const counted = totals[0]?.n ?? 0
	return {
		items: rows,
		total: Math.min(counted, RESIDENT_COUNT_CAP),
		totalCapped: counted > RESIDENT_COUNT_CAP,
		page: query.trang,
		pageSize: query.pageSize,
	}
}

/** The list's filters and the caller's scope as one condition: shared by the list page and the export. */
export function residentListCondition(
	db: Database,
	input: { wardId: string; scope?: SQL; query: ResidentListQuery; referenceYear?: number },
): SQL | undefined {
	const { query } = input
	const referenceYear = input.referenceYear ?? new Date().getFullYear()
	const conditions: (SQL | undefined)[] = [eq(residents.wardId, input.wardId), input.scope]
	if (query.q) {
		const folded = foldVietnamese(query.q).replace(/[%_\\]/g, (c) => `\\${c}`)
		if (folded) conditions.push(like(residents.searchName, `%${folded}%`))
	}
	if (query.group) conditions.push(eq(residents.residentialGroupId, query.group))
	if (query.sex) conditions.push(eq(residents.sex, query.sex))
	if (query.vneid) conditions.push(eq(residents.vneidLevel, Number(query.vneid)))
	if (query.status !== 'all') conditions.push(eq(residents.status, query.status))
	if (query.learning) conditions.push(learningStatusCondition(query.learning))
	if (query.ageBand) {
		const { from, to } = birthYearRange(query.ageBand as AgeBandCode, referenceYear)
		conditions.push(gte(residents.birthYear, from), lte(residents.birthYear, to))
	}
	if (query.targetGroup) {
		conditions.push(
			exists(
				db
					.select({ one: sql`1` })
					.from(residentTargetGroups)
					.where(
						and(
							eq(residentTargetGroups.residentId, residents.id),
							eq(residentTargetGroups.targetGroupCode, query.targetGroup),
						),
					),
			),
		)
	}
	return and(...conditions)
}

/**
 * The learning-status filter in the indicators' own vocabulary, so "certified" in the list means exactly
 * what it means on the dashboard (valid today, any basis; learning = at least one lesson finished).
 */
function learningStatusCondition(status: LearningStatus): SQL {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
	const conditions = [
		certified.schema.parse({ kind: 'certified' }),
		isLearner.schema.parse({ kind: 'learner', minLessons: 1 }),
	]
	const facts = [certified, isLearner].flatMap((module) => module.facts ?? [])
	const ctx = inlineContext({ asOf: today, referenceYear: Number(today.slice(0, 4)) }, facts)
	const [holdsCertificate, startedLearning] = conditions.map((c) => compileAll([c], ctx)) as [SQL, SQL]
	if (status === 'certified') return holdsCertificate
	if (status === 'learning') return sql`${startedLearning} and (${holdsCertificate}) is not true`
	return sql`(${startedLearning}) is not true and (${holdsCertificate}) is not true`
}

/** The list's sort orders (the group order needs residential_group joined). */
export const residentListOrder = {
	name: [asc(residents.searchName), asc(residents.id)],
	'-name': [desc(residents.searchName), desc(residents.id)],
	age: [desc(residents.birthYear), asc(residents.searchName)],
	'-age': [asc(residents.birthYear), asc(residents.searchName)],
	group: [asc(residentialGroups.sortOrder), asc(residents.searchName)],
}
