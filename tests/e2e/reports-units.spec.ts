import type { Page } from '@playwright/test'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Unit reports (issue 11 parts 1–3) in the demo ward, where the annual 2026 report was due on 15/11/2026
// and the demo focal point's school has not started it: the focal point sees the reminders, fills and
// submits; the ward returns it with a comment; the focal point resubmits; the ward accepts. Every state is
// in the history, and a focal point cannot open another unit's report.

async function openAnnualReportOfMyUnit(page: Page): Promise<string> {
	await page.goto('/bao-cao')
	await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị tôi' })).toBeVisible()
	const annual = page.getByRole('region', { name: 'Báo cáo năm 2026' })
	await annual.getByRole('link').first().click()
	await expect(page.getByText('Báo cáo năm 2026 — hạn nộp 15/11/2026')).toBeVisible()
	return page.url()
}

// One story in four steps, run in order on the same demo ward (each step its own time budget).
test.describe.configure({ mode: 'serial' })
let reportUrl = ''
let unitName = ''
let otherUnit = ''

test('the focal point sees the reminders, fills the pre-filled form and submits', async ({
	page,
	consoleErrors,
}) => {
	test.slow()
	await signIn(page, 'daumoi')
	// The menu shows how many notifications are unread, in words for a screen reader.
	await page.getByRole('link', { name: /^Thông báo \d+ chưa đọc$/ }).click()
	await expect(
		page.getByRole('heading', { level: 2, name: /Quá hạn báo cáo: Báo cáo năm 2026/ }),
	).toBeVisible()
	await expectNoA11yViolations(page)

	reportUrl = await openAnnualReportOfMyUnit(page)
	unitName = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
	await expect(page.getByText('Quá hạn', { exact: true })).toBeVisible()
	// Figures come pre-filled from the system, each with the system's count beside it.
	await expect(page.getByLabel('Tổng số thành viên của đơn vị')).not.toHaveValue('')
	await expect(page.getByText(/^Hệ thống ghi nhận: \d+/).first()).toBeVisible()
	await expectNoA11yViolations(page)

	// On a small phone the form fits the screen.
	await page.setViewportSize({ width: 360, height: 740 })
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

	// A negative figure: the browser stops it; posted anyway (the check removed), the server refuses it with a
	// message in Vietnamese and saves nothing.
	const sessions = page.getByLabel('Số buổi học đơn vị đã tổ chức')
	await sessions.fill('-3')
	expect(await sessions.evaluate((input: HTMLInputElement) => input.checkValidity())).toBe(false)
	await sessions.evaluate((input: HTMLInputElement) => input.removeAttribute('min'))
	consoleErrors.allow(/status of 400 .*\/bao-cao\/ky\/.*\.data/)
	await page.getByRole('button', { name: 'Lưu bản nháp' }).click()
	await expect(page.getByRole('alert')).toHaveText('Vui lòng sửa các ô được đánh dấu.')
	await expect(page.getByText('Ghi một số nguyên từ 0 đến 10.000.000')).toBeVisible()
	await expect(
		page.getByText('Chưa làm', { exact: true }).or(page.getByText('Quá hạn', { exact: true })),
	).toBeVisible()

	await sessions.fill('4')
	await page
		.getByLabel('Kết quả đạt được')
		.fill('Giáo viên và học sinh khối 4, 5 đã học bài An toàn trên mạng.')
	await page.getByLabel('Đề xuất, kiến nghị').fill('Đề nghị hỗ trợ thêm 5 máy tính.')
	await page.getByRole('button', { name: 'Nộp báo cáo cho phường' }).click()
	await expect(page.getByRole('status')).toHaveText('Đã nộp báo cáo. Phường sẽ xem và phản hồi.')
	await expect(page.getByText('Chờ phường duyệt', { exact: true })).toBeVisible()
	await expectNoA11yViolations(page)
})

