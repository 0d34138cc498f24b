import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// The public assistant (/tro-ly): asked the way citizens ask, answered from the national records with
// the source; alternatives when unsure; an honest "not found" with the ward's contact; the learning
// assistant; the JSON API; the procedure page; the guided AI practice. Signed out, on a phone.

test.use({ viewport: { width: 360, height: 740 } })

test.describe('without JavaScript (a plain form post)', () => {
	test.use({ javaScriptEnabled: false })

	test('a question typed without diacritics gets the structured, cited answer; a follow-up puts the fee first', async ({
		page,
	}) => {
		await page.goto('/tro-ly')
		await expect(page.getByRole('heading', { level: 1, name: 'Trợ lý ảo' })).toBeVisible()
		await page.getByLabel('Câu hỏi của bạn').fill('lam giay khai sinh cho con can giay to gi, sdt 0912345678')
		await page.getByRole('button', { name: 'Hỏi', exact: true }).click()
		await expect(page.getByRole('heading', { level: 2, name: 'Thủ tục đăng ký khai sinh' })).toBeVisible()
		await expect(page.getByText('Đã xóa khỏi câu hỏi trước khi xử lý: số điện thoại.')).toBeVisible()
		await expect(page.getByText('0912345678')).toHaveCount(0)
		await expect(page.getByRole('heading', { name: 'Giấy tờ cần có' })).toBeVisible()
		await expect(page.getByText(/Giấy chứng sinh/).first()).toBeVisible()
		await expect(page.getByRole('heading', { name: 'Theo dõi hồ sơ sau khi nộp' })).toBeVisible()
		const source = page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true })
		await expect(source).toHaveAttribute('href', /^https:\/\/dichvucong\.gov\.vn\//)

		await page.getByRole('button', { name: 'Lệ phí đăng ký khai sinh là bao nhiêu?' }).click()
		const headings = await page.locator('[data-answer] h3').allTextContents()
		expect(headings.indexOf('Phí, lệ phí')).toBeLessThan(headings.indexOf('Giấy tờ cần có'))
		await expect(page.getByRole('heading', { name: 'Bạn đã hỏi' })).toBeVisible()
	})

	test('unsure: "Có phải bạn muốn hỏi…" and one press asks about the choice; nothing found: the ward contact', async ({
		page,
	}) => {
		await page.goto('/tro-ly')
		await page.getByLabel('Câu hỏi của bạn').fill('thuế')
		await page.getByRole('button', { name: 'Hỏi', exact: true }).click()
		await expect(page.getByRole('heading', { name: 'Có phải bạn muốn hỏi…' })).toBeVisible()
		const choice = page.locator('.assistant-choices button').first()
		const title = (await choice.textContent()) ?? ''
		await choice.click()
		await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()

		await page.getByLabel('Câu hỏi của bạn').fill('thời tiết ngày mai thế nào')
		await page.getByRole('button', { name: 'Hỏi', exact: true }).click()
		await expect(page.getByText(/Tôi không tìm thấy thủ tục nào/)).toBeVisible()
		await expect(page.locator('.notice', { hasText: 'Liên hệ:' })).toContainText('Bộ phận Một cửa')
	})

	test('the learning assistant quotes a lesson and links to it', async ({ page }) => {
		await page.goto('/tro-ly?loai=hoc-tap')
		await expect(page.getByLabel('Kỹ năng số (bài học)')).toBeChecked()
		await page.getByLabel('Câu hỏi của bạn').fill('có nên đọc mã OTP cho người gọi điện không')
		await page.getByRole('button', { name: 'Hỏi', exact: true }).click()
		await expect(page.getByText('Trích từ bài').first()).toBeVisible()
		await expect(page.locator('[data-answer] a[href^="/hoc/bai/"]').first()).toBeVisible()
		await expect(page.getByRole('link', { name: 'Thực hành dùng AI an toàn' }).first()).toBeVisible()
	})

	test('the full procedure page and the guided AI-safety practice', async ({ page }) => {
		await page.goto('/thu-tuc/1.004873')
		await expect(
			page.getByRole('heading', { level: 1, name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân' }),
		).toBeVisible()
		await expect(page.getByRole('heading', { name: 'Căn cứ pháp lý' })).toBeVisible()

		await page.goto('/tro-ly/thuc-hanh-ai')
		await page
			.getByLabel('Câu bạn sẽ hỏi AI')
			.fill('Tôi tên Nguyễn Văn An, số 0912345678, viết giúp đơn xin nghỉ phép')
		await page.getByRole('button', { name: 'Kiểm tra' }).first().click()
		await expect(page.getByText(/Câu hỏi có thông tin cá nhân/)).toBeVisible()
		await page
			.getByLabel('Câu bạn sẽ hỏi AI')
			.fill('Hãy hướng dẫn tôi cách viết đơn xin nghỉ phép ngắn gọn, lịch sự?')
		await page.getByRole('button', { name: 'Kiểm tra' }).first().click()
		await expect(page.getByText(/Tốt lắm/)).toBeVisible()
		await page.getByLabel(/Xem trang thủ tục trên Cổng Dịch vụ công/).check()
		await page.getByRole('button', { name: 'Kiểm tra' }).nth(1).click()
		await expect(page.getByText(/^Đúng\. Phí, lệ phí/)).toBeVisible()
	})
})

// axe needs JavaScript in the page: the accessibility scans run here, on the same server-rendered pages.
test('every assistant page and answer passes axe (WCAG 2.2 AA)', async ({ page }) => {
	test.setTimeout(120_000) // seven axe scans and four answers: past 30 s on a 2-core CI machine
	await page.goto('/tro-ly')
	await expectNoA11yViolations(page)
	for (const question of ['lam giay khai sinh cho con', 'thuế', 'thời tiết ngày mai thế nào']) {
		await page.getByLabel('Câu hỏi của bạn').fill(question)
		await page.getByRole('button', { name: 'Hỏi', exact: true }).click()
		await expect(page.getByRole('heading', { name: 'Câu trả lời', exact: true })).toBeAttached()
		await expectNoA11yViolations(page)
	}
	await page.goto('/tro-ly?loai=hoc-tap')
	await page.getByLabel('Câu hỏi của bạn').fill('quét mã QR trả tiền thế nào')
	await page.getByRole('button', { name: 'Hỏi', exact: true }).click()
	await expect(page.getByText('Trích từ bài').first()).toBeVisible()
	await expectNoA11yViolations(page)
	await page.goto('/thu-tuc/1.004873')
	await expectNoA11yViolations(page)
	await page.goto('/tro-ly/thuc-hanh-ai')
	await page.getByRole('button', { name: 'Kiểm tra' }).nth(1).click()
	await expectNoA11yViolations(page)
})

test('with JavaScript, read-aloud says whether this device has a Vietnamese voice', async ({ page }) => {
	await page.goto('/tro-ly')
	await page.getByLabel('Câu hỏi của bạn').fill('đăng ký kết hôn')
	await page.getByRole('button', { name: 'Hỏi', exact: true }).click()
	await expect(page.getByRole('heading', { level: 2, name: 'Thủ tục đăng ký kết hôn' })).toBeVisible()
	const status = page.locator('[data-assistant-read-aloud] [data-status]')
	await expect(status).toHaveText(
		/Bấm "Đọc to" để nghe câu trả lời\.|Máy của bạn chưa có giọng đọc tiếng Việt|Trình duyệt này không hỗ trợ đọc to\./,
	)
	await expectNoA11yViolations(page)
})

test('the JSON API answers with sources keyed by ma_thu_tuc, and refuses what is not JSON', async ({
	request,
}) => {
	const response = await request.post('/api/v1/assistant/ask', {
		data: { question: 'xin giay xac nhan doc than', kind: 'procedure' },
	})
	expect(response.status()).toBe(200)
	const body = await response.json()
	expect(body.sources[0]).toEqual({
		id: '1.004873',
		title: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
		url: expect.stringMatching(/^https:\/\/dichvucong\.gov\.vn\//),
	})
	expect(body.answer).toContain('Giấy tờ cần có:')
	expect(Array.isArray(body.alternatives)).toBe(true)
	const invalid = await request.post('/api/v1/assistant/ask', { data: { question: '' } })
	expect(invalid.status()).toBe(400)
	const form = await request.post('/api/v1/assistant/ask', { form: { question: 'khai sinh' } })
	expect(form.status()).toBe(415)
})
