import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { maskFullName } from '#server/certification/signed-payload.ts'
import { pdfQrText, pdfText } from '#server/certification/testing/read-pdf.ts'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Certificates (issue 6): staff find one and download its PDF; its QR code opens the public verify page,
// which shows a masked name and nothing else personal; revoked ones say so. The demo ward holds
// certificates from its first start (server/certification/demo-certificates.server.ts).

/** Opens the first certificate of a filtered staff list and returns its code and holder's name. */
async function openFirstCertificate(page: Page, query: string): Promise<{ code: string; fullName: string }> {
	await page.goto(`/chung-nhan?${query}`)
	const first = page.getByRole('table').getByRole('row').nth(1)
	const fullName = (await first.getByRole('link').textContent())?.trim() ?? ''
	await first.getByRole('link').click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/^Giấy chứng nhận [2-9A-Z]{5}-[2-9A-Z]{5}$/,
	)
	const code = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
		'Giấy chứng nhận ',
		'',
	)
	return { code, fullName }
}

test('staff download a certificate PDF whose QR code opens the verify page with a masked name', async ({
	page,
	browser,
}) => {
	test.setTimeout(120_000) // a PDF read back with poppler, a QR decoded, five axe scans on a shared machine
	await signIn(page, 'quantri')
	await page.goto('/chung-nhan')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giấy chứng nhận')
	await expect(page.getByRole('status')).toHaveText(/^\d[\d.]* giấy chứng nhận$/)
	await expectNoA11yViolations(page)
	const { code, fullName } = await openFirstCertificate(page, 'canCu=final_assessment&trangThai=valid')
	await expectNoA11yViolations(page)

	const download = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' }).click()
	const file = await download
	expect(file.suggestedFilename()).toBe(`giay-chung-nhan-${code}.pdf`)
	const bytes = fs.readFileSync((await file.path()) as string)
	const text = pdfText(bytes).replace(/[ \t]+/g, ' ')
	expect(text).toContain('GIẤY CHỨNG NHẬN')
	expect(text).toContain(fullName)
	expect(text).toContain(code)
	const qr = pdfQrText(bytes)
	expect(qr).toMatch(new RegExp(`/xac-minh/${code}\\?ky=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`))

	// Anyone, signed out, on a small phone: the QR link.
	const visitor = await browser.newContext({ viewport: { width: 360, height: 740 } })
	const phone = await visitor.newPage()
	await phone.goto(qr as string)
	await expect(phone.getByRole('heading', { name: 'Giấy chứng nhận hợp lệ' })).toBeVisible()
	await expect(phone.getByTestId('masked-name')).toHaveText(maskFullName(fullName))
	await expect(phone.getByText(/Chữ ký số trong mã QR khớp với khóa công khai/)).toBeVisible()
	// Nothing personal beyond the masked name: the page's HTML holds no word of the name (bar one-letter
	// ones) as a whole word — once the public facts are taken out, since a resident may be called like
	// their ward ("Công" in "Phường Sông Công") or a word of a label.
	let html = await phone.content()
	const facts = await phone.locator('dl.facts dd').allTextContents()
	for (const fact of [...facts.slice(1), 'Phường Sông Công', 'Tỉnh Thái Nguyên'])
		html = html.split(fact).join('')
	expect(html).not.toContain(fullName)
	for (const word of fullName.split(/\s+/).filter((w) => w.length > 1))
		expect(html).not.toMatch(new RegExp(`(?<![\\p{L}\\p{M}])${word}(?![\\p{L}\\p{M}])`, 'u'))
	await expectNoA11yViolations(phone)
	const width = await phone.evaluate(() => document.documentElement.scrollWidth)
	expect(width).toBeLessThanOrEqual(360)

	// A forged payload on the same code is called out.
	await phone.goto(
		`/xac-minh/${code}?ky=${Buffer.from(`1|x|${code}|x|x|2020-01-01|A`).toString('base64url')}.AAAA`,
	)
	await expect(phone.getByText(/KHÔNG khớp/)).toBeVisible()
	// The code typed by hand, lower case and without the dash, leads to the same page.
	await phone.goto('/xac-minh')
	await phone.getByLabel('Số hiệu giấy chứng nhận').fill(code.toLowerCase().replace('-', ''))
	await phone.getByRole('button', { name: 'Kiểm tra' }).click()
	await expect(phone).toHaveURL(`/xac-minh/${code}`)
	await expect(phone.getByRole('heading', { name: 'Giấy chứng nhận hợp lệ' })).toBeVisible()
	await phone.goto('/xac-minh/ABCDE-FGHJK')
	await expect(phone.getByRole('heading', { name: 'Không tìm thấy giấy chứng nhận' })).toBeVisible()
	await expectNoA11yViolations(phone)
	await phone.goto('/xac-minh/khoa-cong-khai')
	await expect(phone.getByText('-----BEGIN PUBLIC KEY-----', { exact: false })).toBeVisible()
	await expectNoA11yViolations(phone)
	await visitor.close()
})

test('a revoked certificate shows as revoked on the verify page; staff revoke one with a reason', async ({
	page,
}) => {
	await signIn(page, 'quantri')
	const revoked = await openFirstCertificate(page, 'trangThai=revoked')
	await page.goto(`/xac-minh/${revoked.code}`)
	await expect(page.getByRole('heading', { name: 'Giấy chứng nhận đã bị thu hồi' })).toBeVisible()
	// The reason is for staff only.
	await expect(page.getByText('Cấp nhầm người')).toHaveCount(0)
	await expectNoA11yViolations(page)

	// Revoke a certificate recorded from the VNeID list (no other spec uses those).
	const target = await openFirstCertificate(page, 'canCu=vneid&trangThai=valid')
	await page.getByRole('button', { name: 'Thu hồi' }).click()
	// The reason is required: the browser's own check stops an empty form.
	await expect(page.getByText('Đã thu hồi giấy chứng nhận.')).toHaveCount(0)
	await page.getByLabel('Lý do thu hồi').fill('Danh sách VNeID gửi nhầm người, đã đối chiếu lại.')
	await page.getByRole('button', { name: 'Thu hồi' }).click()
	await expect(page.getByText('Đã thu hồi giấy chứng nhận.')).toBeVisible()
	await expect(page.getByText(/Đã thu hồi — .*Danh sách VNeID gửi nhầm người/)).toBeVisible()
	// A revoked certificate is not printed again.
	await expect(page.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' })).toHaveCount(0)
	await page.goto(`/xac-minh/${target.code}`)
	await expect(page.getByRole('heading', { name: 'Giấy chứng nhận đã bị thu hồi' })).toBeVisible()
})
