import type { Page } from '@playwright/test'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// The learner pages (/hoc/…): home, track choice, the lesson player on a 360 px phone, answering
// without JavaScript, progress resumed on another device. Each test uses lessons (or an account) no
// other test touches, because the specs run in parallel against one server.

test.use({ viewport: { width: 360, height: 740 } })

async function chooseTrack(page: Page, name: RegExp) {
	await page.goto('/hoc/lo-trinh')
	const choose = page.getByRole('button', { name })
	if ((await choose.count()) > 0) await choose.click()
	else await page.goto('/hoc')
	await expect(page).toHaveURL('/hoc')
}

test('the signed-in home leads the learner to their learning, the home page of learning passes axe', async ({
	page,
}) => {
	await signIn(page, 'hocvien')
	await page.getByRole('main').getByRole('link', { name: 'Học kỹ năng số' }).click()
	await expect(page).toHaveURL('/hoc')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Học kỹ năng số')
	await expectNoA11yViolations(page)

	await page.goto('/hoc/lo-trinh')
	// The demo learner is a small trader: the tracks of their target groups come first.
	await expect(page.getByText('Hợp với bạn').first()).toBeVisible()
	await expectNoA11yViolations(page)
	await chooseTrack(page, /Chọn lộ trình này.*Người dân$/)
	await expect(page.getByRole('heading', { name: 'Lộ trình của tôi: Người dân' })).toBeVisible()
	await expect(page.getByText(/Bạn đã học xong \d+ trên \d+ bài\./)).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Những việc bạn đã học' })).toBeVisible()
	await expect(
		page.getByRole('heading', { name: 'Tìm thông tin trên mạng và biết tin nào đáng tin' }),
	).toBeVisible()
	await expectNoA11yViolations(page)
})

test('the lesson player reads well on a 360 px screen, in normal and large text, and passes axe', async ({
	page,
}) => {
	await signIn(page, 'hocvien')
	await page.goto('/hoc/khoa/smartphone-internet')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dùng điện thoại thông minh và Internet')
	await expectNoA11yViolations(page)
	await page.getByRole('link', { name: /Bài 2\./ }).click()
	await expect(page).toHaveURL('/hoc/bai/phone-touch-gestures')
	await expect(page.getByText('Bài 2 trên 5')).toBeVisible()
	// Nothing wider than the screen.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
	// Read-aloud says honestly whether this browser has a Vietnamese voice (headless Chromium has none).
	const readAloud = page.getByRole('region', { name: 'Nghe đọc bài' })
	await expect(readAloud.getByRole('status')).toHaveText(/Máy này chưa có giọng đọc tiếng Việt|Bấm "Đọc to"/)
	// The page ships no framework: only the learner pages' own small script.
	const scripts = await page
		.locator('script')
		.evaluateAll((all) => all.map((s) => s.getAttribute('src') ?? 'inline'))
	expect(scripts).toHaveLength(1)
	expect(scripts[0]).toMatch(/learner-enhancements/)
	await expectNoA11yViolations(page)

	await page.getByRole('button', { name: 'Chữ lớn' }).click()
	await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large')
	await expect(page).toHaveURL('/hoc/bai/phone-touch-gestures')
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
	const size = await page
		.locator('.lesson-body p')
		.first()
		.evaluate((p) => Number.parseFloat(getComputedStyle(p).fontSize))
	expect(size).toBeGreaterThanOrEqual(22)
	await expectNoA11yViolations(page)
	await page.getByRole('button', { name: 'Chữ lớn' }).click()

	await page.getByRole('link', { name: 'Bài sau →' }).click()
	await expect(page).toHaveURL('/hoc/bai/phone-wifi-4g')
	await page.getByRole('link', { name: '← Bài trước' }).click()
	await expect(page).toHaveURL('/hoc/bai/phone-touch-gestures')
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('a lesson is readable and its practice answerable; the answer key appears only after answering', async ({
		page,
	}) => {
		await signIn(page, 'tinhnguyen')
		const response = await page.goto('/hoc/bai/pay-bank-app')
		const html = (await response?.text()) ?? ''
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		expect(html).not.toContain('Đáp án đúng')
		expect(html).not.toContain('Đúng rồi')

		const q1 = page.locator('#cau-q1')
		await q1.getByRole('button', { name: 'Trả lời' }).click()
		// A radio group is required: the browser asks for a choice before posting.
		await expect(page).toHaveURL('/hoc/bai/pay-bank-app')
		await q1.getByRole('radio').first().check()
		await q1.getByRole('button', { name: 'Trả lời' }).click()
		const result = page.locator('#cau-q1')
		await expect(result.getByText(/^(Đúng rồi!|Chưa đúng\.)$/)).toBeVisible()
		await expect(result.getByText('Bạn đã trả lời câu này 1 lần.')).toBeVisible()
		await result.getByRole('link', { name: 'Làm lại câu này' }).click()
		await expect(page.locator('#cau-q1').getByRole('button', { name: 'Trả lời' })).toBeVisible()

		await page.getByRole('button', { name: 'Tôi đã học xong bài này' }).click()
		await expect(page.getByText('Bạn đã học xong bài này. Giỏi lắm!')).toBeVisible()
		await page.goto('/hoc/khoa/cashless-payment')
		await expect(
			page.getByRole('listitem').filter({ hasText: 'Bài 1.' }).getByText('Đã học xong'),
		).toBeVisible()
	})
})

test('progress is kept per person and resumed on another device', async ({ browser }) => {
	const phone = await browser.newContext({ viewport: { width: 360, height: 740 } })
	const desk = await browser.newContext()
	try {
		const first = await phone.newPage()
		await signIn(first, 'giangvien')
		await first.goto('/hoc/bai/internet-search')
		await expect(first.getByRole('heading', { level: 1 })).toBeVisible()

		const second = await desk.newPage()
		await signIn(second, 'giangvien')
		await second.goto('/hoc')
		const next = second.getByRole('region', { name: 'Học tiếp bài đang dở' })
		await expect(next).toContainText('Tìm thông tin trên Internet')
		await next.getByRole('link', { name: 'Học tiếp' }).click()
		await expect(second).toHaveURL(/\/hoc\/bai\/internet-search/)
	} finally {
		await phone.close()
		await desk.close()
	}
})
