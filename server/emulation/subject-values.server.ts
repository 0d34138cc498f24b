import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { Criterion, CriterionRule } from '#server/emulation/criterion-rules.ts'
import type { CriterionValue, SubjectValues } from '#server/emulation/scoring.ts'
import { roleDefinitions } from '#server/identity/permissions.ts'
import { type Role, roles } from '#server/identity/schema.ts'
import { compileAll, cteContext, factsOf } from '#server/indicators/compile-indicators.ts'
import type { ResidentIndicatorSpec } from '#server/indicators/indicator-spec.ts'
import { readVolunteerFigures } from '#server/outreach/volunteer-figures.server.ts'
import { rowsOf } from '#server/people/import-jobs/rows-of.ts'
import { residents } from '#server/people/schema.ts'

/*
 * What each unit and each individual achieved in a period, per criterion. Every figure comes from the
 * domain that already counts it — shares of members through the indicators' condition vocabulary, visits,
 * people helped and certifications confirmed from the volunteers' figures (server/outreach) — so the
 * emulation table and the dashboards can never disagree. Classes held and households accompanied are
 * counted here because no other page counts them per unit or per person.
 */

/** The days a period covers, inclusive (YYYY-MM-DD). */
export interface PeriodRange {
	startsOn: string
	endsOn: string
}

/** Hand points given on manual criteria: criterion id → subject id → points. */
export type ManualPoints = Map<string, Map<string, number>>

type Counts = Map<string, number>

const toCounts = (rows: { id: string | null; n: number | string }[]): Counts =>
	new Map(rows.filter((r) => r.id !== null).map((r) => [r.id as string, Number(r.n)]))

/**
 * A `memberShare` rule's conditions as an indicator spec over the period, so the indicators' compiler
 * (facts, conditions) and their plain-words description serve it unchanged.
 */
export function memberShareSpec(
	reached: ResidentIndicatorSpec['reached'],
	range: PeriodRange,
): ResidentIndicatorSpec {
	return {
		population: [],
		reached,
		target: { kind: 'share', percent: 100 },
		period: { from: range.startsOn, deadline: range.endsOn },
		breakdowns: [],
	}
}

/**
 * Share (in %, one decimal) of each unit's members meeting each rule's conditions on the period's last
 * day: criterion id → unit id → share. Members as the indicators' `membership` condition counts them
 * (started by then, not ended by then). One statement for every share criterion, shared facts computed
 * once as CTEs and joined to the resident row, as the indicators' dashboard does.
 */
async function memberShares(
	db: Database,
	wardId: string,
	range: PeriodRange,
	rules: { id: string; reached: ResidentIndicatorSpec['reached'] }[],
): Promise<Map<string, Map<string, number>>> {
	const result = new Map<string, Map<string, number>>()
	if (rules.length === 0) return result
	const specs = rules.map((r) => memberShareSpec(r.reached, range))
	const options = { asOf: range.endsOn, referenceYear: Number(range.endsOn.slice(0, 4)) }
	const facts = factsOf(specs)
	const joinable = facts.filter((f) => f.joinable).map((f) => f.name)
	const ctx = cteContext(options, joinable)
	const withFacts = facts.map((f) => sql`${sql.identifier(f.name)} as materialized (${f.sql(options)}),`)
	const joins = joinable.map(
		(name) => sql`left join ${sql.identifier(name)} on ${sql.identifier(name)}.resident_id = ${residents.id}`,
	)
	const flags = specs.map(
		(spec, i) => sql`coalesce(${compileAll(spec.reached, ctx)}, false) as ${sql.identifier(`f${i}`)}`,
	)
	const counts = specs.map(
		(_, i) => sql`count(*) filter (where ${sql.identifier(`f${i}`)}) as ${sql.identifier(`r${i}`)}`,
	)
	const rows = rowsOf<Record<string, string | number>>(
		await db.execute(sql`
		with ${sql.join(withFacts, sql` `)}
		members as materialized (
			select distinct m.organization_id as id, ${residents.id} as resident_id
			from organization_membership m join organization o on o.id = m.organization_id
			join ${residents} on ${residents.id} = m.resident_id
			where o.ward_id = ${wardId} and ${residents.status} = 'active'
				and (m.started_on is null or m.started_on <= ${range.endsOn}::date)
				and (m.ended_on is null or m.ended_on > ${range.endsOn}::date)
		),
		flagged as (
			select members.id, ${sql.join(flags, sql`, `)}
			from members join ${residents} on ${residents.id} = members.resident_id ${sql.join(joins, sql` `)}
		)
		select id, count(*) as members, ${sql.join(counts, sql`, `)} from flagged group by id`),
	)
	rules.forEach((rule, i) => {
		const byUnit = new Map<string, number>()
		for (const row of rows) {
			const members = Number(row.members)
			byUnit.set(String(row.id), members > 0 ? Math.round((1000 * Number(row[`r${i}`])) / members) / 10 : 0)
		}
		result.set(rule.id, byUnit)
	})
	return result
}

