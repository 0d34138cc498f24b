import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// The question bank for staff (issue 6 item 1): items imported from a spreadsheet, and a picture with its
// description added to one of them, shown back from its address; a file that is no picture is refused.

const png = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64',
)

test('ward staff import an item from a spreadsheet and give it a picture with a description', async ({
	page,
	consoleErrors,
}) => {
	test.slow()
	// The refused upload answers 400 on purpose (the page then says why).
	consoleErrors.allow(/status of 400/)
	await signIn(page, 'quantri')
	await page.goto('/quan-tri/cau-hoi')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ngân hàng câu hỏi')
	await expectNoA11yViolations(page)
	await page.getByLabel('Chọn tệp bảng tính').setInputFiles({
		name: 'cau-hoi.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'Mã câu hỏi,Khóa học,Năng lực,Bậc,Loại,Câu hỏi,A,B,Đáp án,Giải thích\n' +
				'vneid-e2e-hinh,vneid,2.6,CB1,đúng sai,Biểu tượng trong hình là của ứng dụng VNeID.,,,đúng,Ứng dụng VNeID có biểu tượng quốc huy trên nền đỏ.\n',
			'utf8',
		),
	})
	await page.getByRole('button', { name: 'Nhập câu hỏi' }).click()
	await expect(page.getByText(/^Đã nhập: \d+ câu mới, \d+ câu được cập nhật\.$/)).toBeVisible()

	await page.goto('/quan-tri/cau-hoi?khoa=vneid')
	const row = page.getByRole('row').filter({ hasText: 'vneid-e2e-hinh' })
	await row.getByText('Thêm hình cho câu vneid-e2e-hinh').click()
	// Not a picture: refused with the reason, nothing saved.
	await row.getByLabel('Tệp hình (PNG, JPEG hoặc WebP, tối đa 1 MB)').setInputFiles({
		name: 'hinh.svg',
		mimeType: 'image/svg+xml',
		buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
	})
	await row.getByLabel('Mô tả hình cho người không nhìn thấy').fill('Biểu tượng ứng dụng VNeID')
	await row.getByRole('button', { name: 'Lưu hình' }).click()
	await expect(page.getByRole('alert')).toContainText('tệp không phải hình PNG, JPEG hay WebP')
	await expect(page.getByRole('row').filter({ hasText: 'vneid-e2e-hinh' }).getByRole('img')).toHaveCount(0)

	const again = page.getByRole('row').filter({ hasText: 'vneid-e2e-hinh' })
	if (!(await again.getByLabel('Mô tả hình cho người không nhìn thấy').isVisible()))
		await again.getByText('Thêm hình cho câu vneid-e2e-hinh').click()
	await again
		.getByLabel('Tệp hình (PNG, JPEG hoặc WebP, tối đa 1 MB)')
		.setInputFiles({ name: 'vneid.png', mimeType: 'image/png', buffer: png })
	await again.getByLabel('Mô tả hình cho người không nhìn thấy').fill('Biểu tượng ứng dụng VNeID')
	await again.getByRole('button', { name: 'Lưu hình' }).click()
	await expect(page.getByRole('status')).toContainText('Đã lưu hình cho câu vneid-e2e-hinh.')
	const picture = page
		.getByRole('row')
		.filter({ hasText: 'vneid-e2e-hinh' })
		.getByRole('img', { name: 'Biểu tượng ứng dụng VNeID' })
	await expect(picture).toBeVisible()
	const response = await page.request.get((await picture.getAttribute('src')) as string)
	expect(response.headers()['content-type']).toBe('image/png')
	expect(Buffer.from(await response.body()).equals(png)).toBe(true)
	await expectNoA11yViolations(page)
})
