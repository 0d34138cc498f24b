import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { ageBandSql, compileAll, cteContext, factsOf } from '#server/indicators/compile-indicators.ts'
import { sqlList } from '#server/indicators/condition-module.ts'
import {
	type BreakdownDimension,
	type IndicatorSpec,
	isResidentSpec,
	type PilotModelIndicatorSpec,
	type ResidentIndicatorSpec,
} from '#server/indicators/indicator-spec.ts'
import { residents, residentTargetGroups } from '#server/people/schema.ts'
import { pilotModels } from '#server/programmes/schema.ts'
import { organizationMemberships } from '#server/ward/schema.ts'

/** Numerator and denominator of one cell (the whole indicator, or one row of a breakdown). */
export interface Counts {
	numerator: number
	denominator: number
}

export interface BreakdownCell extends Counts {
	/** Group id, organisation id, target-group code, sex, age-band code ('' when unknown). */
	key: string
}

export interface IndicatorValue extends Counts {
	code: string
	breakdowns: Record<BreakdownDimension, BreakdownCell[]>
}

export interface ComputeInput {
	wardId: string
	indicators: readonly { code: string; spec: IndicatorSpec }[]
	/** Counted up to this day, inclusive (`YYYY-MM-DD`). */
	asOf: string
	/** The policy's condition on `resident` (a group leader's groups, a focal point's organisation…). */
	scope?: SQL
}

/**
 * Every indicator with every breakdown in one statement: shared facts as CTEs, one pass over the
 * ward's active residents computing a denominator and numerator flag per indicator, then one GROUP BY
 * per dimension over that pass. The number of statements does not grow with the number of indicators.
 */
export async function computeIndicators(db: Database, input: ComputeInput): Promise<IndicatorValue[]> {
	return computeAlongsidePilotModels(db, input, (people) =>
		computeResidentIndicators(db, { ...input, indicators: people }),
	)
}

/**
 * The resident indicators through `computePeople` (from the rows, or from the kept state), the pilot-model
 * ones counted beside them; the values in the order of `input.indicators`.
 */
export async function computeAlongsidePilotModels(
	db: Database,
	input: Pick<ComputeInput, 'wardId' | 'indicators' | 'asOf'>,
	computePeople: (people: readonly ResidentIndicator[]) => Promise<IndicatorValue[]>,
): Promise<IndicatorValue[]> {
	const people = input.indicators.filter((i): i is ResidentIndicator => isResidentSpec(i.spec))
	const [peopleValues, modelValues] = await Promise.all([
		people.length === 0 ? [] : computePeople(people),
		Promise.all(
			input.indicators
				.filter((i) => !isResidentSpec(i.spec))
				.map((i) =>
					countPilotModels(db, input.wardId, i.code, i.spec as PilotModelIndicatorSpec, input.asOf),
				),
		),
	])
	const byCode = new Map([...peopleValues, ...modelValues].map((v) => [v.code, v]))
	return input.indicators.map((i) => byCode.get(i.code) as IndicatorValue)
}

export const noBreakdowns = (): IndicatorValue['breakdowns'] => ({
	residentialGroup: [],
	organization: [],
	targetGroup: [],
	sex: [],
	ageBand: [],
})

/** Pilot models are the ward's, whatever the reader's scope: a group leader sees the ward's count. */
export async function countPilotModels(
	db: Database,
	wardId: string,
	code: string,
	spec: PilotModelIndicatorSpec,
	asOf: string,
): Promise<IndicatorValue> {
	const m = pilotModels
	const result = (await db.execute(sql`select count(*)::int as n from ${m} where ${m.wardId} = ${wardId}
		and ${m.kind} in (${sqlList(spec.models.kinds)}) and ${m.status} in (${sqlList(spec.models.statuses)})
		and coalesce(${m.startedOn}, ${m.createdAt}::date) <= ${asOf}::date`)) as unknown as {
		rows: { n: number }[]
	}
	return { code, numerator: Number(result.rows[0]?.n ?? 0), denominator: 0, breakdowns: noBreakdowns() }
}

export type ResidentIndicator = { code: string; spec: ResidentIndicatorSpec }

/** Two bits per indicator, 31 indicators to a bigint mask. */
const perMask = 31

export function maskCountOf(indicators: readonly unknown[]): number {
	return Math.max(1, Math.ceil(indicators.length / perMask))
}

/**
 * Each active resident's flags as SQL, shared by the statement below and the kept state
 * (live-indicators.server.ts): the facts as CTEs (`withFacts`, to open a WITH clause), the joins of the
 * per-resident ones to `resident`, and the masks m0, m1… — two bits per indicator (in the denominator,
 * reached), one CASE each, so the population is evaluated once and what is reached only for those in it.
 */
export function residentFlagsSql(
	indicators: readonly ResidentIndicator[],
	asOf: string,
	options: { materialized?: boolean } = {},
) {
	const referenceYear = Number(asOf.slice(0, 4))
	const compileOptions = { asOf, referenceYear }
	const materialized = options.materialized ?? true
	const facts = factsOf(indicators.map((i) => i.spec))
	const joinable = facts.filter((f) => f.joinable).map((f) => f.name)
	const ctx = cteContext(compileOptions, joinable)
	const joins = sql.join(
		joinable.map(
			(name) =>
				sql`left join ${sql.identifier(name)} on ${sql.identifier(name)}.resident_id = ${residents.id}`,
		),
		sql` `,
	)
	const masks = Array.from({ length: maskCountOf(indicators) }, (_, m) => {
		const terms = indicators.slice(m * perMask, (m + 1) * perMask).map((indicator, k) => {
			const population = compileAll(indicator.spec.population, ctx)
			const reached = compileAll(indicator.spec.reached, ctx)
			return sql`(case when ${population} then case when (${reached}) is true then 3 else 1 end else 0 end)::bigint * ${sql.raw(String(4n ** BigInt(k)))}`
		})
		return sql`(${sql.join(terms, sql` + `)})`
	})
	const withFacts = sql.join(
		facts.map(
			(f) =>
				sql`${sql.identifier(f.name)} as ${sql.raw(materialized ? 'materialized' : 'not materialized')} (${f.sql(compileOptions)}),`,
		),
		sql` `,
	)
	return { withFacts, joins, masks, ageBand: ageBandSql(referenceYear) }
}

