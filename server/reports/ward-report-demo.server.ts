import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { users } from '#server/identity/schema.ts'
import { findRegularPeriod } from '#server/reports/periods.server.ts'
import { ensureWardReportDraft, loadWardReport, saveWardReport } from '#server/reports/ward-report.server.ts'
import { wards } from '#server/ward/schema.ts'

/*
 * The demo ward's consolidated 6-month report of 2026 (after the demo periods and unit reports): the
 * draft written from the April snapshot and the accepted unit reports, then numbered, dated and signed
 * as the office would before sending it (deterministic). The annual report is left to be opened.
 */
export async function seedDemoWardReports(db: Database): Promise<number> {
	const [ward] = await db.select({ id: wards.id }).from(wards).orderBy(asc(wards.code)).limit(1)
	if (!ward) return 0
	const period = await findRegularPeriod(db, ward.id, 'semiannual', 2026)
	if (!period) return 0
	const [admin] = await db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.wardId, ward.id), eq(users.username, 'quantri')))
	const audit = { actor: { userId: admin?.id ?? null, label: 'demo', wardId: ward.id } }
	if ((await ensureWardReportDraft(db, { wardId: ward.id, periodId: period.id, audit })) !== 'created')
		return 0
	const view = (await loadWardReport(db, { wardId: ward.id, periodId: period.id }))!
	const content = view.report!.content
	await saveWardReport(db, {
		wardId: ward.id,
		periodId: period.id,
		version: view.report!.version,
		audit,
		content: {
			...content,
			number: '12',
			reportDate: '2026-05-20',
			signers: {
				party: { title: 'Phó Bí thư', name: 'Nguyễn Thị Hồng Hạnh' },
				state: { title: 'Chủ tịch', name: 'Trần Văn Minh' },
			},
		},
	})
	return 1
}
