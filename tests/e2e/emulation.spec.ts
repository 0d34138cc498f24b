import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { openDocx } from '#server/reports/documents/testing/read-docx.ts'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Emulation (issue 11 item 5) on the demo ward's 2026 periods: ward staff see the ranking, score a
// hand-scored criterion with evidence, propose a commendation and download the lists; a focal point sees
// only their unit; the closed 6-month period shows its frozen scores.

// The smallest valid PNG (1×1, transparent): evidence files are checked by type and size.
const png = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64',
)

test('ward staff rank, score by hand with evidence, propose a commendation and download the lists', async ({
	page,
	consoleErrors,
}) => {
	test.slow() // several pages, three downloads and axe scans on a shared machine
	// Refused input answers 400 with the reasons (too many points, a reason too short): the browser logs it.
	consoleErrors.allow(/status of 400/)
	await signIn(page, 'chidao')
	await page.goto('/thi-dua')
	await expect(page.getByRole('heading', { level: 1, name: 'Thi đua, khen thưởng' })).toBeVisible()
	// The open annual period is shown first, computed live.
	await expect(page.getByLabel('Kỳ báo cáo')).toHaveValue(/.+/)
	await expect(page.getByText('Kỳ đang mở: điểm tính theo số liệu đến hôm nay')).toBeVisible()
	const table = page.getByRole('table', { name: /Bảng xếp hạng tập thể/ })
	await expect(table).toBeVisible()
	await expect(table.getByRole('row')).not.toHaveCount(1)
	await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('1')
	await expectNoA11yViolations(page)

	// Sorting by name keeps each unit's rank; the header says how the table is sorted.
	await table.getByRole('link', { name: 'Sắp xếp theo Tên' }).click()
	await expect(page.getByRole('columnheader', { name: 'Sắp xếp theo Tên', exact: true })).toHaveAttribute(
		'aria-sort',
		'ascending',
	)

	// Score the hand-scored criterion with a note and a file.
	await page.getByRole('link', { name: 'Tiêu chí và chấm điểm' }).click()
	await expect(page.getByRole('heading', { level: 1, name: /^Tiêu chí thi đua/ })).toBeVisible()
	await expectNoA11yViolations(page)
	await page.getByRole('link', { name: /^Chấm điểm tiêu chí Mô hình/ }).click()
	await expect(page.getByRole('heading', { level: 1, name: /^Chấm điểm: Mô hình/ })).toBeVisible()
	const subject = page.getByLabel('Chấm cho')
	const unitName = ((await subject.locator('option').nth(5).textContent()) ?? '').replace(/ \(.*\)$/, '')
	await subject.selectOption({ index: 5 })
	// Too many points: refused with the reason, nothing saved.
	await page.getByLabel('Số điểm').fill('15')
	await page.getByLabel('Nhận xét, căn cứ chấm').fill('Mô hình “Chủ nhật số” tại nhà văn hóa tổ dân phố')
	await page.getByRole('button', { name: 'Lưu điểm' }).click()
	await expect(page.getByText('Số điểm vượt quá điểm tối đa của tiêu chí (ghi ở đầu trang).')).toBeVisible()
	await expect(page.getByRole('alert')).toContainText('Chưa lưu được')
	await page.getByLabel('Số điểm').fill('7,5')
	await page
		.getByLabel(/^Tệp minh chứng/)
		.setInputFiles({ name: 'bien-ban.png', mimeType: 'image/png', buffer: png })
	await page.getByRole('button', { name: 'Lưu điểm' }).click()
	await expect(page.getByText('Đã lưu điểm.')).toBeVisible()
	const entry = page.getByRole('listitem').filter({ hasText: `${unitName}: 7,5 điểm` })
	await expect(entry).toContainText('Mô hình “Chủ nhật số”')
	const evidence = page.waitForEvent('download')
	await entry.getByRole('link', { name: 'Tệp minh chứng: bien-ban.png' }).click()
	expect(fs.readFileSync((await (await evidence).path()) as string)).toEqual(png)
	await expectNoA11yViolations(page)

	// Propose the first-ranked unit from the ranking.
	await page.goto('/thi-dua')
	const first = page
		.getByRole('table', { name: /Bảng xếp hạng tập thể/ })
		.getByRole('row')
		.nth(1)
	await first.getByRole('link', { name: /^Đề nghị khen thưởng/ }).click()
	await expect(page.getByRole('heading', { level: 1, name: /^Đề nghị khen thưởng/ })).toBeVisible()
	await page.getByLabel('Hình thức khen thưởng').selectOption({ label: 'Giấy khen của Chủ tịch UBND phường' })
	await page.getByLabel('Thành tích, lý do đề nghị').fill('ngắn')
	await page.getByRole('button', { name: 'Thêm vào danh sách' }).click()
	await expect(page.getByText('Ghi thành tích, lý do đề nghị (từ 10 đến 1000 ký tự).')).toBeVisible()
	await page
		.getByLabel('Thành tích, lý do đề nghị')
		.fill('Dẫn đầu phường về tỷ lệ thành viên học tập và được chứng nhận kỹ năng số')
	await page.getByRole('button', { name: 'Thêm vào danh sách' }).click()
	await expect(page.getByText('Đã thêm vào danh sách đề nghị.')).toBeVisible()
	const proposal = page.getByRole('listitem').filter({ hasText: 'Dẫn đầu phường về tỷ lệ thành viên' })
	await expect(proposal).toContainText('Giấy khen của Chủ tịch UBND phường')
	await expect(proposal).toContainText('Hạng 1')
	const firstName = ((await proposal.locator('strong').textContent()) ?? '').trim()
	await expectNoA11yViolations(page)

	// The list as Excel and as Word in the Party layout.
	const xlsx = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Excel (.xlsx)' }).click()
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load(fs.readFileSync((await (await xlsx).path()) as string) as unknown as ArrayBuffer)
	const names: unknown[] = []
	workbook.getWorksheet('Tập thể')!.eachRow((row) => names.push(...(row.values as unknown[])))
	expect(names).toContain(firstName)
	const docx = page.waitForEvent('download')
	await page.getByRole('link', { name: /^Word — thể thức văn bản của Đảng/ }).click()
	const word = await openDocx(fs.readFileSync((await (await docx).path()) as string))
	const text = word.paragraphs.join('\n')
	expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
	expect(text).toContain('DANH SÁCH')
	expect(text).toContain('Dẫn đầu phường về tỷ lệ thành viên')

	// The closed 6-month period: frozen scores, criteria read-only.
	await page.goto('/thi-dua')
	await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Báo cáo 6 tháng đầu năm 2026' })
	await page.getByRole('button', { name: 'Xem kỳ này' }).click()
	await expect(page.getByText(/Kỳ đã kết thúc: điểm đã chốt lúc/)).toBeVisible()
	await page.getByRole('link', { name: 'Tiêu chí và chấm điểm' }).click()
	await expect(page.getByText('Kỳ đã kết thúc, điểm đã chốt: không sửa được tiêu chí và điểm.')).toBeVisible()
	await expect(page.getByRole('button', { name: /^Lưu tiêu chí/ })).toHaveCount(0)
})

test('a focal point sees their unit’s score on a phone, and cannot score or propose', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 800 })
	await signIn(page, 'daumoi')
	await page.goto('/thi-dua')
	await expect(page.getByText('Bạn xem kết quả của đơn vị mình và thành viên')).toBeVisible()
	// Rank among every unit of the ward, in words above the table (easier than a wide table on a phone).
	await expect(page.getByText(/: hạng \d+ trên \d+, [\d,]+\/\d+ điểm\./)).toBeVisible()
	const table = page.getByRole('table', { name: /Bảng xếp hạng tập thể/ })
	await expect(table.getByRole('row')).toHaveCount(2)
	await expect(table.getByRole('columnheader', { name: 'Đề nghị' })).toHaveCount(0)
	await expect(page.getByRole('link', { name: 'Tiêu chí và chấm điểm' })).toHaveCount(0)
	await expectNoA11yViolations(page)
	const response = await page.goto('/thi-dua')
	expect(response?.status()).toBe(200)
	const forbidden = await page.request.get(`/thi-dua/${crypto.randomUUID()}/khen-thuong`)
	expect(forbidden.status()).toBe(403)
})
