import type { Page } from '@playwright/test'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Stored script injection, end to end: a script payload typed into free-text fields of the forms whose
// text is shown back to other people (a visitor's question in the staff log, a resident's details, the
// ward report and its saved versions) must come back as text — never run, on the hydrated staff pages
// (whose loader data is also serialised into the page) and on plain ones.

const payload = (tag: string) =>
	`"></textarea><script>window.__xss='${tag}'</script><img src="/x.png" onerror="window.__xss='${tag}'">${tag}`

declare global {
	interface Window {
		__xss?: string
	}
}

/** A marker without digits: the assistant masks long digit runs (they may be phone or ID numbers). */
const marker = (what: string) =>
	`xss${what}${Date.now()
		.toString()
		.replace(/\d/g, (d) => 'abcdefghij'[Number(d)] as string)}`

async function expectNothingRan(page: Page, tag: string) {
	await page.waitForLoadState('load')
	expect(await page.evaluate(() => window.__xss)).toBeUndefined()
	const html = await page.content()
	expect(html).not.toContain(`<script>window.__xss='${tag}'</script>`)
	expect(html).not.toMatch(new RegExp(`<img[^>]*onerror="window.__xss='${tag}'"`))
}

test.beforeEach(async ({ page, consoleErrors }) => {
	page.on('dialog', (dialog) => {
		throw new Error(`a dialog opened: ${dialog.message()}`)
	})
	// An <img> that did get into a page would fetch /x.png (a 404): allowed here so the assertions,
	// not the console check, say what went wrong.
	consoleErrors.allow(/status of 404/)
})

test('a visitor’s question with a script is shown to ward staff as text', async ({ page, browser }) => {
	const tag = marker('assistant')
	const visitor = await browser.newContext()
	const asking = await visitor.newPage()
	await asking.goto('/tro-ly')
	await asking.getByLabel('Câu hỏi của bạn').fill(payload(tag))
	await asking.getByRole('button', { name: 'Hỏi', exact: true }).click()
	await expectNothingRan(asking, tag)
	await visitor.close()

	await signIn(page, 'quantri')
	await page.goto('/quan-tri/tro-ly')
	await expect(page.getByText(tag).first()).toBeVisible()
	await expectNothingRan(page, tag)
})

test('a resident’s free-text details with a script are refused with the reason, nothing stored', async ({
	page,
	consoleErrors,
}) => {
	// The refused save answers 400 on purpose.
	consoleErrors.allow(/status of 400/)
	const tag = marker('resident')
	await signIn(page, 'quantri')
	await page.goto('/nguoi-dan?trang=3')
	const detail = page.locator('table a[href^="/nguoi-dan/"]').first()
	const href = (await detail.getAttribute('href')) as string
	await page.goto(`${href}/sua`)
	await page.getByLabel('Nghề nghiệp').fill(payload(tag))
	await page.getByRole('button', { name: 'Lưu thay đổi' }).click()
	// Refused: the field says why, what was typed stays in the box (as text), nothing ran.
	await expect(page.getByLabel('Nghề nghiệp')).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByLabel('Nghề nghiệp')).toHaveValue(payload(tag))
	await expectNothingRan(page, tag)
	await page.goto(href)
	await expect(page.getByText(tag)).toHaveCount(0)
	await expectNothingRan(page, tag)
})

test('the ward report’s text with a script stays text in the form and in a saved version', async ({
	page,
}) => {
	const tag = marker('report')
	await signIn(page, 'quantri')
	await page.goto('/bao-cao/phuong')
	// The annual period (the 6-month report belongs to the reports-ward walk-through).
	await page
		.getByRole('link', { name: /năm 2026/ })
		.filter({ hasNotText: '6 tháng' })
		.first()
		.click()
	await page.getByLabel('VI. Đề xuất, kiến nghị').fill(payload(tag))
	await page.getByRole('button', { name: 'Lưu báo cáo' }).click()
	await expect(page.getByText(/Đã lưu phiên bản \d+\./)).toBeVisible()
	await expectNothingRan(page, tag)
	await expect(page.getByLabel('VI. Đề xuất, kiến nghị')).toHaveValue(payload(tag))
	const version = /Đã lưu phiên bản (\d+)\./.exec(
		(await page.getByRole('status').first().textContent()) ?? '',
	)?.[1]
	await page.goto(`${new URL(page.url()).pathname}?phienBan=${version}`)
	await expect(
		page.getByRole('region', { name: new RegExp(`^Phiên bản ${version} — lưu lúc`) }),
	).toContainText(tag)
	await expectNothingRan(page, tag)
})
