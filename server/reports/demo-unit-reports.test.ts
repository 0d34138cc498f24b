import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { listAcceptedUnitReports } from '#server/reports/accepted-unit-reports.server.ts'
import { seedDemoUnitReports } from '#server/reports/demo-unit-reports.server.ts'
import { findRegularPeriod } from '#server/reports/periods.server.ts'
import { listPeriodUnits } from '#server/reports/unit-report-queries.server.ts'
import { wards } from '#server/ward/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
beforeAll(async () => {
	services = await createTestServices()
	await seedDemoWard(services, { residents: 300, seed: 2026 })
})
afterAll(async () => {
	await services.close()
})

test('the demo ward gets a closed 6-month period mostly accepted and an open annual one with units overdue', async () => {
	const summary = await seedDemoUnitReports(services.db)
	expect(summary.periods).toBe(2)
	const [ward] = await services.db.select({ id: wards.id }).from(wards)
	const wardId = ward?.id as string
	const semi = await findRegularPeriod(services.db, wardId, 'semiannual', 2026)
	const annual = await findRegularPeriod(services.db, wardId, 'annual', 2026)
	expect(semi).toMatchObject({ status: 'closed', dueOn: '2026-05-15' })
	expect(annual).toMatchObject({ status: 'open', dueOn: '2026-11-15' })

	const semiUnits = await listPeriodUnits(services.db, {
		periodId: semi?.id as string,
		dueOn: '2026-05-15',
		today: '2026-12-07',
	})
	const accepted = semiUnits.filter((u) => u.status === 'accepted').length
	expect(accepted / semiUnits.length).toBeGreaterThan(0.6)
	expect(semiUnits.some((u) => u.status === 'returned')).toBe(true)
	expect((await listAcceptedUnitReports(services.db, wardId, semi?.id as string)).length).toBe(accepted)

	const annualUnits = await listPeriodUnits(services.db, {
		periodId: annual?.id as string,
		dueOn: '2026-11-15',
		today: '2026-12-07',
	})
	const standings = new Set(annualUnits.map((u) => u.standing))
	expect([...standings].sort()).toEqual(['accepted', 'overdue', 'submitted'])

	// Seeding twice changes nothing; the reminders were sent on their days, once per unit and threshold.
	expect(await seedDemoUnitReports(services.db)).toEqual({ periods: 0, reports: 0 })
	const rows = (
		(await services.db.execute(
			sql`select to_char(sent_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day, count(*)::int as n
				from report_reminder where period_id = ${annual?.id as string} group by 1 order by 1`,
		)) as unknown as { rows: { day: string; n: number }[] }
	).rows
	expect(rows.map((r) => r.day)).toEqual(['2026-11-08', '2026-11-13', '2026-11-16'])
})
