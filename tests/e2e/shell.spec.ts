import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// The application shell every page shares: skip link, display preferences, language.

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
	await page.goto('/')
	await page.keyboard.press('Tab')
	const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })
	await expect(skip).toBeFocused()
	await expect(skip).toBeInViewport()
	await page.keyboard.press('Enter')
	await expect(page.locator('main')).toBeFocused()
})

test('keyboard focus is always visible: a 3 px outline on links and buttons, in both contrast modes', async ({
	page,
}) => {
	await page.goto('/')
	const outline = () =>
		page.evaluate(() => {
			const style = getComputedStyle(document.activeElement as Element)
			return { style: style.outlineStyle, width: style.outlineWidth }
		})
	for (const contrast of ['normal', 'high']) {
		if (contrast === 'high') await page.getByRole('button', { name: 'Tương phản cao' }).click()
		await page.getByRole('link', { name: 'Dữ liệu cá nhân' }).focus()
		await page.keyboard.press('Shift+Tab')
		await page.keyboard.press('Tab')
		expect(await outline(), `a link, ${contrast} contrast`).toEqual({ style: 'solid', width: '3px' })
		await page.getByRole('button', { name: 'Chữ lớn' }).focus()
		await page.keyboard.press('Shift+Tab')
		await page.keyboard.press('Tab')
		expect(await outline(), `a button, ${contrast} contrast`).toEqual({ style: 'solid', width: '3px' })
	}
})

test('large text stays on across navigation and reload, and turns off again', async ({
	page,
	consoleErrors,
}) => {
	consoleErrors.allow(/status of 404 \(Not Found\) \(.*\/trang-khong-co\)$/)
	const html = page.locator('html')
	await page.goto('/')
	await expect(html).toHaveAttribute('data-text-size', 'normal')
	const normalSize = await page.evaluate(() => getComputedStyle(document.body).fontSize)

	const toggle = page.getByRole('button', { name: 'Chữ lớn' })
	await expect(toggle).toHaveAttribute('aria-pressed', 'false')
	await toggle.click()
	await expect(html).toHaveAttribute('data-text-size', 'large')
	await expect(toggle).toHaveAttribute('aria-pressed', 'true')
	const largeSize = await page.evaluate(() => getComputedStyle(document.body).fontSize)
	expect(Number.parseFloat(largeSize)).toBeGreaterThan(Number.parseFloat(normalSize))

	// Another page (a full document load), then a reload: the cookie carries the choice.
	await page.goto('/trang-khong-co')
	await expect(html).toHaveAttribute('data-text-size', 'large')
	await page.getByRole('link', { name: 'Về trang chủ' }).click()
	await expect(page).toHaveURL('/')
	await expect(html).toHaveAttribute('data-text-size', 'large')
	await page.reload()
	await expect(html).toHaveAttribute('data-text-size', 'large')

	await page.getByRole('button', { name: 'Chữ lớn' }).click()
	await expect(html).toHaveAttribute('data-text-size', 'normal')
	await page.reload()
	await expect(html).toHaveAttribute('data-text-size', 'normal')
})

test('the language switch turns the interface to English and back', async ({ page }) => {
	const html = page.locator('html')
	await page.goto('/')
	await expect(html).toHaveAttribute('lang', 'vi')
	await page.getByRole('button', { name: 'English' }).click()
	await expect(html).toHaveAttribute('lang', 'en')
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached()
	await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome')
	await expect(page.getByRole('button', { name: 'Large text' })).toBeVisible()
	await page.reload()
	await expect(html).toHaveAttribute('lang', 'en')

	await page.getByRole('button', { name: 'Tiếng Việt' }).click()
	await expect(html).toHaveAttribute('lang', 'vi')
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Chào mừng')
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the preferences form still works: a plain POST, a redirect back, the cookie set', async ({
		page,
	}) => {
		const html = page.locator('html')
		await page.goto('/')
		// Without scripts the button submits a real form: the browser itself POSTs the document.
		const post = page.waitForRequest(
			(r) =>
				r.method() === 'POST' && r.resourceType() === 'document' && new URL(r.url()).pathname === '/tuy-chon',
		)
		await page.getByRole('button', { name: 'Chữ lớn' }).click()
		await post
		await expect(page).toHaveURL('/')
		await expect(html).toHaveAttribute('data-text-size', 'large')
		await page.getByRole('button', { name: 'English' }).click()
		await expect(html).toHaveAttribute('lang', 'en')
		await expect(html).toHaveAttribute('data-text-size', 'large')
	})
})

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 } })

	test("a long menu is one row that scrolls sideways: the page's content starts on the first screen", async ({
		page,
	}) => {
		await signIn(page, 'quantri')
		await page.goto('/nguoi-dan')
		const nav = page.getByRole('navigation', { name: 'Điều hướng chính' })
		expect(await nav.getByRole('link').count()).toBeGreaterThanOrEqual(10)
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360)
		const heading = await page.getByRole('heading', { level: 1 }).boundingBox()
		expect(heading?.y ?? 740).toBeLessThan(740 / 2)
		// Every entry is still reachable: the last one scrolls into view and opens.
		const last = nav.getByRole('link').last()
		await last.focus()
		await expect(last).toBeInViewport()
		await expectNoA11yViolations(page)
	})

	test("a short menu wraps: the volunteer's every entry is in sight", async ({ page }) => {
		await signIn(page, 'tinhnguyen')
		const links = page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link')
		expect(await links.count()).toBeLessThan(10)
		for (const link of await links.all()) await expect(link).toBeInViewport()
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360)
	})
})
