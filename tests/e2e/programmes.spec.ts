import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// The plan's programmes (issue 7): progress pages, the ward's "Gia đình số" criteria, a pilot model with
// evidence, and a group leader assigning a household to a digital ambassador of their group.

test('ward staff see every programme’s progress, change a criterion and register a pilot model', async ({
	page,
	consoleErrors,
}) => {
	test.slow()
	await signIn(page, 'quantri')
	await page.goto('/chuong-trinh')
	await expect(
		page.getByRole('heading', { level: 2, name: '“Mỗi công dân – Một danh tính số”' }),
	).toBeVisible()
	await expect(page.getByRole('table', { name: /VNeID mức 2, theo tổ dân phố/ })).toBeVisible()
	await expect(page.getByText(/hộ đạt “Gia đình số” trên \d+ hộ/)).toBeVisible()
	await expect(page.getByText(/đại sứ số đang phụ trách \d+\/\d+ hộ/)).toBeVisible()
	await expect(
		page.getByText(/mô hình “Bình dân học AI” đang hoạt động hoặc đã hoàn thành \(chỉ tiêu: 1\)/),
	).toBeVisible()
	await expectNoA11yViolations(page)

	await page.getByRole('link', { name: 'Sửa tiêu chí “Gia đình số”' }).click()
	await page.getByLabel('Áp dụng: Có đại sứ số phụ trách').check()
	await page.getByRole('button', { name: 'Lưu tiêu chí' }).click()
	await expect(page.getByRole('status')).toHaveText('Đã lưu tiêu chí. Kết quả được tính lại ngay.')
	await expectNoA11yViolations(page)
	// A refused save answers 400, which the browser logs.
	consoleErrors.allow(/status of 400 .*\/chuong-trinh\/gia-dinh-so\.data/)
	await page.getByLabel('Tuổi được tính là người lớn').fill('40')
	await page.getByRole('button', { name: 'Lưu tiêu chí' }).click()
	await expect(page.getByRole('alert')).toContainText('Ngưỡng không hợp lệ')

	await page.goto('/chuong-trinh/cho-so')
	await expect(page.getByText(/Trong \d+ người thuộc đối tượng/)).toBeVisible()
	await expectNoA11yViolations(page)

	await page.goto('/chuong-trinh/mo-hinh-diem')
	await page.getByLabel('Tên mô hình').fill('“Bình dân học AI” cho Hội Phụ nữ')
	await page.getByLabel('Mục tiêu').fill('Hội viên dùng AI để tra cứu thủ tục và phòng lừa đảo.')
	await page.getByLabel('Trạng thái').selectOption('active')
	await page.getByRole('button', { name: 'Đăng ký' }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: '“Bình dân học AI” cho Hội Phụ nữ' }),
	).toBeVisible()
	await page.getByLabel('Tên minh chứng').fill('Ảnh buổi ra mắt mô hình')
	await page.getByLabel('Hoặc tệp (ảnh, PDF, tối đa 2 MB)').setInputFiles({
		name: 'ra-mat.png',
		mimeType: 'image/png',
		buffer: Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
			'base64',
		),
	})
	await page.getByRole('button', { name: 'Thêm minh chứng' }).click()
	await expect(page.getByRole('status')).toHaveText('Đã thêm minh chứng.')
	const download = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Tải tệp ra-mat.png' }).click()
	expect((await download).suggestedFilename()).toBe('ra-mat.png')
	await expectNoA11yViolations(page)
})

test('a group leader assigns a household of their group to a digital ambassador', async ({ page }) => {
	test.slow()
	await signIn(page, 'totruong')
	await page.goto('/chuong-trinh/dai-su-so')
	await expectNoA11yViolations(page)
	const ambassador = page.locator('main table tbody tr th a').first()
	const name = ((await ambassador.textContent()) ?? '').trim()
	await ambassador.click()
	await expect(page.getByRole('heading', { level: 1, name: `Đại sứ số ${name}` })).toBeVisible()
	const before = await page.locator('main table tbody tr').count()
	await page.getByLabel('Tìm hộ chưa có đại sứ số (số hộ)').fill('0')
	await page.getByRole('button', { name: 'Tìm', exact: true }).click()
	await page
		.getByRole('button', { name: /^Giao hộ / })
		.first()
		.click()
	await expect(page.getByRole('status')).toHaveText('Đã giao hộ.')
	await expect(page.locator('main table tbody tr')).toHaveCount(before + 1)
	await expectNoA11yViolations(page)
	await page
		.getByRole('button', { name: /^Thôi phụ trách hộ / })
		.last()
		.click()
	await expect(page.getByRole('status')).toHaveText('Đã thôi phụ trách hộ.')
	await expect(page.locator('main table tbody tr')).toHaveCount(before)
})
