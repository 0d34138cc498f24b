import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { listAcceptedUnitReports } from '#server/reports/accepted-unit-reports.server.ts'
import {
	findRegularPeriod,
	getReportingPeriod,
	listReportingPeriods,
} from '#server/reports/periods.server.ts'
import { reportingPeriods, unitReportRevisions, unitReports } from '#server/reports/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let fixture: IndicatorFixture

beforeAll(async () => {
	services = await createTestServices()
	fixture = await insertIndicatorFixture(services.db, 'TEST-PERIODS')
})
afterAll(async () => {
	await services.close()
})

test('periods are listed newest first, read by id within the ward, and accepted reports come typed', async () => {
	const { db } = services
	const [semi, annual] = await db
		.insert(reportingPeriods)
		.values([
			{
				wardId: fixture.wardId,
				kind: 'semiannual',
				year: 2026,
				label: 'Báo cáo 6 tháng đầu năm 2026',
				startsOn: '2026-01-01',
				endsOn: '2026-06-30',
				dueOn: '2026-05-15',
			},
			{
				wardId: fixture.wardId,
				kind: 'annual',
				year: 2026,
				label: 'Báo cáo năm 2026',
				startsOn: '2026-01-01',
				endsOn: '2026-12-31',
				dueOn: '2026-11-15',
			},
		])
		.returning({ id: reportingPeriods.id })
	if (!semi || !annual) throw new Error('periods')
	expect((await listReportingPeriods(db, fixture.wardId)).map((p) => p.kind)).toEqual([
		'annual',
		'semiannual',
	])
	expect((await getReportingPeriod(db, fixture.wardId, semi.id))?.dueOn).toBe('2026-05-15')
	expect(await getReportingPeriod(db, '00000000-0000-4000-8000-000000000000', semi.id)).toBeNull()
	expect((await findRegularPeriod(db, fixture.wardId, 'annual', 2026))?.id).toBe(annual.id)

	const [report] = await db
		.insert(unitReports)
		.values({
			periodId: semi.id,
			organizationId: fixture.organizations.school,
			status: 'accepted',
			figures: { membersTotal: 3, membersTrained: 2 },
			systemFigures: { membersTotal: 3 },
			results: 'Kết quả',
		})
		.returning({ id: unitReports.id })
	if (!report) throw new Error('report')
	const accepted = await listAcceptedUnitReports(db, fixture.wardId, semi.id)
	expect(accepted).toHaveLength(1)
	expect(accepted[0]?.figures).toMatchObject({ membersTotal: 3, membersTrained: 2, pilotModels: 0 })
	expect(accepted[0]?.sections.results).toBe('Kết quả')
	expect(await listAcceptedUnitReports(db, fixture.wardId, annual.id)).toEqual([])

	// The history table refuses rewriting.
	await db.insert(unitReportRevisions).values({
		unitReportId: report.id,
		version: 1,
		action: 'accept',
		status: 'accepted',
		figures: {},
		results: '',
		goodPractices: '',
		difficulties: '',
		proposals: '',
	})
	await expect(db.execute(sql`update unit_report_revision set comment = 'x'`)).rejects.toThrow()
	await expect(db.execute(sql`delete from unit_report_revision`)).rejects.toThrow()
})
