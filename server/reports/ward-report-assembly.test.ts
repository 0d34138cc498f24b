import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ensureStandardIndicators } from '#server/indicators/indicator-definitions.server.ts'
import { indicatorSnapshots } from '#server/indicators/schema.ts'
import { takeMonthlySnapshots } from '#server/indicators/snapshots.server.ts'
import {
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { renderReportDocx, renderTablesXlsx } from '#server/reports/documents/index.ts'
import { openDocx } from '#server/reports/documents/testing/read-docx.ts'
import { WardReportContentSchema } from '#server/reports/ward-report-content.ts'
import { wardReportAnnex, wardReportDocument } from '#server/reports/ward-report-document.ts'
import { defaultWardReportContent, type ReportPeriodInfo } from '#server/reports/ward-report-draft-text.ts'
import { loadWardReportFigures } from '#server/reports/ward-report-figures.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let fixture: IndicatorFixture
const period: ReportPeriodInfo = {
	kind: 'semiannual',
	year: 2026,
	label: '6 tháng đầu năm 2026',
	closingMonth: '2026-04',
	dueDate: '2026-05-15',
}
const ward = { name: 'Phường Thử', kind: 'ward' as const, partyCommitteeName: 'Đảng bộ phường Thử' }

beforeAll(async () => {
	services = await createTestServices()
	fixture = await insertIndicatorFixture(services.db, 'TEST-WREP')
	await ensureStandardIndicators(services.db, fixture.wardId)
	await takeMonthlySnapshots(services.db, { wardId: fixture.wardId, month: '2026-04', origin: 'job' })
})
afterAll(async () => {
	await services.close()
})

test('the report figures are the closing month snapshot, unchanged; a month without one has none', async () => {
	const figures = await loadWardReportFigures(services.db, { wardId: fixture.wardId, month: '2026-04' })
	const snapshots = await services.db
		.select()
		.from(indicatorSnapshots)
		.where(and(eq(indicatorSnapshots.wardId, fixture.wardId), eq(indicatorSnapshots.month, '2026-04-01')))
	expect(figures!.asOf).toBe('2026-04-30')
	expect(figures!.indicators.map((f) => f.code).sort()).toEqual(snapshots.map((s) => s.indicatorCode).sort())
	for (const snapshot of snapshots) {
		const figure = figures!.indicators.find((f) => f.code === snapshot.indicatorCode)!
		expect([figure.numerator, figure.denominator]).toEqual([snapshot.numerator, snapshot.denominator])
		const byGroup = (snapshot.breakdowns as { residentialGroup?: { key: string; numerator: number }[] })
			.residentialGroup
		for (const cell of byGroup ?? [])
			expect(figure.breakdowns.residentialGroup.find((c) => c.key === cell.key)?.numerator).toBe(
				cell.numerator,
			)
	}
	// Codes in natural order: 1, 2, … 9 (not 1, 10, 2).
	expect(figures!.indicators[0]!.code).toBe('1')
	expect(
		figures!.indicators.find((f) => f.code === '3')!.breakdowns.residentialGroup.map((c) => c.label),
	).toContain('Tổ dân phố 1')
	expect(await loadWardReportFigures(services.db, { wardId: fixture.wardId, month: '2026-03' })).toBeNull()
})

test('the pre-written draft, the Word report and the annex carry the snapshot figures', async () => {
	const figures = (await loadWardReportFigures(services.db, { wardId: fixture.wardId, month: '2026-04' }))!
	const content = defaultWardReportContent({
		wardName: ward.name,
		period,
		figures,
		unitsDue: 3,
		units: [
			{
				unitName: 'Trường Tiểu học Thử',
				results: '100% giáo viên hoàn thành khóa học.',
				goodModels: 'Mô hình “Con dạy cha mẹ dùng VNeID”.',
				difficulties: '',
				proposals: 'Bổ sung máy tính cho phòng tin học.',
			},
			{
				unitName: 'Trường THCS Thử',
				results: '',
				goodModels: 'Mô hình “Con dạy cha mẹ dùng VNeID”.',
				difficulties: '',
				proposals: '',
			},
		],
	})
	// The draft is valid as the edit form would submit it.
	expect(WardReportContentSchema.parse(content)).toEqual(content)
	expect(content.summary).toBe(
		'Kết quả thực hiện Phong trào “Bình dân học vụ số” 6 tháng đầu năm 2026 trên địa bàn phường Thử',
	)
	expect(content.sections.leadership).toContain('2/3 đơn vị')
	// The same text from two units is one line naming both.
	expect(content.sections.models).toBe(
		'- Trường Tiểu học Thử, Trường THCS Thử: Mô hình “Con dạy cha mẹ dùng VNeID”.',
	)
	expect(content.sections.proposals).toContain('Bổ sung máy tính')
	const three = figures.indicators.find((f) => f.code === '3')!
	expect(content.sections.results).toContain(`đạt ${three.numerator}/${three.denominator}`)

	const opened = await openDocx(
		await renderReportDocx(wardReportDocument({ content, figures, ward, format: 'party' }), 'party'),
	)
	expect(opened.paragraphs).toContain('ĐẢNG BỘ PHƯỜNG THỬ')
	expect(opened.paragraphs).toContain('II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU')
	expect(opened.paragraphs).toContain(`${three.numerator}/${three.denominator}`)

	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load(
		(await renderTablesXlsx(wardReportAnnex(figures, period))) as unknown as ArrayBuffer,
	)
	expect(workbook.worksheets.map((s) => s.name)).toEqual([
		'Tổng hợp chỉ tiêu',
		'Theo tổ dân phố',
		'Theo cơ quan, đơn vị',
		'Theo nhóm đối tượng',
		'Theo báo cáo đơn vị',
	])
	const overall = workbook.getWorksheet('Tổng hợp chỉ tiêu')!
	const row = overall.getRows(3, figures.indicators.length)!.find((r) => r.getCell(1).value === '3')!
	expect([row.getCell(3).value, row.getCell(4).value]).toEqual([three.numerator, three.denominator])
	// Per group: the annex's cells sum to the ward's figure (groups do not overlap).
	const groups = workbook.getWorksheet('Theo tổ dân phố')!
	const header = groups.getRow(2).values as string[]
	const column = header.indexOf('CT 3: số đạt')
	let sum = 0
	groups.eachRow((r, n) => {
		if (n > 2 && typeof r.getCell(column).value === 'number') sum += r.getCell(column).value as number
	})
	expect(sum).toBe(three.numerator)
})
