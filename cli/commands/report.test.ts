import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runWardReportExport } from '#cli/commands/report.ts'
import { ensureStandardIndicators } from '#server/indicators/indicator-definitions.server.ts'
import { takeMonthlySnapshots } from '#server/indicators/snapshots.server.ts'
import {
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { openDocx } from '#server/reports/documents/testing/read-docx.ts'
import { reportingPeriods } from '#server/reports/schema.ts'
import { allowConsoleError } from '#tests/support/console-guard.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let fixture: IndicatorFixture
let dir: string

beforeAll(async () => {
	services = await createTestServices()
	fixture = await insertIndicatorFixture(services.db, 'TEST-CLIREP')
	await ensureStandardIndicators(services.db, fixture.wardId)
	await takeMonthlySnapshots(services.db, { wardId: fixture.wardId, month: '2026-10', origin: 'job' })
	await services.db.insert(reportingPeriods).values({
		wardId: fixture.wardId,
		kind: 'annual',
		year: 2026,
		label: 'Báo cáo năm 2026',
		startsOn: '2026-01-01',
		endsOn: '2026-11-15',
		dueOn: '2026-11-15',
	})
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-cli-'))
})
afterAll(async () => {
	fs.rmSync(dir, { recursive: true, force: true })
	await services.close()
})

test('`report annual --year 2026` writes the Word report (state layout) and the Excel annex from October', async () => {
	const docx = path.join(dir, 'bc.docx')
	expect(
		await runWardReportExport(services.db, {
			kind: 'annual',
			year: 2026,
			format: 'state',
			out: docx,
			extension: 'docx',
		}),
	).toBe(0)
	const opened = await openDocx(fs.readFileSync(docx))
	expect(opened.paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
	expect(opened.paragraphs.some((p) => p.includes('năm 2026 trên địa bàn phường Thử'))).toBe(true)
	expect(opened.paragraphs.some((p) => p.includes('số liệu chốt tháng 10/2026'))).toBe(true)

	const xlsx = path.join(dir, 'pl.xlsx')
	expect(
		await runWardReportExport(services.db, {
			kind: 'annual',
			year: 2026,
			format: 'party',
			out: xlsx,
			extension: 'xlsx',
		}),
	).toBe(0)
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.readFile(xlsx)
	expect(workbook.worksheets).toHaveLength(5)
})

test('a year without a period is refused with a message and writes nothing', async () => {
	allowConsoleError(/No semiannual reporting period for 2027/)
	const out = path.join(dir, 'none.docx')
	expect(
		await runWardReportExport(services.db, {
			kind: 'semiannual',
			year: 2027,
			format: 'party',
			out,
			extension: 'docx',
		}),
	).toBe(1)
	expect(fs.existsSync(out)).toBe(false)
})