/** Sessions held in the period (not cancelled, already started), per organising unit or per instructor. */
async function sessionsHeld(db: Database, wardId: string, range: PeriodRange, by: 'unit' | 'instructor') {
	const key = by === 'unit' ? sql`c.organizer_organization_id` : sql`c.instructor_id`
	return toCounts(
		rowsOf<{ id: string | null; n: number }>(
			await db.execute(sql`
			select ${key} as id, count(*) as n from class_session s join community_class c on c.id = s.class_id
			where c.ward_id = ${wardId} and s.status = 'scheduled' and s.starts_at <= now()
				and s.starts_at >= ${range.startsOn}::date and s.starts_at < (${range.endsOn}::date + 1)
			group by 1`),
		),
	)
}

/** Households a digital ambassador (with an account) looked after at some time in the period, per account. */
async function householdsAccompanied(db: Database, wardId: string, range: PeriodRange) {
	return toCounts(
		rowsOf<{ id: string; n: number }>(
			await db.execute(sql`
			select u.id, count(distinct a.household_id) as n from ambassador_assignment a
			join user_account u on u.resident_id = a.ambassador_resident_id and u.ward_id = a.ward_id
			where a.ward_id = ${wardId} and a.assigned_at < (${range.endsOn}::date + 1)
				and (a.ended_at is null or a.ended_at >= ${range.startsOn}::date)
			group by 1`),
		),
	)
}

function manualValue(manual: ManualPoints, criterionId: string, subjectId: string) {
	return manual.get(criterionId)?.get(subjectId) ?? null
}

/** Every organisation of the ward with its value on each criterion. */
export async function collectUnitValues(
	db: Database,
	input: { wardId: string; range: PeriodRange; criteria: readonly Criterion[]; manual: ManualPoints },
): Promise<SubjectValues[]> {
	const { wardId, range } = input
	const units = rowsOf<{ id: string; name: string; kind: string }>(
		await db.execute(sql`select id, name, kind from organization where ward_id = ${wardId} order by name`),
	)
	const needs = (kind: CriterionRule['kind']) => input.criteria.some((c) => c.rule.kind === kind)
	const volunteer =
		needs('memberVisits') || needs('memberPeopleHelped') || needs('memberCertifications')
			? await readVolunteerFigures(db, {
					wardId,
					since: range.startsOn,
					until: range.endsOn,
					scope: { groups: 'all', organizations: 'all' },
				})
			: null
	const byOrg = new Map((volunteer?.organizations ?? []).map((r) => [r.id, r]))
	const classes = needs('classSessionsHeld') ? await sessionsHeld(db, wardId, range, 'unit') : new Map()
	const shares = await memberShares(
		db,
		wardId,
		range,
		input.criteria.flatMap((c) =>
			c.rule.kind === 'memberShare' ? [{ id: c.id, reached: c.rule.reached }] : [],
		),
	)
	return units.map((unit) => {
		const figures = byOrg.get(unit.id)
		const measure = (c: Criterion): CriterionValue => {
			switch (c.rule.kind) {
				case 'manual':
					return manualValue(input.manual, c.id, unit.id)
				case 'memberShare':
					return shares.get(c.id)?.get(unit.id) ?? 0
				case 'classSessionsHeld':
					return classes.get(unit.id) ?? 0
				case 'memberVisits':
					return figures?.visits ?? 0
				case 'memberPeopleHelped':
					return figures?.peopleHelped ?? 0
				case 'memberCertifications':
					return figures?.certified ?? 0
				default:
					return null
			}
		}
		const values = Object.fromEntries(input.criteria.map((c) => [c.id, measure(c)]))
		return { subjectId: unit.id, name: unit.name, detail: unit.kind, values }
	})
}

