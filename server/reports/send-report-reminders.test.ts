import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { PolicySubject } from '#server/identity/permissions.ts'
import {
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { listOutbox } from '#server/notifications/message-channel.server.ts'
import { listNotifications } from '#server/notifications/notifications.server.ts'
import { createReportingPeriod } from '#server/reports/manage-periods.server.ts'
import { PeriodFormSchema } from '#server/reports/period-form.ts'
import { getReportingPeriod, type ReportingPeriod } from '#server/reports/periods.server.ts'
import { runReportReminders } from '#server/reports/send-report-reminders.server.ts'
import { insertReportAccount } from '#server/reports/testing/report-fixtures.ts'
import { computeUnitFigures } from '#server/reports/unit-report-figures.server.ts'
import { saveUnitReport } from '#server/reports/unit-report-workflow.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let fixture: IndicatorFixture
let period: ReportingPeriod
let schoolFocal: PolicySubject
let agencyFocal: PolicySubject
let reviewer: PolicySubject

// The clock is passed in: 08:00 in Vietnam on the given day.
const at = (day: string) => new Date(`${day}T08:00:00+07:00`)

beforeAll(async () => {
	services = await createTestServices()
	fixture = await insertIndicatorFixture(services.db, 'TEST-REMIND')
	schoolFocal = await insertReportAccount(services.db, {
		wardId: fixture.wardId,
		username: 'remind-school',
		role: 'focalPoint',
		organizationId: fixture.organizations.school,
	})
	agencyFocal = await insertReportAccount(services.db, {
		wardId: fixture.wardId,
		username: 'remind-agency',
		role: 'focalPoint',
		organizationId: fixture.organizations.agency,
	})
	reviewer = await insertReportAccount(services.db, {
		wardId: fixture.wardId,
		username: 'remind-reviewer',
		role: 'wardAdmin',
	})
	const form = PeriodFormSchema.parse({
		kind: 'semiannual',
		year: '2026',
		label: 'Báo cáo 6 tháng đầu năm 2026',
		startsOn: '2026-01-01',
		endsOn: '2026-05-15',
		dueOn: '2026-05-15',
	})
	const created = await createReportingPeriod(services.db, { wardId: fixture.wardId, form, by: null })
	if (!created.ok) throw new Error('period')
	period = (await getReportingPeriod(services.db, fixture.wardId, created.id)) as ReportingPeriod
})
afterAll(async () => {
	await services.close()
})

const reminders = async () =>
	(
		(await services.db.execute(
			sql`select threshold, count(*)::int as units from report_reminder where period_id = ${period.id} group by threshold order by threshold`,
		)) as unknown as { rows: { threshold: string; units: number }[] }
	).rows

test('nothing before 7 days; then each unit not reported is reminded once per threshold', async () => {
	const db = services.db
	expect(await runReportReminders(db, { now: at('2026-05-07') })).toMatchObject({ unitsReminded: 0 })

	const first = await runReportReminders(db, { now: at('2026-05-08') })
	// Four units listed; two have a focal point account (one notification and one message each).
	expect(first).toEqual({
		today: '2026-05-08',
		unitsReminded: 4,
		notifications: 2,
		unitsWithoutFocalPoint: 2,
	})
	// The other two reach nobody: the ward's reviewers are told which, once.
	const [alert, ...moreAlerts] = await listNotifications(db, reviewer.id)
	expect(moreAlerts).toEqual([])
	expect(alert).toMatchObject({
		title: 'Đơn vị chưa có đầu mối nhận nhắc: Báo cáo 6 tháng đầu năm 2026',
		link: `/bao-cao/ky/${period.id}`,
	})
	expect(alert?.body).toContain('2 đơn vị chưa nộp báo cáo (hạn 15/05/2026, còn 7 ngày)')
	expect(alert?.body).toContain('Công ty May')
	expect(alert?.body).toContain('Tổ CNSCĐ TDP1')
	expect(alert?.body).not.toContain('Trường Tiểu học')
	// The same day again (a second app server, a rerun): nothing more.
	expect(await runReportReminders(db, { now: at('2026-05-08') })).toMatchObject({ unitsReminded: 0 })
	expect(await runReportReminders(db, { now: at('2026-05-10') })).toMatchObject({ unitsReminded: 0 })
	const [notice] = await listNotifications(db, schoolFocal.id)
	expect(notice).toMatchObject({
		kind: 'reportReminder',
		link: `/bao-cao/ky/${period.id}/don-vi/${fixture.organizations.school}`,
	})
	expect(notice?.body).toContain('còn 7 ngày')

	// The school submits; only the others get the 2-day reminder.
	const figures = await computeUnitFigures(db, { organizationId: fixture.organizations.school, period })
	const sections = { results: 'Đã học', goodPractices: '', difficulties: '', proposals: '' }
	expect(
		await saveUnitReport(db, {
			period,
			organizationId: fixture.organizations.school,
			expectedVersion: 0,
			figures,
			sections,
			submit: true,
			actorId: schoolFocal.id,
		}),
	).toBe('submitted')
	expect(await runReportReminders(db, { now: at('2026-05-13') })).toEqual({
		today: '2026-05-13',
		unitsReminded: 3,
		notifications: 1,
		unitsWithoutFocalPoint: 2,
	})
	// Overdue from the day after the due day, in Vietnam time (17:30 UTC on the 15th is the 16th there).
	expect(await runReportReminders(db, { now: new Date('2026-05-15T16:30:00Z') })).toMatchObject({
		unitsReminded: 0,
	})
	expect(await runReportReminders(db, { now: new Date('2026-05-15T17:30:00Z') })).toMatchObject({
		today: '2026-05-16',
		unitsReminded: 3,
	})
	expect(await runReportReminders(db, { now: at('2026-06-01') })).toMatchObject({ unitsReminded: 0 })
	expect(await reminders()).toEqual([
		{ threshold: 'd2', units: 3 },
		{ threshold: 'd7', units: 4 },
		{ threshold: 'overdue', units: 3 },
	])
	expect((await listNotifications(db, schoolFocal.id)).length).toBe(1)
	// One alert per threshold: 7 days, 2 days, overdue.
	expect((await listNotifications(db, reviewer.id)).length).toBe(3)
	expect((await listNotifications(db, agencyFocal.id)).map((n) => n.title)).toEqual([
		'Quá hạn báo cáo: Báo cáo 6 tháng đầu năm 2026',
		'Nhắc hạn báo cáo: Báo cáo 6 tháng đầu năm 2026',
		'Nhắc hạn báo cáo: Báo cáo 6 tháng đầu năm 2026',
	])
	// The local stand-in recorded one message per notification, to accounts, with no address.
	const outbox = await listOutbox(db, fixture.wardId)
	expect(outbox).toHaveLength(4)
	expect(outbox.every((m) => m.channel === 'sms' && m.status === 'recorded')).toBe(true)
})

test('runs started together by several servers remind a unit once', async () => {
	const db = services.db
	const form = PeriodFormSchema.parse({
		kind: 'adhoc',
		year: '2026',
		label: 'Báo cáo đột xuất',
		startsOn: '2026-01-01',
		endsOn: '2026-09-30',
		dueOn: '2026-10-01',
	})
	const created = await createReportingPeriod(db, { wardId: fixture.wardId, form, by: null })
	if (!created.ok) throw new Error('period')
	const runs = await Promise.all([1, 2, 3].map(() => runReportReminders(db, { now: at('2026-09-30') })))
	expect(runs.reduce((sum, r) => sum + r.unitsReminded, 0)).toBe(4)
	const [{ n } = { n: 0 }] = (
		(await db.execute(
			sql`select count(*)::int as n from report_reminder where period_id = ${created.id}`,
		)) as unknown as { rows: { n: number }[] }
	).rows
	expect(n).toBe(4)
})
