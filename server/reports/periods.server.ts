import { and, asc, desc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { type ReportingPeriodKind, reportingPeriods } from '#server/reports/schema.ts'

/** A reporting period as every reader sees it (dates as ISO yyyy-mm-dd strings). */
export interface ReportingPeriod {
	id: string
	wardId: string
	kind: ReportingPeriodKind
	year: number
	label: string
	startsOn: string
	endsOn: string
	dueOn: string
	status: 'open' | 'closed'
	closedAt: Date | null
}

const periodColumns = {
	id: reportingPeriods.id,
	wardId: reportingPeriods.wardId,
	kind: reportingPeriods.kind,
	year: reportingPeriods.year,
	label: reportingPeriods.label,
	startsOn: reportingPeriods.startsOn,
	endsOn: reportingPeriods.endsOn,
	dueOn: reportingPeriods.dueOn,
	status: reportingPeriods.status,
	closedAt: reportingPeriods.closedAt,
}

/** The ward's reporting periods, newest first (by year, then due date). */
export async function listReportingPeriods(
	db: Database,
	wardId: string,
	filter: { year?: number; kind?: ReportingPeriodKind } = {},
): Promise<ReportingPeriod[]> {
	const conditions = [eq(reportingPeriods.wardId, wardId)]
	if (filter.year !== undefined) conditions.push(eq(reportingPeriods.year, filter.year))
	if (filter.kind !== undefined) conditions.push(eq(reportingPeriods.kind, filter.kind))
	return db
		.select(periodColumns)
		.from(reportingPeriods)
		.where(and(...conditions))
		.orderBy(desc(reportingPeriods.year), desc(reportingPeriods.dueOn), asc(reportingPeriods.label))
}

/** One period of the ward, or null (also when it belongs to another ward). */
export async function getReportingPeriod(
	db: Database,
	wardId: string,
	periodId: string,
): Promise<ReportingPeriod | null> {
	const [period] = await db
		.select(periodColumns)
		.from(reportingPeriods)
		.where(and(eq(reportingPeriods.wardId, wardId), eq(reportingPeriods.id, periodId)))
	return period ?? null
}

/** The ward's 6-month or annual period of a year, or null. */
export async function findRegularPeriod(
	db: Database,
	wardId: string,
	kind: 'semiannual' | 'annual',
	year: number,
): Promise<ReportingPeriod | null> {
	const [period] = await listReportingPeriods(db, wardId, { kind, year })
	return period ?? null
}
