import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import {
	type Criterion,
	type CriterionDefinition,
	criterionDefinitionSchema,
	type EmulationSubject,
	withFullAt,
} from '#server/emulation/criterion-rules.ts'
import { defaultCriteria } from '#server/emulation/default-criteria.ts'
import { emulationCriteria } from '#server/emulation/schema.ts'
import type { ReportingPeriod } from '#server/reports/periods.server.ts'

/** A criterion as the editor shows it (with the version an edit must name). */
export interface StoredCriterion extends Criterion {
	version: number
}

/** A period's criteria for units or individuals, in order; each rule re-validated (a bad row is a bug). */
export async function listCriteria(
	db: Database,
	input: { periodId: string; subject: EmulationSubject },
): Promise<StoredCriterion[]> {
	const rows = await db
		.select({
			id: emulationCriteria.id,
			code: emulationCriteria.code,
			title: emulationCriteria.title,
			weight: emulationCriteria.weight,
			maxPoints: emulationCriteria.maxPoints,
			rule: emulationCriteria.rule,
			version: emulationCriteria.version,
		})
		.from(emulationCriteria)
		.where(and(eq(emulationCriteria.periodId, input.periodId), eq(emulationCriteria.subject, input.subject)))
		.orderBy(asc(emulationCriteria.position), asc(emulationCriteria.code))
	const schema = criterionDefinitionSchema(input.subject)
	return rows.map((row) => ({ ...row, rule: schema.shape.rule.parse(row.rule) }))
}

/**
 * Gives a period the criteria it lacks for a subject: the plan's defaults, or the given definitions
 * (the demo seed). Criteria already there are kept; a closed period is left as it is.
 */
export async function ensurePeriodCriteria(
	db: Database,
	input: {
		period: Pick<ReportingPeriod, 'id' | 'wardId' | 'status'>
		subject: EmulationSubject
		by: string | null
		definitions?: CriterionDefinition[]
	},
): Promise<number> {
	if (input.period.status === 'closed') return 0
	const schema = criterionDefinitionSchema(input.subject)
	const definitions = (input.definitions ?? defaultCriteria(input.subject)).map((d) => schema.parse(d))
	const inserted = await db
		.insert(emulationCriteria)
		.values(
			definitions.map((d, position) => ({
				wardId: input.period.wardId,
				periodId: input.period.id,
				subject: input.subject,
				code: d.code,
				title: d.title,
				weight: d.weight,
				maxPoints: d.maxPoints,
				rule: d.rule,
				position,
				updatedBy: input.by,
			})),
		)
		.onConflictDoNothing()
		.returning({ id: emulationCriteria.id })
	return inserted.length
}

/** One criterion of the ward with its period's status, or null. */
export async function getCriterion(db: Database, input: { wardId: string; criterionId: string }) {
	const [row] = await db
		.select({
			id: emulationCriteria.id,
			periodId: emulationCriteria.periodId,
			subject: emulationCriteria.subject,
			code: emulationCriteria.code,
			title: emulationCriteria.title,
			weight: emulationCriteria.weight,
			maxPoints: emulationCriteria.maxPoints,
			rule: emulationCriteria.rule,
			version: emulationCriteria.version,
			periodStatus: sql<
				'open' | 'closed'
			>`(select status from reporting_period p where p.id = ${emulationCriteria.periodId})`,
		})
		.from(emulationCriteria)
		.where(and(eq(emulationCriteria.id, input.criterionId), eq(emulationCriteria.wardId, input.wardId)))
	return row ?? null
}

export type CriterionChangeResult = 'saved' | 'conflict' | 'closed' | 'notFound'

/**
 * Changes a criterion's title, weight, maximum and full-marks value, at the version read. Refused once the
 * period is closed: its scores are frozen on the criteria they were computed with.
 */
export async function updateCriterion(
	db: Database,
	input: {
		wardId: string
		criterionId: string
		version: number
		title: string
		weight: number
		maxPoints: number
		fullAt?: number
		by: string
	},
): Promise<CriterionChangeResult> {
	const current = await getCriterion(db, input)
	if (!current) return 'notFound'
	if (current.periodStatus !== 'open') return 'closed'
	const rule = input.fullAt === undefined ? current.rule : withFullAt(current.rule, input.fullAt)
	const updated = await db
		.update(emulationCriteria)
		.set({
			title: input.title,
			weight: input.weight,
			maxPoints: input.maxPoints,
			rule,
			version: input.version + 1,
			updatedBy: input.by,
			updatedAt: new Date(),
		})
		.where(
			and(
				eq(emulationCriteria.id, input.criterionId),
				eq(emulationCriteria.version, input.version),
				sql`exists (select 1 from reporting_period p where p.id = ${emulationCriteria.periodId} and p.status = 'open')`,
			),
		)
		.returning({ id: emulationCriteria.id })
	return updated.length > 0 ? 'saved' : 'conflict'
}

/** Adds a hand-scored criterion at the end of a period's set; 'duplicate' when the code is taken. */
export async function addManualCriterion(
	db: Database,
	input: {
		period: Pick<ReportingPeriod, 'id' | 'wardId' | 'status'>
		subject: EmulationSubject
		code: string
		title: string
		weight: number
		maxPoints: number
		by: string
	},
): Promise<'saved' | 'duplicate' | 'closed'> {
	if (input.period.status !== 'open') return 'closed'
	const [last] = await db
		.select({ position: sql<number>`coalesce(max(${emulationCriteria.position}), -1)::int` })
		.from(emulationCriteria)
		.where(and(eq(emulationCriteria.periodId, input.period.id), eq(emulationCriteria.subject, input.subject)))
	const inserted = await db
		.insert(emulationCriteria)
		.values({
			wardId: input.period.wardId,
			periodId: input.period.id,
			subject: input.subject,
			code: input.code,
			title: input.title,
			weight: input.weight,
			maxPoints: input.maxPoints,
			rule: { kind: 'manual' },
			position: (last?.position ?? -1) + 1,
			updatedBy: input.by,
		})
		.onConflictDoNothing()
		.returning({ id: emulationCriteria.id })
	return inserted.length > 0 ? 'saved' : 'duplicate'
}
