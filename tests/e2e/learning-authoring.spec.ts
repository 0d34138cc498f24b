import type { Locator } from '@playwright/test'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Staff authoring: write a lesson on screen, preview, publish, see it as a learner; HTML typed into a
// lesson never reaches a page as HTML; the framework's names and notes are edited in versions.

const practice = `- id: q1
  kind: trueFalse
  competency: "4.2"
  prompt: Mã OTP chỉ dùng cho chính mình, không đọc cho ai.
  answer: true
  explanation: Ai có mã OTP có thể lấy tiền hoặc tài khoản của bạn.
- id: q2
  kind: singleChoice
  competency: "4.2"
  prompt: Người lạ gọi điện xin mã OTP, bạn làm gì?
  options:
    - { id: a, text: "Không đọc mã, cúp máy" }
    - { id: b, text: "Đọc mã cho nhanh" }
  answer: [a]
  explanation: Cơ quan, ngân hàng không bao giờ hỏi mã OTP.`

test('staff write a lesson, preview it inertly, are refused HTML, publish, and learners see it as text', async ({
	page,
	consoleErrors,
}) => {
	test.setTimeout(120_000) // write, preview, refuse, publish, then read as a learner: past 30 s on 2 cores
	consoleErrors.allow(/status of 400/)
	const dialogs: string[] = []
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message())
		await dialog.dismiss()
	})
	await signIn(page, 'quantri')
	await page.getByRole('main').getByRole('link', { name: 'Soạn nội dung học' }).click()
	await expect(page).toHaveURL('/quan-tri/noi-dung')
	await expectNoA11yViolations(page)

	const lessonId = `phuong-otp-${Date.now().toString(36)}`
	await page
		.getByRole('link', { name: /Thêm bài học mới.*Chuyển đổi số, AI và trợ lý ảo hành chính/ })
		.click()
	await page.getByLabel('Mã bài học').fill(lessonId)
	await page.getByLabel('Tên bài').fill('Giữ bí mật mã OTP (bài của phường)')
	await page.getByLabel('Tóm tắt (một hai câu)').fill('Mã OTP là chìa khóa dùng một lần. Không đưa cho ai.')
	await page.getByLabel('Thời lượng (phút)').fill('6')
	await page.getByRole('checkbox', { name: /^4\.2 —/ }).check()
	await page.getByLabel('Câu luyện tập (YAML, 2–4 câu)').fill(practice)
	await page
		.getByLabel('Nội dung bài (Markdown)')
		.fill(
			'## Mã OTP\n\nKhông đọc mã cho ai. <script>alert("otp")</script>\n\n<img src=x onerror="alert(1)">\n\n[bấm](javascript:alert(2))',
		)
	await page.getByRole('button', { name: 'Xem trước' }).click()
	const preview = page.locator('[data-preview]')
	await expect(preview).toContainText('<script>alert("otp")</script>')
	await expect(preview.locator('script, img[onerror], a[href^="javascript"]')).toHaveCount(0)
	await expect(page.getByText('Dòng 3: Bài học không được chứa mã HTML (<script>)')).toBeVisible()
	await expectNoA11yViolations(page)

	await page.getByRole('button', { name: 'Xuất bản' }).click()
	await expect(page.getByRole('alert').first()).toHaveText(
		'Bài chưa hợp lệ. Xem các lỗi ở từng mục bên dưới.',
	)
	await expect(page).toHaveURL(/bai-moi$/)

	// Text that merely shows a tag (escaped in Markdown) is allowed, and stays text on the learner's page.
	await page
		.getByLabel('Nội dung bài (Markdown)')
		.fill(
			'## Mã OTP\n\nKhông đọc mã cho ai. Tin nhắn lừa đảo có thể chứa \\<script\\>alert(1)\\</script\\> hoặc `<img onerror=alert(2)>`.',
		)
	await page.getByLabel('Ghi chú thay đổi (không bắt buộc)').fill('Bài mới')
	await page.getByRole('button', { name: 'Xuất bản' }).click()
	await expect(page).toHaveURL(new RegExp(`/quan-tri/noi-dung/bai/${lessonId}\\?daXuatBan=1$`))
	await expect(page.getByRole('status')).toHaveText('Đã xuất bản (phiên bản 1). Người học thấy bài mới ngay.')
	await expectNoA11yViolations(page)

	await page.getByRole('link', { name: 'Xem như người học' }).click()
	await expect(page).toHaveURL(`/hoc/bai/${lessonId}`)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giữ bí mật mã OTP (bài của phường)')
	const body = page.locator('.lesson-body')
	await expect(body).toContainText('<script>alert(1)</script>')
	await expect(body).toContainText('<img onerror=alert(2)>')
	await expect(body.locator('script, img')).toHaveCount(0)
	expect(dialogs).toEqual([])

	// A second version: saved as a draft first, then published; both kept.
	await page.goto(`/quan-tri/noi-dung/bai/${lessonId}`)
	await page.getByLabel('Tên bài').fill('Giữ bí mật mã OTP')
	await page.getByRole('button', { name: 'Lưu bản nháp' }).click()
	await expect(page.getByRole('status')).toHaveText('Đã lưu bản nháp (phiên bản 2).')
	await page.getByRole('button', { name: 'Xuất bản bản nháp này' }).click()
	await expect(page.getByRole('status')).toHaveText('Đã xuất bản (phiên bản 2). Người học thấy bài mới ngay.')
	const history = page.getByRole('region', { name: 'Lịch sử phiên bản' })
	await expect(history.getByRole('row')).toHaveCount(3)
	await expect(history.getByRole('row').nth(1)).toContainText('Đang dùng')
	await expect(history.getByRole('row').nth(2)).toContainText('Bản cũ')
})

