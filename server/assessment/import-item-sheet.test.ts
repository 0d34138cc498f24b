import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'
import { importItemSheet } from './import-item-sheet.server.ts'
import { importQuestionBank } from './import-questions.server.ts'
import { assessmentItems } from './schema.ts'

let services: TestServices
const audit = { actor: { userId: null, label: 'quantri', wardId: null }, ip: null, requestId: null }

beforeAll(async () => {
	services = await createTestServices()
	await importLearningContent(services.db)
	await importQuestionBank(services.db)
})
afterAll(async () => {
	await services.close()
})

async function sheetOf(csv: string) {
	const workbook = await readImportFile(Buffer.from(csv, 'utf8'), { fileName: 'cau-hoi.csv' })
	return workbook.sheets[0]!
}

const header = 'Mã câu hỏi,Khóa học,Năng lực,Bậc,Loại,Câu hỏi,A,B,C,Đáp án,Giải thích\n'

describe('importing question items from a spreadsheet', () => {
	test('imports valid rows as staff items, and a later import of the same id updates it', async () => {
		const first = await importItemSheet(
			services.db,
			await sheetOf(
				`${header}vneid-p1,vneid,4.2,CB1,chọn một,Ai được biết mã OTP của bạn?,Chỉ mình bạn,Cán bộ gọi điện,Nhân viên ngân hàng gọi điện,a,Không ai được hỏi mã OTP của bạn.\n` +
					`vneid-p2,vneid,2.6,CB1,đúng sai,Tài khoản mức 2 đăng ký tại công an phường.,,,,đúng,Mức 2 cần lấy vân tay tại công an phường.\n`,
			),
			{ userId: (await anyUser()).id },
			audit,
		)
		expect(first).toEqual({ ok: true, created: 2, updated: 0 })
		const [p2] = await services.db.select().from(assessmentItems).where(eq(assessmentItems.id, 'vneid-p2'))
		expect(p2).toMatchObject({ kind: 'trueFalse', answer: [true], origin: 'staff', revision: 1 })
		const again = await importItemSheet(
			services.db,
			await sheetOf(
				`${header}vneid-p2,vneid,2.6,CB2,đúng sai,Tài khoản mức 2 đăng ký tại công an phường.,,,,đúng,Cần lấy vân tay.\n`,
			),
			{ userId: (await anyUser()).id },
			audit,
		)
		expect(again).toEqual({ ok: true, created: 0, updated: 1 })
		// Staff can correct an item of the files; the files then never overwrite the correction.
		const corrected = await importItemSheet(
			services.db,
			await sheetOf(
				`${header}vneid-01,vneid,2.6,CB1,chọn một,VNeID do cơ quan nào làm ra?,Bộ Công an,Một công ty quảng cáo,Một ngân hàng,a,VNeID là ứng dụng của Bộ Công an.\n`,
			),
			{ userId: (await anyUser()).id },
			audit,
		)
		expect(corrected).toEqual({ ok: true, created: 0, updated: 1 })
		expect((await importQuestionBank(services.db)).keptStaff).toBe(1)
		const [kept] = await services.db.select().from(assessmentItems).where(eq(assessmentItems.id, 'vneid-01'))
		expect(kept).toMatchObject({ origin: 'staff', prompt: 'VNeID do cơ quan nào làm ra?' })
	})

	test('refuses the whole sheet when a row is bad, saying which row and why', async () => {
		const result = await importItemSheet(
			services.db,
			await sheetOf(
				`${header}vneid-p3,vneid,4.2,CB1,chọn một,Câu đúng?,Một,Hai,,x,Giải thích đủ dài cho câu này.\n` +
					`vneid-p4,khong-co,4.2,CB1,chọn một,Câu khác?,Một,Hai,,a,Giải thích đủ dài cho câu này.\n`,
			),
			{ userId: (await anyUser()).id },
			audit,
		)
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.problems.map((p) => p.row)).toEqual([2, 3])
		expect(result.problems[1]!.message).toContain('không có khóa học "khong-co"')
		expect(
			await services.db.select().from(assessmentItems).where(eq(assessmentItems.id, 'vneid-p3')),
		).toEqual([])
	})
})

async function anyUser() {
	const { createIdentityWard, createUserWithRole } = await import(
		'#server/identity/testing/identity-fixtures.ts'
	)
	const ward = await createIdentityWard(services)
	return createUserWithRole(services, ward, 'wardAdmin')
}
