import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
	renderCommendationsDocx,
	renderCommendationsXlsx,
} from '#server/emulation/commendation-documents.server.ts'
import { listCommendations, proposeCommendation } from '#server/emulation/commendations.server.ts'
import { ensurePeriodCriteria, listCriteria } from '#server/emulation/criteria.server.ts'
import { seedDemoEmulation } from '#server/emulation/demo-emulation.server.ts'
import { readRanking } from '#server/emulation/rankings.server.ts'
import { emulationFreezes } from '#server/emulation/schema.ts'
import { type EmulationFixture, insertEmulationFixture } from '#server/emulation/testing/emulation-fixture.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { fontsUsed, openDocx } from '#server/reports/documents/testing/read-docx.ts'
import { getReportingPeriod } from '#server/reports/periods.server.ts'
import { reportingPeriods } from '#server/reports/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let f: EmulationFixture

beforeAll(async () => {
	services = await createTestServices()
	f = await insertEmulationFixture(services.db, 'TEST-EMU-DOC')
})
afterAll(async () => {
	await services.close()
})

describe('the list of proposed commendations', () => {
	test('opens in ExcelJS and as a Word document in both layouts with the names, ranks and reasons', async () => {
		const { db } = services
		const period = (await getReportingPeriod(db, f.wardId, f.periods.year))!
		for (const subject of ['unit', 'individual'] as const)
			await ensurePeriodCriteria(db, { period, subject, by: null })
		const reason = '=HYPERLINK("http://x") Hướng dẫn 40 hộ kích hoạt VNeID mức 2'
		for (const [subject, subjectId] of [
			['individual', f.users.v1],
			['unit', f.organizations.school],
		] as const)
			expect(
				(
					await proposeCommendation(db, {
						period,
						form: { subject, subjectId, award: 'partyCommitteeMerit', reason },
						by: f.users.admin,
					})
				).ok,
			).toBe(true)
		const commendations = await listCommendations(db, period.id)

		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(
			(await renderCommendationsXlsx({ period, commendations })) as unknown as ArrayBuffer,
		)
		const units = workbook.getWorksheet('Tập thể')!
		const people = workbook.getWorksheet('Cá nhân')!
		const rowsOf = (sheet: ExcelJS.Worksheet) => {
			const rows: unknown[][] = []
			sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
			return rows
		}
		expect(rowsOf(units).flat()).toContain('Trường Tiểu học')
		const person = rowsOf(people).find((r) => r.includes('Tình nguyện viên Một'))!
		expect(person).toContain('Giấy khen của Ban Thường vụ Đảng ủy phường')
		// Numbers stay numbers; a reason that looks like a formula is text, never a formula.
		expect(person.some((v) => typeof v === 'number')).toBe(true)
		expect(person.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false)

		const party = await openDocx(
			await renderCommendationsDocx(db, { period, commendations, format: 'party', today: '2026-12-07' }),
		)
		const text = party.paragraphs.join('\n')
		expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
		expect(text).toContain('DANH SÁCH')
		expect(text).toMatch(/Số\s+-DS\/ĐU/)
		expect(text).toContain('ngày 07 tháng 12 năm 2026')
		expect(text).toContain('I. TẬP THỂ')
		expect(text).toContain('II. CÁ NHÂN')
		expect(text).toContain('Tình nguyện viên Một')
		expect(text).toContain('Hướng dẫn 40 hộ kích hoạt VNeID mức 2')
		expect(text).toMatch(/T\/M BAN THƯỜNG VỤ/i)
		expect([...fontsUsed(party)]).toEqual(['Times New Roman'])
		expect(party.sectPr.width).toBe(11906)

		const state = await openDocx(
			await renderCommendationsDocx(db, { period, commendations, format: 'state', today: '2026-12-07' }),
		)
		const stateText = state.paragraphs.join('\n')
		expect(stateText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
		expect(stateText).toContain('/DS-UBND')
	})
})

describe('the demo seed', () => {
	test('criteria and hand scores on both 2026 periods; the closed 6-month period frozen with proposals', async () => {
		const { db } = services
		const quantri = randomUUID()
		await db
			.insert(users)
			.values({ id: quantri, wardId: f.wardId, username: 'quantri', displayName: 'Quản trị' })
		await db.insert(roleAssignments).values({ userId: quantri, role: 'wardAdmin', scopeKind: 'ward' })
		await db
			.update(reportingPeriods)
			.set({ status: 'closed' })
			.where(eq(reportingPeriods.id, f.periods.firstHalf))
		const seeded = await seedDemoEmulation(db)
		expect(seeded.periods).toBe(2)
		expect(seeded.handScores).toBeGreaterThan(0)
		expect(seeded.commendations).toBeGreaterThan(0)
		for (const id of [f.periods.firstHalf, f.periods.year])
			expect(await listCriteria(db, { periodId: id, subject: 'unit' })).toHaveLength(6)
		const freezes = await db
			.select({ periodId: emulationFreezes.periodId })
			.from(emulationFreezes)
			.where(eq(emulationFreezes.periodId, f.periods.firstHalf))
		expect(freezes).toHaveLength(2)
		const firstHalf = (await getReportingPeriod(db, f.wardId, f.periods.firstHalf))!
		const ranking = await readRanking(db, { period: firstHalf, subject: 'unit', by: null })
		expect(ranking.frozenAt).not.toBeNull()
		const year = (await getReportingPeriod(db, f.wardId, f.periods.year))!
		expect((await readRanking(db, { period: year, subject: 'unit', by: null })).frozenAt).toBeNull()
	})
})