test('staff correct the framework: each save is a new version, kept in the history', async ({ page }) => {
	await signIn(page, 'quantri')
	await page.goto('/quan-tri/noi-dung/khung-nang-luc')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Khung năng lực số')
	await expect(
		page.getByRole('heading', { name: /Khung năng lực số cho người học \(Thông tư 02\/2025\/TT-BGDĐT\)/ }),
	).toBeVisible()
	await expectNoA11yViolations(page)
	const domain6 = page.locator('details', { hasText: 'Miền 6.' })
	await open(domain6)
	const plain = domain6.getByLabel('Tên dễ hiểu cho người học (tiếng Việt)')
	const before = await plain.inputValue()
	await plain.fill('Dùng trí tuệ nhân tạo (AI) an toàn và đúng cách')
	await page.getByRole('button', { name: /Lưu phiên bản mới.*Khung năng lực số cho người học/ }).click()
	await expect(page.getByRole('status')).toHaveText('Đã lưu phiên bản mới của khung.')
	await expect(
		page.getByRole('region', { name: 'Lịch sử phiên bản' }).first().getByRole('row'),
	).not.toHaveCount(2)
	await expectNoA11yViolations(page)
	// Put the wording back for other tests.
	const again = page.locator('details', { hasText: 'Miền 6.' })
	await open(again)
	await again.getByLabel('Tên dễ hiểu cho người học (tiếng Việt)').fill(before)
	await page.getByRole('button', { name: /Lưu phiên bản mới.*Khung năng lực số cho người học/ }).click()
	await expect(page.getByRole('status')).toHaveText('Đã lưu phiên bản mới của khung.')
})

/** Opens a <details> section (it stays open across a save: the page is not reloaded). */
async function open(details: Locator) {
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
		await details.locator('summary').click()
}

test('people without the content permission cannot open the authoring pages', async ({
	page,
	consoleErrors,
}) => {
	consoleErrors.allow(/status of 403/)
	await signIn(page, 'hocvien')
	const response = await page.goto('/quan-tri/noi-dung')
	expect(response?.status()).toBe(403)
	await expect(page.getByRole('link', { name: 'Nội dung học' })).toHaveCount(0)
})
