import { type SQL, sql } from 'drizzle-orm'
import type { z } from 'zod'

/*
 * The condition vocabulary of indicators. A condition is a small JSON object `{ kind, …parameters }`
 * validated with zod; each kind lives in a module that knows how to describe it in plain words and how
 * to compile it to a boolean SQL expression over the `resident` row. Adding a data source (classes,
 * programmes…) is one module in conditions/ plus one line in conditions/index.ts: no free SQL ever
 * comes from the screen.
 */

/** What every compiled condition may rely on. */
export interface ConditionContext {
	/** The day counted up to, inclusive (`YYYY-MM-DD`): dated events after it do not count. */
	asOf: string
	/** Ages are counted as referenceYear − birth year (the age reached during the year). */
	referenceYear: number
	/**
	 * A shared derived table by name. Within the dashboard query it is a CTE computed once for every
	 * indicator; in a drill-down list it is the same subquery inlined. Use it in a FROM clause.
	 */
	fact(name: string): SQL
	/**
	 * In the dashboard query, a per-resident fact (one row per resident, `joinable`) is joined to the
	 * resident row once: this returns its alias, so a condition reads a column instead of probing a
	 * subquery. Undefined elsewhere (conditions then use `fact`).
	 */
	joined?: (name: string) => SQL
}

/** A derived table several conditions share (e.g. the courses each resident has finished). */
export interface FactDefinition {
	name: string
	/** One row per resident, keyed by `resident_id`: the dashboard joins it instead of probing it. */
	joinable?: boolean
	sql(ctx: Pick<ConditionContext, 'asOf' | 'referenceYear'>): SQL
}

export interface ConditionModule<C extends { kind: string } = { kind: string }> {
	kind: C['kind']
	/** Which data source the kind reads: shown in the editor's list. */
	source: 'registry' | 'learning' | 'certification' | 'outreach' | 'classes' | 'programmes'
	schema: z.ZodType<C>
	/** Facts this kind reads through ctx.fact(). */
	facts?: readonly FactDefinition[]
	/** Plain words, e.g. "thuộc nhóm Học sinh từ cấp tiểu học". */
	describe(condition: C, locale: 'vi' | 'en'): string
	/**
	 * A boolean SQL expression over the current `resident` row. Phrase a look-up as a correlated
	 * `exists (… where x.resident_id = resident.id …)`: over a whole ward the planner hashes it once, and for
	 * the few residents a kept-state refresh recomputes (decision 022) it follows the index instead of
	 * reading the whole table, which `resident.id in (select …)` would do.
	 */
	toSql(condition: C, ctx: ConditionContext): SQL
}

/** Identity helper so each module keeps its own condition type. */
export function defineCondition<C extends { kind: string }>(module: ConditionModule<C>): ConditionModule<C> {
	return module
}

/** A SQL list of text values, each bound as a parameter. */
export function sqlList(values: readonly string[]): SQL {
	return sql.join(
		values.map((value) => sql`${value}`),
		sql`, `,
	)
}
