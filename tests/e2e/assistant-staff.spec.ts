import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Staff and volunteers: what people asked and what failed, a procedure corrected and annotated (kept in
// the history and shown to citizens), a synonym that changes what the assistant understands, and a
// volunteer following an online dossier. Each test uses its own words and records (parallel workers).

const stamp = () => `${Date.now() % 1_000_000}`

test('the ward sees what people asked and what failed, and corrects a procedure with history', async ({
	page,
	browser,
}) => {
	const marker = `nuôi ong mật ${stamp()}`
	const visitor = await browser.newPage()
	await visitor.goto('/tro-ly')
	await visitor.getByLabel('Câu hỏi của bạn').fill(`cách ${marker} cho giỏi`)
	await visitor.getByRole('button', { name: 'Hỏi', exact: true }).click()
	await expect(visitor.getByText(/Tôi không tìm thấy/)).toBeVisible()
	await visitor.close()

	await signIn(page, 'quantri')
	await page.getByRole('link', { name: 'Quản lý trợ lý' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Quản lý trợ lý ảo' })).toBeVisible()
	await page.getByLabel('Kết quả').selectOption('notFound')
	await page.getByRole('button', { name: 'Lọc', exact: true }).click()
	await expect(page.getByRole('cell', { name: `cách ${marker} cho giỏi` })).toBeVisible()
	await expectNoA11yViolations(page)

	await page.getByRole('link', { name: 'Thủ tục hành chính', exact: true }).click()
	await page.getByLabel(/Tìm thủ tục/).fill('dang ky giam ho')
	await page.getByRole('button', { name: 'Lọc', exact: true }).click()
	await page.getByRole('link', { name: 'Thủ tục đăng ký giám hộ', exact: true }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký giám hộ' })).toBeVisible()
	await expectNoA11yViolations(page)
	const note = `Nộp tại bàn số 2, bộ phận một cửa (${stamp()}).`
	await page.getByLabel('Ghi chú của phường:').fill(note)
	await page.getByLabel('Lý do sửa (ghi vào lịch sử)').fill('Hướng dẫn cho người dân')
	await page.getByRole('button', { name: 'Lưu', exact: true }).click()
	await expect(page.getByText(/^Đã lưu\./)).toBeVisible()
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Sửa ghi chú của phường' }).first(),
	).toContainText('Hướng dẫn cho người dân')

	await page.goto('/thu-tuc/1.004837')
	await expect(page.getByText(note)).toBeVisible()
})

test('a synonym staff add changes what the assistant understands', async ({ page }) => {
	const phrase = `nhận trông cháu mồ côi ${stamp()}`
	await signIn(page, 'quantri')
	await page.goto('/quan-tri/tro-ly/tu-dong-nghia')
	await expect(page.getByRole('cell', { name: 'công chứng', exact: true })).toBeVisible()
	await page.getByLabel('Người dân nói').fill(phrase)
	await page.getByLabel('Trợ lý hiểu là').fill('đăng ký giám hộ')
	await page.getByRole('button', { name: 'Thêm', exact: true }).click()
	await expect(page.getByText(/^Đã thêm\./)).toBeVisible()
	await expectNoA11yViolations(page)

	await page.goto('/tro-ly')
	await page.getByLabel('Câu hỏi của bạn').fill(phrase)
	await page.getByRole('button', { name: 'Hỏi', exact: true }).click()
	await expect(page.getByRole('heading', { level: 2, name: 'Thủ tục đăng ký giám hộ' })).toBeVisible()

	await page.goto('/quan-tri/tro-ly/tu-dong-nghia')
	await page.getByRole('button', { name: `Xóa "${phrase}"` }).click()
	await expect(page.getByText('Đã xóa.')).toBeVisible()
	await expect(page.getByRole('cell', { name: phrase })).toHaveCount(0)
})

test('a volunteer records an online dossier and follows its status', async ({ page }) => {
	const code = `G22.99.25-251124-${stamp()}`
	await signIn(page, 'tinhnguyen')
	await page.getByRole('link', { name: 'Hồ sơ trực tuyến' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ trực tuyến đã hỗ trợ' })).toBeVisible()
	await expectNoA11yViolations(page)
	await page.getByLabel('Thủ tục', { exact: true }).fill('dang ky khai sinh')
	await page.getByLabel('Mã hồ sơ').fill(code)
	await page.getByLabel('Ngày nộp').fill('2026-11-20')
	await page.getByLabel('Ghi chú').fill('Giúp bà cụ ở tổ 3, số 0912345678')
	await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
	await expect(page.getByText('Đã lưu hồ sơ.')).toBeVisible()
	await page.getByRole('link', { name: 'Mở hồ sơ' }).click()
	await expect(page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` })).toBeVisible()
	await expect(page.getByText('Thủ tục đăng ký khai sinh')).toBeVisible()
	// The note's phone number never reached the database.
	await expect(page.getByText(/\[số điện thoại\]/)).toBeVisible()
	await expect(page.getByText('0912345678')).toHaveCount(0)
	await page.getByLabel('Tình trạng mới').selectOption('inProgress')
	await page.getByRole('button', { name: 'Cập nhật tình trạng' }).click()
	await expect(page.getByText('Đã cập nhật tình trạng.')).toBeVisible()
	await expect(page.locator('.facts')).toContainText('Đang xử lý')
	await expectNoA11yViolations(page)
})
