import type { Browser, Page } from '@playwright/test'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test, watchConsole } from '#tests/e2e/support/test.ts'

// Community classes (issue 7): an instructor opens a class and a session, shows the rotating QR code, a
// learner checks in with the current code on their phone; an expired or forged code is refused; the
// tick list works without JavaScript.

const vietnamToday = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())

/** Opens a class with one session today through the pages; returns the session page's path. */
async function openClassWithSession(page: Page, title: string, options: { scan?: boolean } = {}) {
	await page.goto('/lop-hoc')
	await page.getByRole('link', { name: 'Mở lớp mới' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Mở lớp mới' })).toBeVisible()
	if (options.scan) await expectNoA11yViolations(page)
	await page.getByLabel('Loại lớp').selectOption('elderly')
	await page.getByLabel('Tên lớp').fill(title)
	await page.getByLabel('Địa điểm').fill('Nhà văn hóa tổ dân phố 3')
	await page.getByLabel('Số chỗ').fill('25')
	await page.getByRole('button', { name: 'Mở lớp' }).click()
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	await page.getByLabel('Ngày', { exact: true }).fill(vietnamToday())
	await page.getByLabel('Bắt đầu').fill('00:00')
	await page.getByLabel('Kết thúc').fill('23:59')
	await page.getByLabel('Nội dung', { exact: true }).fill('Cài đặt và kích hoạt VNeID')
	await page.getByLabel('Bài học dạy trong buổi (không bắt buộc)').selectOption('vneid-what-is')
	await page.getByRole('button', { name: 'Thêm buổi' }).click()
	await expect(page.getByRole('status')).toHaveText('Đã thêm buổi học.')
	if (options.scan) await expectNoA11yViolations(page)
	await page.getByRole('link', { name: 'Điểm danh', exact: true }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: 'Điểm danh: Cài đặt và kích hoạt VNeID' }),
	).toBeVisible()
	return new URL(page.url()).pathname
}

/** The check-in address the QR code on the instructor's screen encodes now. */
async function currentCheckInUrl(page: Page, sessionPath: string): Promise<string> {
	await page.goto(`${sessionPath}/ma-qr`)
	const qr = page.getByRole('img', { name: /Mã QR điểm danh buổi/ })
	await expect(qr.locator('svg')).toBeVisible()
	const url = await qr.getAttribute('data-check-in-url')
	expect(url).toMatch(/\/diem-danh\/[0-9a-f]{32}\.[0-9a-z]+\.[A-Za-z0-9_-]{22}$/)
	return url as string
}

async function learnerPhone(browser: Browser) {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' })
	const errors = watchConsole(context)
	return { context, page: await context.newPage(), errors }
}

test('an instructor shows the QR code and a learner checks in with the current code', async ({
	page,
	browser,
}) => {
	test.slow()
	await signIn(page, 'giangvien')
	const sessionPath = await openClassWithSession(page, 'Điện thoại thông minh cho người cao tuổi', {
		scan: true,
	})
	await expectNoA11yViolations(page)
	const url = await currentCheckInUrl(page, sessionPath)
	await expect(page.getByText(/Mã đổi sau \d+ giây/)).toBeVisible()
	await expectNoA11yViolations(page)

	const phone = await learnerPhone(browser)
	// Not signed in: the scan is remembered on this phone while the learner signs in.
	await phone.page.goto(url)
	await expect(phone.page).toHaveURL(/\/dang-nhap/)
	await phone.page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill('hocvien')
	await phone.page.getByLabel('Mật khẩu', { exact: true }).fill('HocVuSo@2026')
	await phone.page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
	await expect(phone.page).toHaveURL(/\/diem-danh$/)
	await expect(phone.page.getByText('Cài đặt và kích hoạt VNeID')).toBeVisible()
	await expectNoA11yViolations(phone.page)
	await phone.page.getByRole('button', { name: 'Xác nhận có mặt' }).click()
	await expect(phone.page.getByRole('status')).toHaveText(
		'Đã điểm danh: bạn có mặt ở buổi “Cài đặt và kích hoạt VNeID”.',
	)
	await expectNoA11yViolations(phone.page)
	expect(phone.errors.unexpected()).toEqual([])
	await phone.context.close()

	// The instructor's list shows the learner present by QR code.
	await page.goto(sessionPath)
	await expect(page.getByText(/— Có mặt \(quét mã QR\)/)).toBeVisible()
	await expect(page.getByText('Có mặt: 1 người')).toBeVisible()
	await expectNoA11yViolations(page)
})

