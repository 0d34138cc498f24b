import fs from 'node:fs'
import { demoAccounts } from '#server/demo/demo-accounts.ts'
import { roles } from '#server/identity/schema.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// The home page, the 404 page and the display modes, scanned with axe-core (every other page is scanned
// by every-page.spec.ts, which walks the app as each role). /healthz is JSON for machines: what a browser shows
// for it is Chromium's own viewer document (no lang, no title — nothing the app can set), so it is
// checked as an API, not scanned.

test('/healthz answers JSON: ok, the database reachable, migrations up to date', async ({ request }) => {
	const response = await request.get('/healthz')
	expect(response.status()).toBe(200)
	expect(response.headers()['content-type']).toContain('application/json')
	expect(response.headers()['cache-control']).toBe('no-store')
	expect(await response.json()).toMatchObject({
		status: 'ok',
		database: { kind: 'pglite', reachable: true },
		migrations: { upToDate: true },
	})
})

test('`hocvuso start` printed where it serves, its database and one demo account per role', ({ baseURL }) => {
	const logFile = process.env.HOCVUSO_E2E_SERVER_LOG
	if (!logFile) throw new Error('global-setup.ts did not say where the server writes')
	const printed = fs.readFileSync(logFile, 'utf8')
	const port = new URL(baseURL ?? '').port
	expect(printed).toContain(`hocvuso đang chạy tại / is running at http://localhost:${port}`)
	expect(printed).toMatch(/Cơ sở dữ liệu \/ database: pglite \(/)
	expect(printed).toContain('Tài khoản trình diễn / demo accounts:')
	const lines = printed.split('\n')
	for (const account of demoAccounts) {
		const line = lines.find((l) => l.startsWith(`  ${account.labelVi} `))
		expect(line?.trim(), account.role).toMatch(new RegExp(` ${account.username} / ${account.password}$`))
	}
	// One account per role of the policy, none left out.
	expect(new Set(demoAccounts.map((a) => a.role))).toEqual(new Set(roles))
})

test('the home page has one h1, the landmarks, and passes an axe-core WCAG 2.2 AA scan', async ({ page }) => {
	const response = await page.goto('/')
	expect(response?.status()).toBe(200)
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
	await expect(page).toHaveTitle(/\S/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
	await expect(page.getByRole('banner')).toBeVisible()
	await expect(page.getByRole('main')).toBeVisible()
	await expect(page.getByRole('contentinfo')).toBeVisible()
	await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible()
	await expectNoA11yViolations(page)
})

test('an unknown address shows the Vietnamese 404 page, without a stack trace, and passes axe', async ({
	page,
	consoleErrors,
}) => {
	// Chromium logs every 4xx document load as a console error; this one is the point of the test.
	consoleErrors.allow(/status of 404 \(Not Found\) \(.*\/khong-co-trang-nay\)$/)
	const response = await page.goto('/khong-co-trang-nay')
	expect(response?.status()).toBe(404)
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
	await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible()
	await expect(page.getByText('Mã lỗi: 404')).toBeVisible()
	await expect(page.getByRole('link', { name: 'Về trang chủ' })).toBeVisible()
	expect(await page.locator('main').textContent()).not.toMatch(/Error|node_modules|\.tsx?\b|:\d+:\d+/)
	// Nor anywhere in the document, hydration data included: no stack frame like "at fn (file:1:2)".
	expect(await response?.text()).not.toMatch(/\bat .*\(?[\w./-]+:\d+:\d+\)?/)
	await expectNoA11yViolations(page)

	await page.getByRole('link', { name: 'Về trang chủ' }).click()
	await expect(page).toHaveURL('/')
})

test('the large-text and high-contrast modes pass axe too', async ({ page }) => {
	await page.goto('/')
	await page.getByRole('button', { name: 'Chữ lớn' }).click()
	await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large')
	await page.getByRole('button', { name: 'Tương phản cao' }).click()
	await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high')
	await expectNoA11yViolations(page)
})
