import { type SQL, sql } from 'drizzle-orm'
import type {
	ConditionContext,
	ConditionModule,
	FactDefinition,
} from '#server/indicators/condition-module.ts'
import { conditionModule } from '#server/indicators/conditions/index.ts'
import type {
	BreakdownDimension,
	Condition,
	ResidentIndicatorSpec,
} from '#server/indicators/indicator-spec.ts'
import { ageBands } from '#server/people/age-bands.ts'
import { residents, residentTargetGroups } from '#server/people/schema.ts'
import { organizationMemberships } from '#server/ward/schema.ts'

/*
 * From the vocabulary to SQL. Every condition becomes a boolean expression over the `resident` row; the
 * facts they share (e.g. finished courses) become CTEs computed once for the whole dashboard, or inlined
 * subqueries in a drill-down list. Values are bound parameters: nothing typed on a screen becomes SQL text.
 */

export interface CompileOptions {
	asOf: string
	referenceYear: number
}

function moduleOf(kind: string): ConditionModule {
	const found = conditionModule(kind)
	if (!found) throw new Error(`Unknown indicator condition kind: ${kind}`)
	return found
}

function leaves(conditions: readonly Condition[]): { kind: string }[] {
	return conditions.flatMap((c) => (c.kind === 'anyOf' ? c.conditions : [c]))
}

/** The facts a set of specs needs, each once. */
export function factsOf(specs: readonly ResidentIndicatorSpec[]): FactDefinition[] {
	const found = new Map<string, FactDefinition>()
	for (const spec of specs)
		for (const leaf of leaves([...spec.population, ...spec.reached]))
			for (const fact of moduleOf(leaf.kind).facts ?? []) found.set(fact.name, fact)
	return [...found.values()]
}

function compileCondition(condition: Condition, ctx: ConditionContext): SQL {
	if (condition.kind === 'anyOf')
		return sql`(${sql.join(
			condition.conditions.map((c) => compileCondition(c, ctx)),
			sql` or `,
		)})`
	return sql`(${moduleOf(condition.kind).toSql(condition as never, ctx)})`
}

/** All conditions together (true when there are none). */
export function compileAll(conditions: readonly Condition[], ctx: ConditionContext): SQL {
	if (conditions.length === 0) return sql`true`
	return sql`(${sql.join(
		conditions.map((c) => compileCondition(c, ctx)),
		sql` and `,
	)})`
}

/** Context whose facts are CTEs named in the query's WITH clause; joinable ones are joined by name. */
export function cteContext(options: CompileOptions, joinable: readonly string[] = []): ConditionContext {
	return {
		...options,
		fact: (name) => sql`${sql.identifier(name)}`,
		joined: (name) => {
			if (!joinable.includes(name)) throw new Error(`Fact ${name} is not joined in this query`)
			return sql`${sql.identifier(name)}`
		},
	}
}

/** Context whose facts are inlined as subqueries (for a condition used inside someone else's query). */
export function inlineContext(options: CompileOptions, facts: readonly FactDefinition[]): ConditionContext {
	return {
		...options,
		fact: (name) => {
			const fact = facts.find((f) => f.name === name)
			if (!fact) throw new Error(`Fact ${name} was not declared by its condition`)
			return sql`(${fact.sql(options)}) as ${sql.identifier(name)}`
		},
	}
}

/** Who an indicator counts: everyone in the denominator, those reached, or the left-behind rest. */
export type Cohort = 'population' | 'reached' | 'leftBehind'

/**
 * A condition on `resident` selecting one cohort of one indicator (active residents only), with facts
 * inlined: ready to AND with the policy's scope in any resident query (lists, export, worklists).
 */
export function cohortCondition(spec: ResidentIndicatorSpec, cohort: Cohort, options: CompileOptions): SQL {
	const ctx = inlineContext(options, factsOf([spec]))
	const population = compileAll(spec.population, ctx)
	const reached = compileAll(spec.reached, ctx)
	const active = sql`${residents.status} = 'active'`
	if (cohort === 'population') return sql`${active} and ${population}`
	if (cohort === 'reached') return sql`${active} and ${population} and ${reached}`
	// `is not true`: a condition that yields null (no data) counts as not reached, never silently dropped.
	return sql`${active} and ${population} and (${reached}) is not true`
}

/** The age band of the resident row as a SQL expression (codes of server/people/age-bands.ts). */
export function ageBandSql(referenceYear: number): SQL {
	const cases = ageBands.map(
		(band) =>
			sql`when ${residents.birthYear} >= ${referenceYear - band.max} and ${residents.birthYear} <= ${referenceYear - band.min} then ${band.code}`,
	)
	return sql`(case ${sql.join(cases, sql` `)} else 'unknown' end)`
}

/** A condition on `resident` for one cell of a breakdown (the drill-down from a breakdown row). */
export function breakdownCondition(dimension: BreakdownDimension, key: string, referenceYear: number): SQL {
	switch (dimension) {
		case 'residentialGroup':
			return key === ''
				? sql`${residents.residentialGroupId} is null`
				: sql`${residents.residentialGroupId} = ${key}`
		case 'sex':
			return sql`${residents.sex} = ${key}`
		case 'ageBand':
			return sql`${ageBandSql(referenceYear)} = ${key}`
		case 'targetGroup': {
			const t = residentTargetGroups
			return sql`${residents.id} in (select ${t.residentId} from ${t} where ${t.targetGroupCode} = ${key})`
		}
		case 'organization': {
			const m = organizationMemberships
			return sql`${residents.id} in (select ${m.residentId} from ${m} where ${m.organizationId} = ${key} and ${m.endedOn} is null)`
		}
	}
}
