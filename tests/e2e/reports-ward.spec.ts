import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { openDocx } from '#server/reports/documents/testing/read-docx.ts'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// The ward's consolidated report (issue 11): ward staff open a period's report, edit a section, and
// download the Word document (Party layout) and the Excel annex, both opened with real readers.

test('the ward admin edits the consolidated report and downloads the .docx and the .xlsx', async ({
	page,
	consoleErrors,
}) => {
	test.slow() // builds documents and runs axe on a shared machine
	// The refused save below answers 400 on purpose (the browser logs the response's status).
	consoleErrors.allow(/status of 400/)
	await signIn(page, 'quantri')
	await page.goto('/bao-cao/phuong')
	await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo tổng hợp của phường' })).toBeVisible()
	await expectNoA11yViolations(page)
	await page.getByRole('link', { name: /6 tháng đầu năm 2026/ }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: /Báo cáo tổng hợp — .*6 tháng đầu năm 2026/ }),
	).toBeVisible()
	// The figures come from the snapshot of April 2026 (the period ends 15 May).
	await expect(page.getByText(/ảnh chụp chỉ tiêu tháng 4\/2026/)).toBeVisible()
	const three = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3', exact: true }) })
	const reached = (await three.getByRole('cell').nth(1).textContent())?.trim() ?? ''
	expect(reached).toMatch(/^[\d.]+\/[\d.]+$/)
	await expectNoA11yViolations(page)

	const nextSteps = page.getByLabel('V. Phương hướng, nhiệm vụ thời gian tới')
	await nextSteps.fill('Mở thêm 6 lớp “Bình dân học vụ số” cho người cao tuổi tại tổ dân phố.')
	await page.getByLabel('Số văn bản').fill('abc-12')
	await page.getByRole('button', { name: 'Lưu báo cáo' }).click()
	// A number with its symbol is refused, and what was typed stays.
	await expect(page.getByText('Chưa lưu được: kiểm tra các ô được đánh dấu.')).toBeVisible()
	await expect(nextSteps).toHaveValue(/Mở thêm 6 lớp/)
	await page.getByLabel('Số văn bản').fill('12')
	await page.getByRole('button', { name: 'Lưu báo cáo' }).click()
	await expect(page.getByText(/Đã lưu phiên bản \d+\./)).toBeVisible()
	await expect(page.getByLabel('V. Phương hướng, nhiệm vụ thời gian tới')).toHaveValue(/Mở thêm 6 lớp/)

	// An earlier version, read-only beside the form: the first draft, written from the data, without the edit.
	await page.getByRole('link', { name: 'Xem phiên bản 1', exact: true }).click()
	await expect(page).toHaveURL(/\?phienBan=1/)
	const first = page.getByRole('region', { name: /^Phiên bản 1 — lưu lúc/ })
	await expect(first).toBeVisible()
	await expect(first.getByText('V. Phương hướng, nhiệm vụ thời gian tới')).toBeVisible()
	await expect(first).not.toContainText('Mở thêm 6 lớp')
	await expect(page.getByLabel('V. Phương hướng, nhiệm vụ thời gian tới')).toHaveValue(/Mở thêm 6 lớp/)
	await expectNoA11yViolations(page)
	expect((await page.request.get(`${new URL(page.url()).pathname}?phienBan=999`)).status()).toBe(404)
	await first.getByRole('link', { name: 'Đóng, về bản đang soạn' }).click()
	await expect(page.getByRole('region', { name: /^Phiên bản 1 — lưu lúc/ })).toHaveCount(0)

	const docxDownload = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Word — thể thức văn bản của Đảng (.docx)' }).click()
	const docx = await openDocx(readFileSync((await (await docxDownload).path()) as string))
	expect(docx.paragraphs).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
	expect(docx.paragraphs).toContain('Số 12-BC/ĐU')
	expect(docx.paragraphs).toContain('Mở thêm 6 lớp “Bình dân học vụ số” cho người cao tuổi tại tổ dân phố.')
	expect(docx.paragraphs).toContain(reached)

	const xlsxDownload = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Phụ lục số liệu (.xlsx)' }).click()
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.readFile((await (await xlsxDownload).path()) as string)
	expect(workbook.worksheets.map((s) => s.name)).toContain('Theo tổ dân phố')
	const overall = workbook.getWorksheet('Tổng hợp chỉ tiêu')!
	let row3: ExcelJS.Row | undefined
	overall.eachRow((row) => {
		if (row.getCell(1).value === '3') row3 = row
	})
	const [n, d] = reached.split('/').map((x) => Number(x.replace(/\./g, '')))
	expect([row3?.getCell(3).value, row3?.getCell(4).value]).toEqual([n, d])
})