test('the ward sees the units overdue and returns the report with a comment', async ({
	page,
	consoleErrors,
}) => {
	test.slow()
	await signIn(page, 'quantri')
	await page.goto('/bao-cao')
	await expectNoA11yViolations(page)
	await page.getByRole('link', { name: 'Báo cáo năm 2026' }).click()
	await expect(page.getByText(/^Quá hạn: \d+ đơn vị$/)).toBeVisible()
	await expectNoA11yViolations(page)
	await page.getByRole('link', { name: unitName, exact: true }).click()
	// Returning needs a comment.
	await page.getByRole('button', { name: 'Trả lại để bổ sung' }).click()
	await expect(page.getByRole('alert')).toHaveText('Khi trả lại, hãy ghi rõ đơn vị cần bổ sung gì.')
	await page
		.getByLabel('Ý kiến (bắt buộc khi trả lại)')
		.fill('Đề nghị bổ sung số học sinh đã được cấp chứng nhận.')
	await page.getByRole('button', { name: 'Trả lại để bổ sung' }).click()
	await expect(page.getByRole('status')).toHaveText('Đã trả lại báo cáo cho đơn vị.')
	await expectNoA11yViolations(page)
	await page.getByRole('link', { name: '← Báo cáo năm 2026' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo năm 2026' })).toBeVisible()
	otherUnit =
		(await page
			.getByRole('table', { name: 'Các đơn vị phải báo cáo và trạng thái báo cáo' })
			.getByRole('link')
			.filter({ hasNotText: unitName })
			.first()
			.getAttribute('href')) ?? ''
	expect(otherUnit).toMatch(/^\/bao-cao\/ky\/[0-9a-f-]+\/don-vi\/[0-9a-f-]+$/)
	await page.goto('/bao-cao/hop-thu-di')
	await expect(page.getByRole('table', { name: 'Tin nhắn gần nhất' })).toContainText('Quá hạn báo cáo')
	await expectNoA11yViolations(page)
})

test('the focal point reads the comment and resubmits; another unit’s report is refused', async ({
	page,
	consoleErrors,
}) => {
	test.slow()
	await signIn(page, 'daumoi')
	await page.goto('/thong-bao')
	await expect(
		page.getByRole('heading', { level: 2, name: /Báo cáo bị trả lại: Báo cáo năm 2026/ }),
	).toBeVisible()
	await page.getByRole('button', { name: 'Đánh dấu đã đọc tất cả' }).click()
	await expect(page.getByText('Chưa đọc: 0')).toBeVisible()
	await expect(page.getByRole('link', { name: 'Thông báo', exact: true })).toBeVisible()
	await page.goto(reportUrl)
	await expect(page.getByRole('region', { name: 'Ý kiến của phường' })).toContainText('chứng nhận')
	await page.getByLabel('Số thành viên đã được chứng nhận đạt chuẩn kỹ năng số').fill('12')
	await page.getByRole('button', { name: 'Nộp báo cáo cho phường' }).click()
	await expect(page.getByRole('status')).toHaveText('Đã nộp báo cáo. Phường sẽ xem và phản hồi.')

	// Another unit's report is not the focal point's to read.
	consoleErrors.allow(/status of 403/)
	const refused = await page.goto(otherUnit)
	expect(refused?.status()).toBe(403)
	await expect(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible()
})

test('the steering board accepts it, and the history keeps every state', async ({ page }) => {
	test.slow()
	await signIn(page, 'chidao')
	await page.goto(reportUrl)
	await page.getByRole('button', { name: 'Tiếp nhận báo cáo' }).click()
	await expect(page.getByRole('status')).toHaveText('Đã tiếp nhận báo cáo.')
	await expect(page.getByText('Đã tiếp nhận', { exact: true })).toBeVisible()
	const history = page.getByRole('table', { name: 'Mọi lần lưu, nộp, trả lại, tiếp nhận' })
	await expect(history.getByRole('row')).toHaveCount(5)
	await expect(history).toContainText('Đề nghị bổ sung số học sinh đã được cấp chứng nhận.')
	await expect(page.getByText('12 (Hệ thống ghi nhận:')).toBeVisible()
	await expectNoA11yViolations(page)
})
