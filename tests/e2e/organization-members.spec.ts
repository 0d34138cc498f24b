import ExcelJS from 'exceljs'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// An organisation's own member list, as units keep it (title row, "STT", name and year of birth),
// checked first and then imported: registry residents become members, strangers are listed, not created.

async function memberList(rows: [string, number][]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook()
	const sheet = workbook.addWorksheet('Đoàn viên')
	sheet.addRow(['DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN TỔ 3'])
	sheet.addRow(['STT', 'Họ và tên', 'Năm sinh'])
	for (const [i, [name, year]] of rows.entries()) sheet.addRow([i + 1, name, year])
	return Buffer.from(await workbook.xlsx.writeBuffer())
}

test('a ward administrator checks, then imports an organisation’s member list; strangers are reported, not created', async ({
	page,
}) => {
	test.slow() // two axe scans and three uploads on a shared machine
	await signIn(page, 'quantri')
	// A real resident from the registry, by name and year of birth; the last rows of the list are the
	// least likely to be members already.
	await page.goto('/nguoi-dan?trang=3')
	const row = page.locator('main table tbody tr').last()
	const name = ((await row.locator('td a').first().textContent()) ?? '').trim()
	const year = Number(((await row.locator('td').nth(1).textContent()) ?? '').trim())
	expect(name).not.toBe('')
	expect(year).toBeGreaterThan(1900)

	await page.goto('/to-chuc')
	// The name from the list, then the organisation's page showing it: the heading read straight after a
	// client-side navigation could still be the list's.
	const link = page.locator('main table tbody tr td a').first()
	const organization = ((await link.textContent()) ?? '').trim()
	expect(organization).not.toBe('')
	await link.click()
	await expect(page).toHaveURL(/\/to-chuc\/[0-9a-f-]{36}$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(organization)
	await expectNoA11yViolations(page)
	await page.getByRole('link', { name: 'Nhập danh sách thành viên từ tệp Excel' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Nhập danh sách thành viên' })).toBeVisible()
	await expectNoA11yViolations(page)

	await page.getByLabel('Tệp danh sách').setInputFiles({
		name: 'doan-vien.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: await memberList([
			[name, year],
			['Người Không Có Trong Sổ', 1990],
		]),
	})
	await page.getByRole('button', { name: 'Kiểm tra trước' }).click()
	await expect(
		page.getByRole('heading', { level: 2, name: 'Kết quả kiểm tra: doan-vien.xlsx' }),
	).toBeVisible()
	await expect(page.getByRole('status')).toContainText('Sẽ thêm 1 người')
	await expect(page.getByRole('status')).toContainText('1 dòng không đối chiếu được')
	const unmatched = page.getByRole('table', { name: /Các dòng không đối chiếu được/ })
	await expect(unmatched).toContainText('Người Không Có Trong Sổ')
	await expect(unmatched).toContainText('Không tìm thấy người dân cùng họ tên và ngày sinh')
	await expectNoA11yViolations(page)

	// With JavaScript the chosen file stays selected: import it without choosing it again.
	await page.getByRole('button', { name: 'Nhập vào danh sách thành viên' }).click()
	await expect(page.getByRole('heading', { level: 2, name: 'Đã nhập: doan-vien.xlsx' })).toBeVisible()
	await expect(page.getByRole('status')).toContainText('1 dòng không đối chiếu được')

	await page.getByRole('link', { name: `← ${organization}` }).click()
	await expect(page.getByRole('table', { name: /Thành viên hiện tại/ })).toContainText(name)

	// Nobody was created for the stranger.
	await page.goto('/nguoi-dan?q=nguoi+khong+co+trong+so')
	await expect(page.getByRole('link', { name: 'Người Không Có Trong Sổ' })).toHaveCount(0)
})

test('a file that is not a spreadsheet is refused with a Vietnamese reason', async ({
	page,
	consoleErrors,
}) => {
	// The refusal is a 400 response, which Chromium logs; it is what this test expects.
	consoleErrors.allow(/status of 400 \(Bad Request\) \(.*\/nhap\.data\)$/)
	await signIn(page, 'quantri')
	await page.goto('/to-chuc')
	await page.locator('main table tbody tr td a').first().click()
	await page.getByRole('link', { name: 'Nhập danh sách thành viên từ tệp Excel' }).click()
	await page.getByLabel('Tệp danh sách').setInputFiles({
		name: 'anh.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from('đây không phải là tệp Excel'),
	})
	await page.getByRole('button', { name: 'Kiểm tra trước' }).click()
	await expect(page.getByRole('alert')).toContainText('Không tìm thấy cột “Họ và tên” trong tệp')
})
