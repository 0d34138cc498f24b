import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ensureStandardIndicators } from '#server/indicators/indicator-definitions.server.ts'
import { indicatorSnapshots } from '#server/indicators/schema.ts'
import {
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { openDocx } from '#server/reports/documents/testing/read-docx.ts'
import { reportingPeriods, reportUnits, unitReports } from '#server/reports/schema.ts'
import {
	closingMonthOf,
	ensureWardReportDraft,
	loadWardReport,
	loadWardReportRevision,
	saveWardReport,
} from '#server/reports/ward-report.server.ts'
import { wardReportDocx, wardReportFileName } from '#server/reports/ward-report-files.server.ts'
import { wardReportRevisions } from '#server/reports/ward-report-schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let fixture: IndicatorFixture
let periodId: string
const audit = () => ({ actor: { userId: null, label: 'test', wardId: fixture.wardId } })

beforeAll(async () => {
	services = await createTestServices()
	fixture = await insertIndicatorFixture(services.db, 'TEST-WDRAFT')
	await ensureStandardIndicators(services.db, fixture.wardId)
	const [period] = await services.db
		.insert(reportingPeriods)
		.values({
			wardId: fixture.wardId,
			kind: 'semiannual',
			year: 2026,
			label: 'Báo cáo 6 tháng đầu năm 2026',
			startsOn: '2026-01-01',
			endsOn: '2026-05-15',
			dueOn: '2026-05-15',
		})
		.returning()
	periodId = period!.id
	const orgs = fixture.organizations
	await services.db.insert(reportUnits).values([
		{ periodId, organizationId: orgs.school },
		{ periodId, organizationId: orgs.agency },
	])
	const zero = {
		membersTotal: 0,
		membersTrained: 0,
		membersCertified: 0,
		classSessionsHeld: 0,
		outreachVisits: 0,
		pilotModels: 0,
	}
	await services.db.insert(unitReports).values([
		{
			periodId,
			organizationId: orgs.school,
			status: 'accepted',
			figures: zero,
			systemFigures: zero,
			results: 'Giáo viên hoàn thành khóa học.',
			goodPractices: 'Học sinh hướng dẫn ông bà dùng VNeID.',
			reviewedAt: new Date(),
		},
		// Not accepted yet: stays out of the consolidated report.
		{
			periodId,
			organizationId: orgs.agency,
			status: 'submitted',
			figures: zero,
			systemFigures: zero,
			results: 'Chưa duyệt.',
		},
	])
})
afterAll(async () => {
	await services.close()
})

test('a period ending mid-month reports the month before; one ending on a month end, that month', () => {
	expect(closingMonthOf({ endsOn: '2026-05-15' })).toBe('2026-04')
	expect(closingMonthOf({ endsOn: '2026-06-30' })).toBe('2026-06')
	expect(closingMonthOf({ endsOn: '2026-01-10' })).toBe('2025-12')
})

test('the first open writes the draft from the snapshot (taken if missing) and the accepted unit reports', async () => {
	expect(
		await ensureWardReportDraft(services.db, {
			wardId: fixture.wardId,
			periodId,
			audit: audit(),
			now: new Date('2026-05-10T03:00:00Z'),
		}),
	).toBe('created')
	expect(await ensureWardReportDraft(services.db, { wardId: fixture.wardId, periodId, audit: audit() })).toBe(
		'exists',
	)
	const view = (await loadWardReport(services.db, { wardId: fixture.wardId, periodId }))!
	const [snapshot] = await services.db
		.select()
		.from(indicatorSnapshots)
		.where(
			sql`${indicatorSnapshots.wardId} = ${fixture.wardId} and ${indicatorSnapshots.indicatorCode} = '3' and ${indicatorSnapshots.month} = '2026-04-01'`,
		)
	const three = view.figures!.indicators.find((f) => f.code === '3')!
	expect([three.numerator, three.denominator]).toEqual([snapshot!.numerator, snapshot!.denominator])
	expect(view.report!.version).toBe(1)
	expect(view.unitsDue).toBe(2)
	expect(view.units.map((u) => u.unitName)).toHaveLength(1)
	expect(view.report!.content.sections.models).toContain('Học sinh hướng dẫn ông bà dùng VNeID.')
	expect(view.report!.content.sections.leadership).not.toContain('Chưa duyệt.')
	expect(view.report!.content.sections.results).toContain(`đạt ${three.numerator}/${three.denominator}`)
	expect(wardReportFileName(view, 'docx', 'party')).toBe('bao-cao-binh-dan-hoc-vu-so-6-thang-2026-dang.docx')
})

test('saving names the version read: a stale save changes nothing; every save is kept as a revision', async () => {
	const view = (await loadWardReport(services.db, { wardId: fixture.wardId, periodId }))!
	const content = {
		...view.report!.content,
		number: '15',
		sections: { ...view.report!.content.sections, nextSteps: 'Mở thêm 5 lớp cho người cao tuổi.' },
	}
	expect(
		await saveWardReport(services.db, {
			wardId: fixture.wardId,
			periodId,
			version: 1,
			content,
			audit: audit(),
		}),
	).toEqual({ outcome: 'saved', version: 2 })
	expect(
		await saveWardReport(services.db, {
			wardId: fixture.wardId,
			periodId,
			version: 1,
			content: { ...content, number: '99' },
			audit: audit(),
		}),
	).toEqual({ outcome: 'conflict' })
	const after = (await loadWardReport(services.db, { wardId: fixture.wardId, periodId }))!
	expect(after.report!.content.number).toBe('15')
	expect(after.revisions.map((r) => r.version)).toEqual([2, 1])
	// Each saved version can be read back as it was.
	const wardReportId = after.report!.id
	const first = await loadWardReportRevision(services.db, { wardReportId, version: 1 })
	expect(first?.content).toEqual(view.report!.content)
	const second = await loadWardReportRevision(services.db, { wardReportId, version: 2 })
	expect(second?.content.sections.nextSteps).toBe('Mở thêm 5 lớp cho người cao tuổi.')
	expect(await loadWardReportRevision(services.db, { wardReportId, version: 3 })).toBeNull()
	await expect(
		services.db.update(wardReportRevisions).set({ version: 7 }).where(eq(wardReportRevisions.version, 1)),
	).rejects.toThrow()

	const opened = await openDocx(await wardReportDocx(after, 'state'))
	expect(opened.paragraphs).toContain('Số: 15/BC-UBND')
	expect(opened.paragraphs).toContain('Mở thêm 5 lớp cho người cao tuổi.')
	expect(opened.paragraphs).toContain('TM. ỦY BAN NHÂN DÂN')
})

test('a period of another ward is not found', async () => {
	const other = await insertIndicatorFixture(services.db, 'TEST-WDRAFT-2')
	expect(await loadWardReport(services.db, { wardId: other.wardId, periodId })).toBeNull()
	expect(await ensureWardReportDraft(services.db, { wardId: other.wardId, periodId, audit: audit() })).toBe(
		'notFound',
	)
})
