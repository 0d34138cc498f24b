import { signIn } from '#tests/e2e/support/auth.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Offline learning in Chromium: keep a course on the device (service worker + Cache Storage), lose the
// network, answer and finish a lesson, get the network back: what was done is sent once, and sending it
// again (a reply lost on the way) changes nothing.

test.use({ viewport: { width: 360, height: 740 } })

const QUEUE_KEY = 'hv-learn-queue-v1'

test('a course kept offline can be learnt without network; the work is synced exactly once', async ({
	page,
	context,
	consoleErrors,
}) => {
	// Requests the browser makes while offline fail, and it says so on the console.
	consoleErrors.allow(/ERR_INTERNET_DISCONNECTED|Failed to fetch|status of 503/)
	await signIn(page, 'hocvien')
	await page.goto('/hoc/khoa/vneid')
	await page.evaluate(() => navigator.serviceWorker.ready)
	await page.getByRole('button', { name: 'Lưu để học khi không có mạng' }).click()
	await expect(page.getByText('Khóa học đã được lưu trên máy này.', { exact: false })).toBeVisible()
	await page.reload()
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

	await context.setOffline(true)
	await page.goto('/hoc/bai/vneid-install-login')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Cài đặt, kích hoạt và đăng nhập ứng dụng VNeID',
	)
	await expect(page.locator('.lesson-body img').first()).toHaveJSProperty('complete', true)
	expect(
		await page
			.locator('.lesson-body img')
			.first()
			.evaluate((img: HTMLImageElement) => img.naturalWidth),
	).toBeGreaterThan(0)

	const q1 = page.locator('#cau-q1')
	await q1.getByRole('radio').first().check()
	await q1.getByRole('button', { name: 'Trả lời' }).click()
	await expect(q1.getByText('Đã lưu câu trả lời trên máy này.', { exact: false })).toBeVisible()
	await page.getByRole('button', { name: 'Tôi đã học xong bài này' }).click()
	await expect(page.getByText('Đã ghi trên máy này là bạn học xong bài.', { exact: false })).toBeVisible()
	const queued = await page.evaluate((key) => localStorage.getItem(key), QUEUE_KEY)
	const activities = (
		JSON.parse(queued ?? '[]') as { activity: { kind: string; lessonId: string } }[]
	).filter((e) => e.activity.lessonId === 'vneid-install-login' && e.activity.kind !== 'positionSaved')
	expect(activities.map((e) => e.activity.kind)).toEqual(['practiceAnswered', 'lessonCompleted'])

	await context.setOffline(false)
	await expect(page.getByText(/Đã gửi \d+ việc bạn làm lúc không có mạng/)).toBeVisible()
	const left = await page.evaluate((key) => localStorage.getItem(key), QUEUE_KEY)
	expect(JSON.parse(left ?? '[]')).toEqual([])

	await page.reload()
	await expect(page.locator('#cau-q1').getByText('Bạn đã trả lời câu này 1 lần.')).toBeVisible()
	await expect(page.getByText('Bạn đã học xong bài này. Giỏi lắm!')).toBeVisible()

	// The reply to the sync was lost, say: the browser sends the same activities again.
	await page.evaluate(
		([key, value]) => localStorage.setItem(key!, value!),
		[QUEUE_KEY, JSON.stringify(activities)],
	)
	await page.reload()
	await expect(page.getByText(/Đã gửi 2 việc bạn làm lúc không có mạng/)).toBeVisible()
	await page.reload()
	await expect(page.locator('#cau-q1').getByText('Bạn đã trả lời câu này 1 lần.')).toBeVisible()
	await page.goto('/hoc/khoa/vneid')
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Bài 3.' }).getByText('Đã học xong'),
	).toBeVisible()
})

test('a page not kept on the device says, without network, that it is not available offline', async ({
	page,
	context,
	consoleErrors,
}) => {
	consoleErrors.allow(/ERR_INTERNET_DISCONNECTED|Failed to fetch|status of 503/)
	await signIn(page, 'hocvien')
	await page.goto('/hoc')
	await page.evaluate(() => navigator.serviceWorker.ready)
	await page.reload()
	await context.setOffline(true)
	await page.goto('/hoc/bai/ai-what-is').catch(() => {})
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bạn đang không có mạng')
	await context.setOffline(false)
})
