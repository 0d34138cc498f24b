import { and, eq, ne, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { PeriodForm } from '#server/reports/period-form.ts'
import { reportingPeriods, reportUnits } from '#server/reports/schema.ts'
import { organizations } from '#server/ward/schema.ts'

/*
 * The ward's reporting calendar: opening a period fills the list of units that must report from the
 * ward's organisations; closing it stops submissions and reviews (the consolidated report and emulation
 * read a closed period as final).
 */

/**
 * Units that report to the ward: every organisation but "other" (community tech teams report too: they
 * carry the outreach). The ward removes or adds units on the period page.
 */
const reportingKinds = [
	'agency',
	'school',
	'enterprise',
	'cooperative',
	'partyCell',
	'massOrganization',
	'communityTechTeam',
	'healthFacility',
] as const

export type CreatePeriodOutcome = { ok: true; id: string } | { ok: false; reason: 'duplicate' }

/** Opens a period and lists the units that must report; one 6-month and one annual period a year. */
export async function createReportingPeriod(
	db: Database,
	input: { wardId: string; form: PeriodForm; by: string | null },
): Promise<CreatePeriodOutcome> {
	const { wardId, form, by } = input
	return db.transaction(async (tx) => {
		if (form.kind !== 'adhoc') {
			const [existing] = await tx
				.select({ id: reportingPeriods.id })
				.from(reportingPeriods)
				.where(
					and(
						eq(reportingPeriods.wardId, wardId),
						eq(reportingPeriods.kind, form.kind),
						eq(reportingPeriods.year, form.year),
					),
				)
			if (existing) return { ok: false, reason: 'duplicate' } as const
		}
		const inserted = await tx
			.insert(reportingPeriods)
			.values({ wardId, ...form, createdBy: by })
			.onConflictDoNothing()
			.returning({ id: reportingPeriods.id })
		const period = inserted[0]
		if (!period) return { ok: false, reason: 'duplicate' } as const
		await tx.execute(sql`insert into ${reportUnits} (period_id, organization_id)
			select ${period.id}, ${organizations.id} from ${organizations}
			where ${organizations.wardId} = ${wardId} and ${organizations.kind} in (${sql.join(
				reportingKinds.map((k) => sql`${k}`),
				sql`, `,
			)})`)
		return { ok: true, id: period.id } as const
	})
}

/** Closes (or reopens) a period of the ward; false when it does not exist or is already so. */
export async function setPeriodStatus(
	db: Database,
	input: { wardId: string; periodId: string; status: 'open' | 'closed' },
): Promise<boolean> {
	const rows = await db
		.update(reportingPeriods)
		.set({ status: input.status, closedAt: input.status === 'closed' ? sql`now()` : null })
		.where(
			and(
				eq(reportingPeriods.id, input.periodId),
				eq(reportingPeriods.wardId, input.wardId),
				ne(reportingPeriods.status, input.status),
			),
		)
		.returning({ id: reportingPeriods.id })
	return rows.length > 0
}

/** Adds a unit of the ward to a period's list; false when it is not the ward's or already listed. */
export async function addReportUnit(
	db: Database,
	input: { wardId: string; periodId: string; organizationId: string },
): Promise<boolean> {
	const [organization] = await db
		.select({ id: organizations.id })
		.from(organizations)
		.where(and(eq(organizations.id, input.organizationId), eq(organizations.wardId, input.wardId)))
	if (!organization) return false
	const rows = await db
		.insert(reportUnits)
		.values({ periodId: input.periodId, organizationId: input.organizationId })
		.onConflictDoNothing()
		.returning({ organizationId: reportUnits.organizationId })
	return rows.length > 0
}

/**
 * Removes a unit from a period's list, only while it has no report: a report once started stays on
 * record with its unit.
 */
export async function removeReportUnit(
	db: Database,
	input: { periodId: string; organizationId: string },
): Promise<'removed' | 'hasReport' | 'notListed'> {
	const deleted = (await db.execute(sql`delete from report_unit
		where period_id = ${input.periodId} and organization_id = ${input.organizationId}
		and not exists (select 1 from unit_report where period_id = ${input.periodId} and organization_id = ${input.organizationId})
		returning organization_id`)) as unknown as { rows: unknown[] }
	if (deleted.rows.length > 0) return 'removed'
	const [listed] = await db
		.select({ id: reportUnits.organizationId })
		.from(reportUnits)
		.where(
			and(eq(reportUnits.periodId, input.periodId), eq(reportUnits.organizationId, input.organizationId)),
		)
	return listed ? 'hasReport' : 'notListed'
}
