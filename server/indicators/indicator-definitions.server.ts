import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { type IndicatorDefinition, IndicatorSpecSchema } from '#server/indicators/indicator-spec.ts'
import { indicatorDefinitions } from '#server/indicators/schema.ts'
import { standardIndicators } from '#server/indicators/standard-indicators.ts'

type DefinitionRow = typeof indicatorDefinitions.$inferSelect

/** A stored row with its spec validated: a row that no longer validates is an error, never guessed at. */
export function toDefinition(row: DefinitionRow): IndicatorDefinition {
	return {
		id: row.id,
		wardId: row.wardId,
		code: row.code,
		position: row.position,
		name: row.name,
		explanation: row.explanation,
		spec: IndicatorSpecSchema.parse(row.spec),
		version: row.version,
		archived: row.archived,
	}
}

/**
 * Gives a ward the plan's targets: inserts each standard indicator the ward does not have (by code),
 * never touching one that exists, edited or archived. Safe to run at every start and every seed.
 */
export async function ensureStandardIndicators(db: Database, wardId: string): Promise<number> {
	const rows = standardIndicators.map((indicator, position) => ({
		wardId,
		code: indicator.code,
		position: position + 1,
		name: indicator.name,
		explanation: indicator.explanation,
		spec: IndicatorSpecSchema.parse(indicator.spec) as Record<string, unknown>,
	}))
	const inserted = await db
		.insert(indicatorDefinitions)
		.values(rows)
		.onConflictDoNothing({ target: [indicatorDefinitions.wardId, indicatorDefinitions.code] })
		.returning({ id: indicatorDefinitions.id })
	return inserted.length
}

/** Every ward's standard indicators (start-up and the monthly job). */
export async function ensureStandardIndicatorsForAllWards(db: Database): Promise<void> {
	const wards = await db.execute(sql`select id from ward`)
	for (const ward of (wards as unknown as { rows: { id: string }[] }).rows)
		await ensureStandardIndicators(db, ward.id)
}

/** The ward's indicators in order (archived ones only when asked). */
export async function listIndicatorDefinitions(
	db: Database,
	wardId: string,
	options: { includeArchived?: boolean } = {},
): Promise<IndicatorDefinition[]> {
	const rows = await db
		.select()
		.from(indicatorDefinitions)
		.where(
			and(
				eq(indicatorDefinitions.wardId, wardId),
				options.includeArchived ? undefined : eq(indicatorDefinitions.archived, false),
			),
		)
		.orderBy(asc(indicatorDefinitions.position), asc(indicatorDefinitions.code))
	return rows.map(toDefinition)
}

export async function getIndicatorDefinition(
	db: Database,
	wardId: string,
	code: string,
): Promise<IndicatorDefinition | undefined> {
	const row = await db.query.indicatorDefinitions.findFirst({
		where: and(eq(indicatorDefinitions.wardId, wardId), eq(indicatorDefinitions.code, code)),
	})
	return row ? toDefinition(row) : undefined
}
