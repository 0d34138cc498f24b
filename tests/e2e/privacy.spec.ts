import fs from 'node:fs'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Personal-data duties on screen (Decree 13/2023/NĐ-CP): the public notice, consent recorded by staff and
// chosen by the person, the person's own download, and erasure on request.

test('anyone reads what the ward keeps and why, from the footer, on a phone', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 800 })
	await page.goto('/')
	await page.getByRole('link', { name: 'Dữ liệu cá nhân' }).click()
	await expect(page).toHaveURL('/du-lieu-ca-nhan')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dữ liệu cá nhân: phường lưu gì và vì sao')
	await expect(page.getByRole('heading', { name: 'Nhóm đối tượng (Dữ liệu nhạy cảm)' })).toBeVisible()
	await expect(page.getByText('Nội dung tệp bị xóa 30 ngày sau khi nhập').first()).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Quyền của bạn' })).toBeVisible()
	await expectNoA11yViolations(page)
})

test('ward staff record a resident’s consent; the history keeps who recorded it', async ({ page }) => {
	test.setTimeout(120_000)
	await signIn(page, 'quantri')
	await page.goto('/nguoi-dan?trang=2')
	const name = (await page.locator('main table tbody tr td a').first().textContent()) ?? ''
	await page.getByRole('link', { name }).first().click()
	await page.getByRole('link', { name: 'Sự đồng ý của người này' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sự đồng ý về dữ liệu cá nhân')
	const photos = page.getByRole('row', { name: /Chụp, đăng ảnh/ })
	await expect(photos).toContainText('Chưa hỏi')
	await expectNoA11yViolations(page)

	await page
		.getByLabel('Mục đích')
		.selectOption({ label: 'Chụp, đăng ảnh có hình người này làm minh chứng hoạt động' })
	await page.getByRole('radio', { name: 'Đồng ý', exact: true }).check()
	await page.getByLabel('Ghi chú (không bắt buộc)').fill('Phiếu số 7, ký tại nhà văn hóa')
	await page.getByRole('button', { name: 'Lưu quyết định' }).click()
	await expect(page.getByRole('status')).toHaveText('Đã lưu quyết định.')
	await expect(photos).toContainText('Đồng ý')
	await expect(photos).toContainText('Phiếu giấy có chữ ký')
	const history = page.getByRole('region', { name: 'Lịch sử' })
	await expect(history).toContainText('Phiếu số 7, ký tại nhà văn hóa')
	await expectNoA11yViolations(page)
})

test('a learner downloads their own data and chooses what they agree to', async ({ page }) => {
	test.setTimeout(120_000)
	await signIn(page, 'hocvien')
	await page.goto('/tai-khoan')
	const section = page.getByRole('region', { name: 'Dữ liệu của tôi' })
	await expect(section).toBeVisible()
	const download = page.waitForEvent('download')
	await section.getByRole('link', { name: 'Tải toàn bộ dữ liệu của tôi (.json)' }).click()
	const file = await (await download).path()
	const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		resident: { fullName: string }
		records: Record<string, unknown[]>
	}
	expect(exported.resident.fullName.length).toBeGreaterThan(3)
	expect(Object.keys(exported.records)).toContain('learner')

	const contact = section.getByRole('row', { name: /Tình nguyện viên gọi điện/ })
	await expect(contact).toContainText('Chưa hỏi')
	await section
		.getByRole('listitem')
		.filter({ hasText: 'Tình nguyện viên gọi điện' })
		.getByRole('button', { name: 'Đồng ý' })
		.click()
	await expect(contact).toContainText('Đồng ý')
	await expect(contact).toContainText('Tự chọn trên hệ thống')
	await expect(
		section.getByRole('listitem').filter({ hasText: 'Tình nguyện viên gọi điện' }).getByRole('button'),
	).toHaveText('Rút lại')
	await expectNoA11yViolations(page)
})

test('erasure on request: confirmed with a reason, the name is gone, statistics stay', async ({ page }) => {
	test.setTimeout(120_000)
	await signIn(page, 'quantri')
	await page.goto('/nguoi-dan?trang=3')
	const name = (await page.locator('main table tbody tr td a').first().textContent()) ?? ''
	await page.getByRole('link', { name }).first().click()
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
	const residentUrl = page.url()
	await page.getByRole('link', { name: 'Xóa dữ liệu cá nhân theo yêu cầu' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xóa dữ liệu cá nhân theo yêu cầu')
	await expect(page.getByText(name).first()).toBeVisible()
	await expectNoA11yViolations(page)

	await page.getByLabel('Lý do, căn cứ yêu cầu').fill('Đơn đề nghị của người dân ngày 01/12/2026')
	await page.getByRole('checkbox', { name: /Tôi đã kiểm tra yêu cầu/ }).check()
	await page.getByRole('button', { name: 'Xóa dữ liệu cá nhân' }).click()
	await expect(page).toHaveURL(residentUrl)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Người đã xóa dữ liệu')
	await expect(page.getByText(name)).toHaveCount(0)

	await page.goto(`${residentUrl}/xoa-du-lieu`)
	await expect(page.getByRole('status')).toHaveText('Dữ liệu cá nhân của người này đã được xóa theo yêu cầu.')
})