/**
 * Roles whose holders are ranked as individuals: those who work in the field (visits, in-person
 * assessment) — read from the role table, so a new field role joins the ranking without code here.
 */
export const fieldRoles: Role[] = roles.filter((role) =>
	roleDefinitions[role].permissions.some((p) => p === 'outreach.record' || p === 'assessment.confirm'),
)

/** Active accounts holding a field role, with the residential groups of their assignments. */
async function listFieldWorkers(db: Database, wardId: string) {
	const roleList: SQL = sql.join(
		fieldRoles.map((r) => sql`${r}`),
		sql`, `,
	)
	return rowsOf<{ id: string; name: string; groups: string | null }>(
		await db.execute(sql`
		select u.id, u.display_name as name,
			string_agg(distinct g.name, ', ') as groups
		from user_account u
		join role_assignment ra on ra.user_id = u.id and ra.role in (${roleList})
		left join residential_group g on ra.scope_kind = 'residentialGroup' and g.id = ra.scope_id
		where u.ward_id = ${wardId} and u.status = 'active'
		group by u.id, u.display_name order by u.display_name`),
	)
}

/** Every field worker of the ward with their value on each criterion. */
export async function collectIndividualValues(
	db: Database,
	input: { wardId: string; range: PeriodRange; criteria: readonly Criterion[]; manual: ManualPoints },
): Promise<SubjectValues[]> {
	const { wardId, range } = input
	const people = await listFieldWorkers(db, wardId)
	const needs = (kind: CriterionRule['kind']) => input.criteria.some((c) => c.rule.kind === kind)
	const volunteer =
		needs('visits') || needs('peopleHelped') || needs('certificationsConfirmed')
			? await readVolunteerFigures(db, {
					wardId,
					since: range.startsOn,
					until: range.endsOn,
					scope: { groups: 'all', organizations: 'all' },
				})
			: null
	const byUser = new Map((volunteer?.people ?? []).map((r) => [r.id, r]))
	const taught = needs('sessionsTaught') ? await sessionsHeld(db, wardId, range, 'instructor') : new Map()
	const households = needs('householdsAccompanied')
		? await householdsAccompanied(db, wardId, range)
		: new Map()
	return people.map((person) => {
		const figures = byUser.get(person.id)
		const measure = (c: Criterion): CriterionValue => {
			switch (c.rule.kind) {
				case 'manual':
					return manualValue(input.manual, c.id, person.id)
				case 'visits':
					return figures?.visits ?? 0
				case 'peopleHelped':
					return figures?.peopleHelped ?? 0
				case 'certificationsConfirmed':
					return figures?.certified ?? 0
				case 'sessionsTaught':
					return taught.get(person.id) ?? 0
				case 'householdsAccompanied':
					return households.get(person.id) ?? 0
				default:
					return null
			}
		}
		const values = Object.fromEntries(input.criteria.map((c) => [c.id, measure(c)]))
		return { subjectId: person.id, name: person.name, detail: person.groups, values }
	})
}
