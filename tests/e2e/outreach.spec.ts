import type { Page } from '@playwright/test'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// The volunteer's door-to-door tool in Chromium at phone width: the worklist kept on the phone, visits
// logged without network and synced exactly once, scope, and accessibility of the pages.

test.use({ viewport: { width: 360, height: 740 } })
// One after the other: each test counts the demo volunteer's visits, which another test would change.
test.describe.configure({ mode: 'default', timeout: 120_000 })

/** The signed-in volunteer's own number of visits on their figures page (0 before the first). */
async function myVisitCount(page: Page): Promise<number> {
	await page.goto('/tiep-can/thanh-tich?tu=2000-01-01')
	const row = page.locator('section[aria-labelledby="theo-nguoi"] tr', { hasText: '(bạn)' })
	if ((await row.count()) === 0) return 0
	return Number((await row.locator('td').nth(1).textContent())?.replace(/\D/g, ''))
}

test('visits logged offline are kept across a reload and synced exactly once; a second send changes nothing', async ({
	page,
	context,
	consoleErrors,
}) => {
	// Requests the browser makes while offline fail, and it says so on the console.
	consoleErrors.allow(/ERR_INTERNET_DISCONNECTED|Failed to fetch|status of 503/)
	await signIn(page, 'tinhnguyen')
	const before = await myVisitCount(page)

	await page.goto('/tiep-can')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách đi từng nhà')
	await expect(page.getByText('đã được lưu trên máy này để dùng khi không có mạng')).toBeVisible({
		timeout: 30_000,
	})
	await expectNoA11yViolations(page)

	await context.setOffline(true)
	const households = page.locator('.outreach-household')
	for (const n of [0, 1, 2]) {
		const button = households.nth(n).getByRole('button', { name: 'Đã gặp, hướng dẫn' }).first()
		await button.click()
		await expect(button).toHaveAttribute('aria-pressed', 'true')
	}
	await expect(page.getByText('Đang chờ gửi: 3 lượt thăm ghi lúc không có mạng.')).toBeVisible()

	await page.reload()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách đi từng nhà')
	await expect(page.getByText('Đang chờ gửi: 3 lượt thăm ghi lúc không có mạng.')).toBeVisible()
	await expect(page.locator('[data-queue-list] li')).toHaveCount(3)
	await expect(page.getByText('Bạn đang không có mạng.', { exact: false })).toBeVisible()

	// Back online: the page sends the queue by itself. Keep what it sends to send it again later.
	const sent = page.waitForRequest((r) => r.url().endsWith('/tiep-can/dong-bo') && r.method() === 'POST')
	await context.setOffline(false)
	const request = await sent
	await expect(page.getByText('Đã gửi 3 lượt thăm lên máy chủ.')).toBeVisible()
	await expect(page.locator('[data-queue]')).toBeHidden()
	expect(await myVisitCount(page)).toBe(before + 3)

	// The reply was lost, say, and the phone sends the same batch again: nothing new is stored.
	const visits = JSON.parse(new URLSearchParams(await formBody(request)).get('visits') ?? '[]')
	expect(visits).toHaveLength(3)
	const who = await (await page.request.get('/tiep-can/dong-bo')).json()
	const again = await page.request.post('/tiep-can/dong-bo', {
		multipart: { csrf: who.csrf, visits: JSON.stringify(visits) },
	})
	expect(again.status()).toBe(200)
	const { results } = await again.json()
	expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate'])
	expect(await myVisitCount(page)).toBe(before + 3)
	await expectNoA11yViolations(page)
})

/** The fields of a multipart or urlencoded request body, as a query string. */
async function formBody(request: import('@playwright/test').Request): Promise<string> {
	const body = request.postDataBuffer()?.toString('utf8') ?? ''
	const type = (await request.allHeaders())['content-type'] ?? ''
	const boundary = /boundary=(.+)$/.exec(type)?.[1]
	if (!boundary) return body
	const params = new URLSearchParams()
	for (const part of body.split(`--${boundary}`)) {
		const match = /name="([^"]+)"\r\n\r\n([\s\S]*)\r\n$/.exec(part)
		if (match) params.set(match[1] as string, match[2] as string)
	}
	return params.toString()
}

test('the visit form works without JavaScript and a level-2 activation updates the person', async ({
	browser,
}) => {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 360, height: 740 },
	})
	const page = await context.newPage()
	await signIn(page, 'tinhnguyen')
	await page.goto('/tiep-can')
	const activate = page.getByRole('button', { name: 'Đã kích hoạt mức 2' }).first()
	const name = (await activate.locator('xpath=ancestor::li[1]/strong').textContent()) ?? ''
	const householdHref =
		(await activate
			.locator('xpath=ancestor::li[contains(@class, "outreach-household")]//h2/a')
			.getAttribute('href')) ?? ''
	await activate.click()
	await expect(page.getByText('Đã ghi lượt thăm.')).toBeVisible()
	await page.goto(householdHref)
	await expect(page.getByRole('heading', { level: 2, name: 'Các lần đến trước' })).toBeVisible()
	await expect(page.getByText(`${name}: Kích hoạt VNeID mức 2`)).toBeVisible()
	await expect(page.locator('legend', { hasText: name }).getByText('VNeID: mức 2')).toBeVisible()

	// The full form: a dossier code without saying who filed it is refused in Vietnamese, nothing stored.
	await page.getByLabel('Thủ tục (mã hoặc tên)').fill('1.001612')
	await page.getByLabel('Mã hồ sơ trên Cổng Dịch vụ công').fill('G22.99.25-251124-0001')
	await page.getByRole('button', { name: 'Lưu lượt thăm' }).click()
	await expect(page.getByRole('alert')).toContainText('Có mã hồ sơ thì hãy đánh dấu “Nộp thủ tục trực tuyến”')
	// (axe needs JavaScript in the page: the household page is scanned in the next test.)
	await context.close()
})

test("a volunteer cannot open another group's household; staff see the volunteers' figures", async ({
	page,
	browser,
	consoleErrors,
}) => {
	consoleErrors.allow(/status of 404/)
	await signIn(page, 'quantri')
	await page.goto('/nguoi-dan')
	const otherGroup = await page
		.locator('#f-group option', { hasText: 'Tổ dân phố Số 2' })
		.getAttribute('value')
	await page.goto(`/nguoi-dan?group=${otherGroup}`)
	await page.locator('table a[href^="/nguoi-dan/"]').first().click()
	const householdHref = await page.locator('a[href^="/ho-gia-dinh/"]').first().getAttribute('href')
	const householdId = householdHref?.split('/').pop()

	await page.goto('/tiep-can/thi-dua')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kết quả tình nguyện viên')
	await expectNoA11yViolations(page)

	const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
	const volunteer = await context.newPage()
	await signIn(volunteer, 'tinhnguyen')
	const response = await volunteer.goto(`/tiep-can/ho/${householdId}`)
	expect(response?.status()).toBe(404)
	await volunteer.goto('/tiep-can')
	await volunteer.locator('.outreach-household h2 a').first().click()
	await expect(volunteer.getByRole('heading', { level: 2, name: 'Ghi lượt thăm' })).toBeVisible()
	await expectNoA11yViolations(volunteer)
	await volunteer.goto('/tiep-can/thanh-tich')
	await expectNoA11yViolations(volunteer)
	await volunteer.goto('/tiep-can')
	const groups = await volunteer.locator('.outreach-household > p.muted').allTextContents()
	expect(groups.length).toBeGreaterThan(0)
	for (const line of groups) expect(line).toMatch(/^Tổ dân phố Số 1 ·/)
	await context.close()
})