test('an expired or forged attendance code is refused with a Vietnamese message', async ({
	page,
	browser,
}) => {
	// The code must outlive its 30–60 s: the test waits for that on the server's clock.
	test.setTimeout(180_000)
	await signIn(page, 'giangvien')
	const sessionPath = await openClassWithSession(page, 'Lớp thử mã hết hạn')
	const url = await currentCheckInUrl(page, sessionPath)
	const [prefix, window, signature] = (new URL(url).pathname.split('/').at(-1) ?? '').split('.') as [
		string,
		string,
		string,
	]

	const phone = await learnerPhone(browser)
	phone.errors.allow(/status of 40\d|status of 410/)
	await signIn(phone.page, 'hocvien')
	const forged = `${prefix}.${(Number.parseInt(window, 36) + 1).toString(36)}.${signature}`
	await phone.page.goto(`/diem-danh/${forged}`)
	await expect(phone.page.getByRole('alert')).toHaveText(
		'Mã điểm danh không hợp lệ. Hãy quét mã QR trên màn hình của giảng viên.',
	)
	await expectNoA11yViolations(phone.page)

	// Valid until the end of the next 30-second window; wait until then (plus a margin for clocks).
	const expiresAt = (Number.parseInt(window, 36) + 2) * 30_000 + 1_500
	await phone.page.waitForTimeout(Math.max(0, expiresAt - Date.now()))
	const response = await phone.page.goto(new URL(url).pathname)
	expect(response?.status()).toBe(410)
	await expect(phone.page.getByRole('alert')).toHaveText(
		'Mã điểm danh đã hết hạn. Hãy quét lại mã QR đang hiện trên màn hình của giảng viên.',
	)
	// Nothing was recorded, and /diem-danh has nothing pending.
	await phone.page.goto('/diem-danh')
	await expect(phone.page.getByRole('alert')).toContainText('Chưa có mã điểm danh')
	expect(phone.errors.unexpected()).toEqual([])
	await phone.context.close()
	await page.goto(sessionPath)
	await expect(page.getByText('Có mặt: 0 người')).toBeVisible()
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the instructor ticks who is present on the list', async ({ page }) => {
		test.slow()
		await signIn(page, 'giangvien')
		const sessionPath = await openClassWithSession(page, 'Lớp điểm danh bằng danh sách')
		const classPath = sessionPath.replace(/\/buoi\/.*$/, '')
		await page.goto(classPath)
		await page.getByLabel('Tìm người dân để ghi danh (họ tên)').fill('Nguyễn')
		await page.getByRole('button', { name: 'Tìm', exact: true }).click()
		const first = page.getByRole('button', { name: /^Ghi danh / }).first()
		const name = ((await first.getAttribute('aria-label')) ?? '').replace(/^Ghi danh /, '')
		await first.click()
		await expect(page.getByRole('status')).toHaveText('Đã ghi danh.')
		await page.goto(sessionPath)
		const box = page.getByRole('checkbox', { name: new RegExp(`^${name}`) })
		await expect(box).not.toBeChecked()
		await box.check()
		await page.getByRole('button', { name: 'Lưu điểm danh' }).click()
		await expect(page.getByText('Đã ghi nhận thêm 1 người có mặt.')).toBeVisible()
		await expect(page.getByRole('checkbox', { name: new RegExp(`^${name}`) })).toBeChecked()
		await expect(page.getByRole('checkbox', { name: new RegExp(`^${name}`) })).toBeDisabled()
		await expect(page.getByText(/— Có mặt \(điểm danh theo danh sách\)/)).toBeVisible()
	})
})
