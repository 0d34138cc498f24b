import { eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { type DueDay, defaultDueDays } from '#server/reports/reporting-rules.ts'
import { reportingSchedules } from '#server/reports/schema.ts'

export type ReportingSchedule = Record<'semiannual' | 'annual', DueDay>

/** The ward's due days for the regular reports: its settings, else the plan's defaults (15/5, 15/11). */
export async function getReportingSchedule(db: Database, wardId: string): Promise<ReportingSchedule> {
	const rows = await db
		.select({
			kind: reportingSchedules.kind,
			month: reportingSchedules.dueMonth,
			day: reportingSchedules.dueDay,
		})
		.from(reportingSchedules)
		.where(eq(reportingSchedules.wardId, wardId))
	const schedule: ReportingSchedule = { ...defaultDueDays }
	for (const row of rows) schedule[row.kind] = { month: row.month, day: row.day }
	return schedule
}

/** Saves the ward's due days (used for the periods created afterwards; existing periods keep theirs). */
export async function saveReportingSchedule(
	db: Database,
	wardId: string,
	schedule: ReportingSchedule,
): Promise<void> {
	for (const kind of ['semiannual', 'annual'] as const) {
		const { month, day } = schedule[kind]
		await db
			.insert(reportingSchedules)
			.values({ wardId, kind, dueMonth: month, dueDay: day })
			.onConflictDoUpdate({
				target: [reportingSchedules.wardId, reportingSchedules.kind],
				set: { dueMonth: month, dueDay: day, updatedAt: sql`now()` },
			})
	}
}
