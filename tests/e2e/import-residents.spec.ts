import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// A messy ward workbook through the import pages: title rows, a merged two-row header with "Nam"/"Nữ"
// tick columns, an occupation column under a heading nobody recognises, and one bad row.

async function messyWorkbook(suffix: string): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook()
	const sheet = workbook.addWorksheet('Tổ 2')
	sheet.addRow(['ỦY BAN NHÂN DÂN PHƯỜNG SÔNG CÔNG'])
	sheet.addRow(['DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ SỐ 2'])
	sheet.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', '', 'Số CCCD', 'Số hộ', 'Ghi chú khác'])
	sheet.addRow(['', '', '', 'Nam', 'Nữ', '', '', ''])
	for (const range of ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4', 'G3:G4', 'H3:H4']) sheet.mergeCells(range)
	sheet.addRow([1, 'Lưu Văn Thử', '12/03/1985', 'x', '', `001085${suffix}`, `E2E-${suffix}`, 'Thợ điện'])
	sheet.addRow([2, 'Lưu Thị Nghiệm', '5/11/90', '', 'x', `001190${suffix}`, `E2E-${suffix}`, 'Giáo viên'])
	sheet.addRow([3, 'Lưu Văn Lỗi', '01/01/1980', 'x', '', '12345', `E2E-${suffix}`, ''])
	return Buffer.from(await workbook.xlsx.writeBuffer())
}

test('a ward administrator imports a messy workbook, fixes a column, watches the progress and finds the residents', async ({
	page,
}) => {
	const suffix = String(100000 + (Date.now() % 900000))
	await signIn(page, 'quantri')
	await page.goto('/nguoi-dan/nhap')
	await expect(
		page.getByRole('heading', { level: 1, name: 'Nhập danh sách người dân từ Excel' }),
	).toBeVisible()
	await expectNoA11yViolations(page)

	await page.getByLabel('Tệp danh sách').setInputFiles({
		name: 'to-2.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: await messyWorkbook(suffix),
	})
	await page.getByRole('button', { name: 'Tải lên và xem trước' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Xem trước: to-2.xlsx' })).toBeVisible()
	await expect(page.getByLabel('Tổ dân phố của trang')).toHaveValue(/[0-9a-f-]{36}/)
	// The merged two-row header is read: the tick columns under "Giới tính" are Nam and Nữ.
	await expect(page.getByLabel('Trường — Cột D')).toHaveValue('sexMale')
	await expect(page.getByLabel('Trường — Cột E')).toHaveValue('sexFemale')
	await expect(page.getByLabel('Trường — Cột F')).toHaveValue('personalId')
	await expectNoA11yViolations(page)

	// The unrecognised column holds occupations: map it, and check again.
	const column = page.getByLabel('Trường — Cột H')
	await expect(column).toHaveValue('')
	await column.selectOption({ label: 'Nghề nghiệp' })
	await page.getByRole('button', { name: 'Áp dụng thay đổi và kiểm tra lại' }).click()
	await expect(page.getByLabel('Trường — Cột H')).toHaveValue('occupation')
	const counts = page.locator('dl.counts')
	await expect(counts).toContainText('Người mới2')
	await expect(counts).toContainText('Bị từ chối1')

	const download = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Tải danh sách dòng lỗi (.xlsx)' }).first().click()
	const file = await download
	expect(file.suggestedFilename()).toMatch(/^d(ò|o)ng-l(ỗ|o)i\.xlsx$/)
	const errors = new ExcelJS.Workbook()
	await errors.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer)
	expect(errors.worksheets[0]!.getRow(2).getCell(2).value).toBe(7)

	await page.getByRole('button', { name: 'Nhập vào sổ' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Đã nhập xong: to-2.xlsx' })).toBeVisible({
		timeout: 60_000,
	})
	await expect(page.locator('progress')).toHaveAttribute('value', '1')
	await expectNoA11yViolations(page)

	await page.goto('/nguoi-dan?q=luu+van+thu')
	await expect(page.getByRole('link', { name: 'Lưu Văn Thử' })).toBeVisible()
	await page.getByRole('link', { name: 'Lưu Văn Thử' }).click()
	await expect(page.getByText('Thợ điện')).toBeVisible()
})
