import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PolicySubject } from '#server/identity/permissions.ts'
import { can } from '#server/identity/policy.server.ts'
import {
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { countUnreadNotifications, listNotifications } from '#server/notifications/notifications.server.ts'
import { listAcceptedUnitReports } from '#server/reports/accepted-unit-reports.server.ts'
import {
	createReportingPeriod,
	removeReportUnit,
	setPeriodStatus,
} from '#server/reports/manage-periods.server.ts'
import { PeriodFormSchema } from '#server/reports/period-form.ts'
import { getReportingPeriod, type ReportingPeriod } from '#server/reports/periods.server.ts'
import { insertReportAccount } from '#server/reports/testing/report-fixtures.ts'
import type { UnitReportFigures } from '#server/reports/unit-report-content.ts'
import { computeUnitFigures, computeUnitsFigures } from '#server/reports/unit-report-figures.server.ts'
import {
	getUnitReport,
	listPeriodUnits,
	listUnitReportRevisions,
} from '#server/reports/unit-report-queries.server.ts'
import { reviewUnitReport, saveUnitReport } from '#server/reports/unit-report-workflow.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let fixture: IndicatorFixture
let period: ReportingPeriod
let schoolFocal: PolicySubject
let enterpriseFocal: PolicySubject
let admin: PolicySubject
let steering: PolicySubject

const sections = {
	results: '100% học sinh khối 5 đã học bài An toàn trên mạng.',
	goodPractices: 'Mỗi lớp một "đại sứ số nhí".',
	difficulties: 'Thiếu máy tính ở điểm trường lẻ.',
	proposals: 'Đề nghị phường hỗ trợ 5 máy tính.',
}

beforeAll(async () => {
	services = await createTestServices()
	fixture = await insertIndicatorFixture(services.db, 'TEST-UNITREP')
	const db = services.db
	schoolFocal = await insertReportAccount(db, {
		wardId: fixture.wardId,
		username: 'focal-school',
		role: 'focalPoint',
		organizationId: fixture.organizations.school,
	})
	enterpriseFocal = await insertReportAccount(db, {
		wardId: fixture.wardId,
		username: 'focal-enterprise',
		role: 'focalPoint',
		organizationId: fixture.organizations.enterprise,
	})
	admin = await insertReportAccount(db, { wardId: fixture.wardId, username: 'ward-admin', role: 'wardAdmin' })
	steering = await insertReportAccount(db, {
		wardId: fixture.wardId,
		username: 'steering',
		role: 'steeringStaff',
	})
	const form = PeriodFormSchema.parse({
		kind: 'annual',
		year: '2026',
		label: 'Báo cáo năm 2026',
		startsOn: '2026-01-01',
		endsOn: '2026-11-15',
		dueOn: '2026-11-15',
	})
	const created = await createReportingPeriod(db, { wardId: fixture.wardId, form, by: admin.id })
	if (!created.ok) throw new Error('period')
	period = (await getReportingPeriod(db, fixture.wardId, created.id)) as ReportingPeriod
})
afterAll(async () => {
	await services.close()
})

describe('periods', () => {
	test('a period lists every organisation of the ward; a second annual period of the year is refused', async () => {
		const units = await listPeriodUnits(services.db, {
			periodId: period.id,
			dueOn: period.dueOn,
			today: '2026-11-01',
		})
		expect(units.map((u) => u.organizationId).sort()).toEqual(Object.values(fixture.organizations).sort())
		expect(units.every((u) => u.standing === 'notStarted')).toBe(true)
		const again = await createReportingPeriod(services.db, {
			wardId: fixture.wardId,
			form: PeriodFormSchema.parse({ ...period, year: '2026' }),
			by: admin.id,
		})
		expect(again).toEqual({ ok: false, reason: 'duplicate' })
	})

	test('the form refuses impossible dates and an end before the start, with message keys', () => {
		const bad = PeriodFormSchema.safeParse({
			kind: 'adhoc',
			year: '2026',
			label: 'Đột xuất',
			startsOn: '2026-02-30',
			endsOn: '2026-01-01',
			dueOn: '2026-01-05',
		})
		expect(bad.success).toBe(false)
		expect(bad.error?.issues.map((i) => i.message)).toContain('reports.error.date')
	})
})

describe('the unit report workflow', () => {
	let figures: UnitReportFigures

	test('figures are pre-filled from the system with the indicators’ definitions', async () => {
		figures = await computeUnitFigures(services.db, { organizationId: fixture.organizations.school, period })
		// C and D are the school's students; both completed lessons, neither holds a certificate.
		expect(figures).toEqual({
			membersTotal: 2,
			membersTrained: 2,
			membersCertified: 0,
			classSessionsHeld: 0,
			outreachVisits: 0,
			pilotModels: 0,
		})
		// The batch used for many units gives each the same figures, and a unit with nobody zeros.
		const all = await computeUnitsFigures(services.db, {
			organizationIds: [...Object.values(fixture.organizations), '00000000-0000-4000-8000-000000000000'],
			period,
		})
		expect(all.get(fixture.organizations.school)).toEqual(figures)
		expect(
			Object.fromEntries(
				Object.entries(fixture.organizations).map(([k, id]) => [k, all.get(id)?.membersTotal]),
			),
		).toEqual({ agency: 2, enterprise: 1, school: 2, team: 1 })
		expect(all.get('00000000-0000-4000-8000-000000000000')?.membersTotal).toBe(0)
	})

	test('policy: the focal point submits for their own unit only; the ward reviews, the unit does not', () => {
		const school = { wardId: fixture.wardId, organizationIds: [fixture.organizations.school] }
		expect(can(schoolFocal, 'reports.submit', school)).toBe(true)
		expect(can(enterpriseFocal, 'reports.submit', school)).toBe(false)
		expect(can(enterpriseFocal, 'reports.read', school)).toBe(false)
		expect(can(schoolFocal, 'reports.review', school)).toBe(false)
		expect(can(admin, 'reports.review', school)).toBe(true)
		expect(can(steering, 'reports.review', school)).toBe(true)
		expect(can(admin, 'reports.submit', school)).toBe(false)
		expect(can(steering, 'reports.manage')).toBe(false)
	})

	test('draft, submit, return with a comment, resubmit, accept: every state kept, version checked', async () => {
		const db = services.db
		const base = { period, organizationId: fixture.organizations.school, actorId: schoolFocal.id }
		expect(await saveUnitReport(db, { ...base, expectedVersion: 0, figures, sections, submit: false })).toBe(
			'saved',
		)
		// A second tab still holding version 0 is refused, nothing overwritten.
		expect(await saveUnitReport(db, { ...base, expectedVersion: 0, figures, sections, submit: true })).toBe(
			'conflict',
		)
		const edited = { ...figures, membersTrained: 1 }
		expect(
			await saveUnitReport(db, { ...base, expectedVersion: 1, figures: edited, sections, submit: true }),
		).toBe('submitted')
		// Submitted: the unit can no longer change it until the ward returns it.
		expect(await saveUnitReport(db, { ...base, expectedVersion: 2, figures, sections, submit: false })).toBe(
			'notEditable',
		)
		const review = {
			period,
			organizationId: fixture.organizations.school,
			actorId: admin.id,
			link: '/bao-cao',
			organizationName: 'Trường',
		}
		expect(
			await reviewUnitReport(db, { ...review, expectedVersion: 2, decision: 'return', comment: '  ' }),
		).toBe('commentRequired')
		expect(
			await reviewUnitReport(db, {
				...review,
				expectedVersion: 2,
				decision: 'return',
				comment: 'Số đã học chưa khớp với hệ thống, đề nghị kiểm tra lại.',
			}),
		).toBe('returned')
		expect(await countUnreadNotifications(db, schoolFocal.id)).toBe(1)
		expect((await listNotifications(db, schoolFocal.id))[0]?.body).toContain('kiểm tra lại')
		expect(await countUnreadNotifications(db, enterpriseFocal.id)).toBe(0)
		expect(await listAcceptedUnitReports(db, fixture.wardId, period.id)).toEqual([])

		expect(await saveUnitReport(db, { ...base, expectedVersion: 3, figures, sections, submit: true })).toBe(
			'submitted',
		)
		expect(
			await reviewUnitReport(db, { ...review, expectedVersion: 3, decision: 'accept', comment: '' }),
		).toBe('conflict')
		expect(
			await reviewUnitReport(db, { ...review, expectedVersion: 4, decision: 'accept', comment: '' }),
		).toBe('accepted')
		expect(
			await reviewUnitReport(db, { ...review, expectedVersion: 5, decision: 'return', comment: 'x' }),
		).toBe('notReviewable')

		const report = await getUnitReport(db, {
			periodId: period.id,
			organizationId: fixture.organizations.school,
		})
		expect(report).toMatchObject({ status: 'accepted', version: 5, figures, sections })
		const history = await listUnitReportRevisions(db, report?.id as string)
		expect(history.map((h) => [h.version, h.action, h.status])).toEqual([
			[5, 'accept', 'accepted'],
			[4, 'submit', 'submitted'],
			[3, 'return', 'returned'],
			[2, 'submit', 'submitted'],
			[1, 'saveDraft', 'draft'],
		])
		// What was first submitted is still on record, with the ward's comment on the return.
		expect(history[3]?.figures.membersTrained).toBe(1)
		expect(history[2]?.comment).toContain('kiểm tra lại')
		expect(history[2]?.actor).toBe('Người dùng ward-admin')

		const accepted = await listAcceptedUnitReports(db, fixture.wardId, period.id)
		expect(accepted.map((a) => [a.organization.id, a.figures.membersTotal, a.sections.proposals])).toEqual([
			[fixture.organizations.school, 2, sections.proposals],
		])
		// A unit with a report stays on the period's list.
		expect(
			await removeReportUnit(db, { periodId: period.id, organizationId: fixture.organizations.school }),
		).toBe('hasReport')
	})

	test('a closed period takes no more submissions or reviews; a unit not listed cannot report', async () => {
		const db = services.db
		const base = {
			organizationId: fixture.organizations.enterprise,
			actorId: enterpriseFocal.id,
			expectedVersion: 0,
			sections,
			submit: true,
		}
		const figures = await computeUnitFigures(db, { organizationId: fixture.organizations.enterprise, period })
		expect(
			await removeReportUnit(db, { periodId: period.id, organizationId: fixture.organizations.team }),
		).toBe('removed')
		expect(
			await saveUnitReport(db, { ...base, organizationId: fixture.organizations.team, period, figures }),
		).toBe('notListed')
		expect(await setPeriodStatus(db, { wardId: fixture.wardId, periodId: period.id, status: 'closed' })).toBe(
			true,
		)
		const closed = (await getReportingPeriod(db, fixture.wardId, period.id)) as ReportingPeriod
		expect(await saveUnitReport(db, { ...base, period: closed, figures })).toBe('closed')
		expect(await setPeriodStatus(db, { wardId: fixture.wardId, periodId: period.id, status: 'open' })).toBe(
			true,
		)
		const [{ n } = { n: -1 }] = (
			(await db.execute(
				sql`select count(*)::int as n from unit_report where organization_id = ${fixture.organizations.enterprise}`,
			)) as unknown as {
				rows: { n: number }[]
			}
		).rows
		expect(n).toBe(0)
	})
})
