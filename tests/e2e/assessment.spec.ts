import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { parse } from 'yaml'
import { pdfQrText, pdfText } from '#server/certification/testing/read-pdf.ts'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Assessment pages for learners (/hoc/kiem-tra…, /hoc/nang-luc): the adaptive placement test, a course
// quiz with and without JavaScript, results with explanations, mastery in plain words; and the answer key
// absent from the page and from the client bundles. Each test uses its own course so parallel runs on
// the one server do not meet.

test.use({ viewport: { width: 360, height: 740 } })

const root = path.resolve(import.meta.dirname, '../..')
type BankItem = {
	kind: string
	prompt: string
	options?: { id: string; text: string }[]
	targets?: { id: string; text: string }[]
	answer: (string | boolean)[] | boolean
	explanation: string
}
/** The question bank as the content files hold it (the test reads the key from disk, never from the page). */
const bank: BankItem[] = readdirSync(path.join(root, 'content/questions'))
	.filter((f) => f.endsWith('.yaml'))
	.flatMap(
		(f) =>
			(parse(readFileSync(path.join(root, 'content/questions', f), 'utf8')) as { items: BankItem[] }).items,
	)
/** Every explanation of the bank: none may appear on a page before its question is answered. */
const explanations: string[] = bank.map((i) => i.explanation)

async function ensureTrack(page: Page) {
	await page.goto('/hoc/lo-trinh')
	const choose = page.getByRole('button', { name: /Chọn lộ trình này.*Người dân$/ })
	if ((await choose.count()) > 0) await choose.click()
}

/** Answers every question on the page with its first choice (radio, check box or the first free number). */
async function answerAll(page: Page) {
	for (const set of await page.locator('fieldset.practice-item').all()) {
		const radios = set.locator('input[type=radio], input[type=checkbox]')
		if ((await radios.count()) > 0) {
			await radios.first().check()
			continue
		}
		const selects = set.locator('select')
		const n = await selects.count()
		for (let i = 0; i < n; i++) {
			const select = selects.nth(i)
			const values = await select
				.locator('option')
				.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
			const usable = values.filter((v) => v !== '')
			// Ranks must differ: give the i-th select the i-th number; a pairing takes the i-th target.
			await select.selectOption(usable[i % usable.length]!)
		}
	}
}

/** Answers every question on the page correctly, from the bank on disk (matched by its prompt). */
async function answerAllCorrectly(page: Page) {
	for (const set of await page.locator('fieldset.practice-item').all()) {
		const legend = (await set.locator('legend').textContent()) ?? ''
		const matches = bank.filter((i) => legend.includes(i.prompt))
		// The longest prompt contained in the legend is the item (a short prompt may sit inside a longer one).
		const item = matches.sort((a, b) => b.prompt.length - a.prompt.length)[0]
		expect(item, legend).toBeDefined()
		const key = ([] as (string | boolean)[]).concat(item!.answer)
		const textOf = (id: string) => item!.options?.find((o) => o.id === id)?.text
		const idOf = (text: string) => item!.options?.find((o) => o.text === text)?.id
		const labels = await set.locator('label.practice-option').all()
		for (const label of labels) {
			const text = ((await label.locator('span').first().textContent()) ?? '').trim()
			if (item!.kind === 'ordering') {
				await label.locator('select').selectOption(String(key.indexOf(idOf(text)!) + 1))
			} else if (item!.kind === 'matching') {
				const pair = key.find((k) => String(k).startsWith(`${idOf(text)}:`)) as string
				const target = item!.targets?.find((x) => x.id === pair.split(':')[1])?.text as string
				await label.locator('select').selectOption({ label: target })
			} else {
				const right =
					item!.kind === 'trueFalse'
						? text === (key[0] === true ? 'Đúng' : 'Sai')
						: key.some((id) => textOf(String(id)) === text)
				if (right) await label.locator('input').check()
			}
		}
	}
}

async function expectNoWiderThanScreen(page: Page) {
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
}