/**
 * Numerator and denominator columns (cd0, cn0, cd1…) summed over rows that carry the masks m0, m1… and a
 * count `n` of the residents sharing them: the indicator counts are read off the few distinct masks.
 */
export function countsFromMasks(indicators: readonly unknown[]): SQL {
	const bit = (flag: number) => {
		const indicator = Math.floor(flag / 2)
		const column = sql.identifier(`m${Math.floor(indicator / perMask)}`)
		const value = 2n ** BigInt(2 * (indicator % perMask) + (flag % 2))
		return sql`${column} & ${sql.raw(String(value))}::bigint <> 0`
	}
	return sql.join(
		indicators.map(
			(_, i) =>
				sql`coalesce(sum(n) filter (where ${bit(2 * i)}), 0)::int as ${sql.identifier(`cd${i}`)}, coalesce(sum(n) filter (where ${bit(2 * i + 1)}), 0)::int as ${sql.identifier(`cn${i}`)}`,
		),
		sql`, `,
	)
}

/** The values from rows of (dim, key, cd0, cn0…): `all` is the indicator, the others its breakdown cells. */
export function valuesFromCountRows(
	indicators: readonly { code: string }[],
	rows: readonly Record<string, unknown>[],
): IndicatorValue[] {
	return indicators.map((indicator, i) => {
		const value: IndicatorValue = {
			code: indicator.code,
			numerator: 0,
			denominator: 0,
			breakdowns: noBreakdowns(),
		}
		for (const row of rows) {
			const denominator = Number(row[`cd${i}`])
			const numerator = Number(row[`cn${i}`])
			const dim = String(row.dim)
			if (dim === 'all') {
				value.numerator = numerator
				value.denominator = denominator
			} else if (denominator > 0 || numerator > 0) {
				value.breakdowns[dim as BreakdownDimension].push({
					key: String(row.key ?? ''),
					numerator,
					denominator,
				})
			}
		}
		// In key order whatever order the database grouped in: the same data gives the same value.
		for (const cells of Object.values(value.breakdowns))
			cells.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		return value
	})
}

async function computeResidentIndicators(
	db: Database,
	input: Omit<ComputeInput, 'indicators'> & { indicators: readonly ResidentIndicator[] },
): Promise<IndicatorValue[]> {
	if (input.indicators.length === 0) return []
	const flags = residentFlagsSql(input.indicators, input.asOf)
	// Each breakdown groups by (key, masks) with one count, and the indicator counts are summed over those
	// few groups (the flags go together) instead of 2 × n filtered counts over every row of every breakdown.
	const maskCount = maskCountOf(input.indicators)
	const maskColumns = sql.join(
		Array.from({ length: maskCount }, (_, m) => sql.identifier(`m${m}`)),
		sql`, `,
	)
	const maskSelect = sql.join(
		flags.masks.map((mask, m) => sql`${mask} as ${sql.identifier(`m${m}`)}`),
		sql`, `,
	)
	const m = organizationMemberships
	const t = residentTargetGroups
	const query = sql`with ${flags.withFacts}
		indicator_base as materialized (
			select ${residents.id} as id, ${residents.residentialGroupId} as group_id, ${residents.sex} as sex,
				${flags.ageBand} as age_band, ${maskSelect}
			from ${residents} ${flags.joins}
			where ${residents.wardId} = ${input.wardId} and ${residents.status} = 'active' ${input.scope ? sql`and ${input.scope}` : sql``}
		),
		per_mask as (
			select case when grouping(group_id) = 0 then 'residentialGroup' when grouping(sex) = 0 then 'sex'
					when grouping(age_band) = 0 then 'ageBand' else 'all' end as dim,
				coalesce(case when grouping(group_id) = 0 then group_id::text when grouping(sex) = 0 then sex
					when grouping(age_band) = 0 then age_band end, '') as key,
				${maskColumns}, count(*) as n
			from indicator_base
			group by grouping sets ((${maskColumns}), (group_id, ${maskColumns}), (sex, ${maskColumns}), (age_band, ${maskColumns}))
			union all select 'targetGroup', tg.code, ${maskColumns}, count(*) from indicator_base
				join (select ${t.residentId} as resident_id, ${t.targetGroupCode} as code from ${t}) tg on tg.resident_id = indicator_base.id
				group by tg.code, ${maskColumns}
			union all select 'organization', om.organization_id::text, ${maskColumns}, count(*) from indicator_base
				join (select distinct ${m.residentId} as resident_id, ${m.organizationId} as organization_id from ${m}
					where ${m.endedOn} is null) om on om.resident_id = indicator_base.id
				group by om.organization_id, ${maskColumns}
		)
		select dim, key, ${countsFromMasks(input.indicators)} from per_mask group by dim, key`
	// (PostgreSQL's JIT is off for the app's connections: see server/db/client.server.ts.)
	const result = await db.execute(query)
	return valuesFromCountRows(
		input.indicators,
		(result as unknown as { rows: Record<string, unknown>[] }).rows,
	)
}
