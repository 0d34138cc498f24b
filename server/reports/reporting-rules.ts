import type { ReminderThreshold, ReportingPeriodKind, UnitReportStatus } from '#server/reports/schema.ts'

/*
 * Pure rules of the reporting calendar and the unit-report workflow, unit-tested without a database.
 * The plan (seed, part VI) asks for the 6-month report before 15 May and the annual one before
 * 15 November; a ward may set other days (reporting_schedule).
 */

export interface DueDay {
	month: number
	day: number
}

export const defaultDueDays: Record<'semiannual' | 'annual', DueDay> = {
	semiannual: { month: 5, day: 15 },
	annual: { month: 11, day: 15 },
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The due day of a year as yyyy-mm-dd, clamped to the month's last day (31 in a 30-day month). */
export function dueDateOf(year: number, due: DueDay): string {
	const last = new Date(Date.UTC(year, due.month, 0)).getUTCDate()
	return `${year}-${pad(due.month)}-${pad(Math.min(due.day, last))}`
}

/** What a new regular period proposes: figures from 1 January up to the due day (the editor may change them). */
export function proposedPeriod(
	kind: 'semiannual' | 'annual',
	year: number,
	due: DueDay,
): { label: string; startsOn: string; endsOn: string; dueOn: string } {
	const dueOn = dueDateOf(year, due)
	const label = kind === 'semiannual' ? `Báo cáo 6 tháng đầu năm ${year}` : `Báo cáo năm ${year}`
	return { label, startsOn: `${year}-01-01`, endsOn: dueOn, dueOn }
}

/** Days from one calendar day to another (yyyy-mm-dd), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** The reminder thresholds: 7 days before, 2 days before, and once overdue. */
export const reminderDaysBefore: Record<Exclude<ReminderThreshold, 'overdue'>, number> = { d7: 7, d2: 2 }

/**
 * The reminder a unit not yet reported should have by `today`: the latest threshold reached. A day the
 * job missed is not made up with a stale message: after a pause it sends the threshold of the day.
 * Null more than 7 days before the due day.
 */
export function reminderThresholdOn(today: string, dueOn: string): ReminderThreshold | null {
	const left = daysBetween(today, dueOn)
	if (left < 0) return 'overdue'
	if (left <= reminderDaysBefore.d2) return 'd2'
	if (left <= reminderDaysBefore.d7) return 'd7'
	return null
}

/** A unit has reported when its report is with the ward or accepted; a draft or a returned one has not. */
export function hasReported(status: UnitReportStatus | null): boolean {
	return status === 'submitted' || status === 'accepted'
}

/** Where a unit stands for the ward's list. */
export type UnitStanding = 'notStarted' | UnitReportStatus | 'overdue'

/** Not yet reported after the due day: overdue (whether nothing, a draft or a returned report). */
export function unitStanding(status: UnitReportStatus | null, dueOn: string, today: string): UnitStanding {
	if (!hasReported(status) && daysBetween(today, dueOn) < 0) return 'overdue'
	return status ?? 'notStarted'
}

/** The unit may edit (save a draft, submit) only before the ward has it: nothing yet, a draft, returned. */
export function unitMayEdit(status: UnitReportStatus | null): boolean {
	return status === null || status === 'draft' || status === 'returned'
}

/** The ward may return or accept only a submitted report. */
export function wardMayReview(status: UnitReportStatus | null): boolean {
	return status === 'submitted'
}

export const periodKindsInOrder: readonly ReportingPeriodKind[] = ['annual', 'semiannual', 'adhoc']

/** The calendar day in Vietnam (the ward's day) at an instant, as yyyy-mm-dd. */
export function vietnamDay(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now)
}