async function expectNoKeyInHtml(page: Page) {
	const html = await page.content()
	for (const text of explanations) expect(html.includes(text), text).toBe(false)
	// Options are posted as per-attempt tokens, never as option ids or true/false.
	expect(html).not.toMatch(/name="a\d+" value="([a-h]|true|false)"/)
	expect(html).not.toMatch(/"(answer|key|optionId|correct)"\s*:/)
}

test('a learner takes the adaptive placement test, sees where they stand and what they may skip', async ({
	page,
}) => {
	// Up to 15 round trips on a busy machine.
	test.setTimeout(180_000)
	await signIn(page, 'hocvien')
	await ensureTrack(page)
	await page.goto('/hoc/kiem-tra')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiểm tra kỹ năng')
	await expectNoA11yViolations(page)
	await page.getByRole('region', { name: 'Bài kiểm tra xếp lớp' }).getByRole('button').click()
	await expect(page).toHaveURL(/\/hoc\/kiem-tra\/bai\//)
	let asked = 0
	while (await page.getByRole('button', { name: 'Trả lời và sang câu tiếp' }).isVisible()) {
		await expect(page.locator('fieldset.practice-item')).toHaveCount(1)
		if (asked === 0) {
			await expectNoKeyInHtml(page)
			await expectNoA11yViolations(page)
		}
		// Every question fits the phone (a pairing's long choices once widened the page to 552 px).
		await expectNoWiderThanScreen(page)
		await answerAll(page)
		await page.getByRole('button', { name: 'Trả lời và sang câu tiếp' }).click()
		asked += 1
		expect(asked).toBeLessThanOrEqual(15)
	}
	await expect(page.getByRole('heading', { name: 'Kết quả' })).toBeVisible()
	await expect(
		page.getByRole('heading', { name: 'Đây là chỗ bạn đang đứng với từng kỹ năng:' }),
	).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Bài bạn có thể bỏ qua' })).toBeVisible()
	await expect(page.locator('li.practice-item')).toHaveCount(asked)
	await expectNoA11yViolations(page)
})

test('a course quiz with JavaScript: missing answers kept and flagged, then scored with every answer explained', async ({
	page,
	consoleErrors,
}) => {
	test.setTimeout(120_000)
	// Sending the quiz with questions left out answers 400 on purpose (the page then flags them).
	consoleErrors.allow(/status of 400/)
	await signIn(page, 'hocvien')
	await ensureTrack(page)
	await page.goto('/hoc/kiem-tra')
	await page.getByRole('listitem').filter({ hasText: 'Định danh điện tử VNeID' }).getByRole('button').click()
	await expect(page).toHaveURL(/\/hoc\/kiem-tra\/bai\//)
	await expect(page.locator('fieldset.practice-item')).toHaveCount(10)
	await expectNoKeyInHtml(page)
	await expectNoWiderThanScreen(page)
	await expectNoA11yViolations(page)
	// Send with the first question only: the others are flagged and the first answer is kept.
	const first = page.locator('fieldset.practice-item').first()
	const firstChoice = first.locator('input').first()
	if ((await firstChoice.count()) > 0) await firstChoice.check()
	await page.getByRole('button', { name: 'Nộp bài' }).click()
	await expect(page.getByRole('alert').first()).toContainText('chưa trả lời')
	if ((await firstChoice.count()) > 0) await expect(firstChoice).toBeChecked()
	await answerAll(page)
	await page.getByRole('button', { name: 'Nộp bài' }).click()
	await expect(page.getByRole('heading', { name: 'Kết quả' })).toBeVisible()
	await expect(page.getByText(/Bạn trả lời đúng \d+ trên 10 câu/)).toBeVisible()
	const reviewed = page.locator('li.practice-item')
	await expect(reviewed).toHaveCount(10)
	// Each question now shows its explanation, one of the bank's.
	const shown = await reviewed.locator('div > p:last-child').allTextContents()
	for (const text of shown) expect(explanations).toContain(text)
	await expectNoA11yViolations(page)

	await page.getByRole('link', { name: 'Xem tôi đã vững những gì' }).click()
	await expect(page).toHaveURL('/hoc/nang-luc')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tôi đã vững những gì')
	await expect(page.locator('[data-competency="2.6"]')).toContainText(
		/Chưa học|Đã biết qua|Làm được|Thành thạo/,
	)
	await expect(page.locator('[data-competency="2.6"]')).toContainText(/câu gần đây/)
	await expectNoA11yViolations(page)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('a course quiz works with plain forms and the result explains each answer', async ({ page }) => {
		test.setTimeout(120_000)
		await signIn(page, 'hocvien')
		await ensureTrack(page)
		await page.goto('/hoc/kiem-tra')
		await page.getByRole('listitem').filter({ hasText: 'Bảo vệ dữ liệu cá nhân' }).getByRole('button').click()
		await expect(page).toHaveURL(/\/hoc\/kiem-tra\/bai\//)
		await expectNoKeyInHtml(page)
		await answerAll(page)
		await page.getByRole('button', { name: 'Nộp bài' }).click()
		await expect(page.getByRole('heading', { name: 'Kết quả' })).toBeVisible()
		await expect(page.locator('li.practice-item')).toHaveCount(10)
		await expect(page.getByText('Bạn chọn:').first()).toBeVisible()
		// The same quiz can be taken again at once after a pass, or after a short wait after a fail.
		await page.goto('/hoc/kiem-tra')
		await expect(
			page
				.getByRole('listitem')
				.filter({ hasText: 'Bảo vệ dữ liệu cá nhân' })
				.getByText(/Lần gần nhất: đúng \d+%/),
		).toBeVisible()
	})
})

test('a learner passes the final assessment and downloads a certificate whose QR opens the verify page', async ({
	page,
	browser,
}) => {
	test.setTimeout(120_000)
	await signIn(page, 'hocvien')
	await ensureTrack(page)
	await page.goto('/hoc/kiem-tra')
	const final = page.getByRole('region', { name: 'Bài đánh giá cuối lộ trình' })
	await final.getByRole('button').click()
	await expect(page).toHaveURL(/\/hoc\/kiem-tra\/bai\//)
	await expect(page.locator('fieldset.practice-item')).toHaveCount(20)
	await expectNoKeyInHtml(page)
	await expectNoWiderThanScreen(page)
	await answerAllCorrectly(page)
	await page.getByRole('button', { name: 'Nộp bài' }).click()
	await expect(page.getByRole('heading', { name: 'Kết quả' })).toBeVisible()
	await expect(page.getByText('Bạn trả lời đúng 20 trên 20 câu', { exact: false })).toBeVisible()
	await expect(page.getByText('Giấy chứng nhận của bạn đã được cấp.')).toBeVisible()
	await expectNoA11yViolations(page)

	await page.getByRole('link', { name: 'Xem giấy chứng nhận' }).click()
	await expect(page).toHaveURL('/hoc/chung-nhan')
	await expectNoA11yViolations(page)
	const download = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' }).first().click()
	const bytes = readFileSync((await (await download).path()) as string)
	expect(pdfText(bytes)).toContain('GIẤY CHỨNG NHẬN')
	const qr = pdfQrText(bytes)
	expect(qr).toMatch(/\/xac-minh\/[2-9A-Z]{5}-[2-9A-Z]{5}\?ky=/)

	// The QR opened by anyone, signed out.
	const visitor = await browser.newContext()
	const phone = await visitor.newPage()
	await phone.goto(qr as string)
	await expect(phone.getByRole('heading', { name: 'Giấy chứng nhận hợp lệ' })).toBeVisible()
	await expect(phone.getByText(/Chữ ký số trong mã QR khớp với khóa công khai/)).toBeVisible()
	await visitor.close()
})

test('the client bundles carry no part of the question bank', async () => {
	const assets = path.join(root, 'build/client/assets')
	const bundle = readdirSync(assets)
		.filter((f) => f.endsWith('.js'))
		.map((f) => readFileSync(path.join(assets, f), 'utf8'))
		.join('\n')
	expect(bundle.length).toBeGreaterThan(1000)
	for (const text of explanations) expect(bundle.includes(text), text).toBe(false)
})
