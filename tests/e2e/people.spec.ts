import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// The people registry on screen: search typed without diacritics, masked identifiers, edits that
// never silently overwrite each other, and scope (a group leader sees their group only).

test('a ward administrator finds a resident typed without diacritics and reveals the ID number', async ({
	page,
}) => {
	await signIn(page, 'quantri')
	await page.getByRole('link', { name: 'Người dân' }).first().click()
	await expect(page.getByRole('heading', { level: 1, name: 'Người dân' })).toBeVisible()
	await expectNoA11yViolations(page)

	// Take a real name from the list, then search for it in lower case without diacritics.
	const firstName = (await page.locator('main table tbody tr td a').first().textContent()) ?? ''
	const folded = firstName
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase()
	await page.getByLabel('Họ và tên').fill(folded)
	await page.getByRole('button', { name: 'Lọc danh sách' }).click()
	await expect(page).toHaveURL(/q=/)
	await expect(page.getByRole('link', { name: firstName }).first()).toBeVisible()

	await page.getByRole('link', { name: firstName }).first().click()
	await expect(page.getByRole('heading', { level: 1, name: firstName })).toBeVisible()
	await expectNoA11yViolations(page)
	const idCell = page.locator('.facts dd .mono').first()
	await expect(idCell).toHaveText(/^\d{4}\*+\d{2}$/)
	await page.getByRole('button', { name: /Hiện đầy đủ Số định danh/ }).click()
	await expect(page.locator('.facts dd .mono').first()).toHaveText(/^\d{12}$/)
	await expect(page.getByText('Đang hiện đầy đủ (đã ghi nhật ký)')).toBeVisible()
})

test('two people editing the same resident: the second save is refused and shows the other change', async ({
	browser,
}) => {
	const firstContext = await browser.newContext()
	const secondContext = await browser.newContext()
	const first = await firstContext.newPage()
	const second = await secondContext.newPage()
	await signIn(first, 'quantri')
	await signIn(second, 'quantri')
	await first.goto('/nguoi-dan?sort=-age')
	await first.locator('main table tbody tr td a').nth(3).click()
	await first.waitForURL(/\/nguoi-dan\/[0-9a-f-]{36}$/)
	const detailUrl = first.url()
	await first.getByRole('link', { name: 'Sửa thông tin' }).click()
	await second.goto(`${detailUrl}/sua`)

	const stamp = `Thợ may ${Date.now() % 100000}`
	await first.getByLabel('Nghề nghiệp').fill(stamp)
	await first.getByRole('button', { name: 'Lưu thay đổi' }).click()
	await expect(first.getByText('Đã lưu thông tin.')).toBeVisible()

	await second.getByLabel('Nghề nghiệp').fill('Nông dân')
	await second.getByRole('button', { name: 'Lưu thay đổi' }).click()
	const alert = second.getByRole('alert')
	await expect(alert).toContainText('Thay đổi của bạn CHƯA được lưu')
	await expect(alert.getByRole('row', { name: /Nghề nghiệp/ })).toContainText(stamp)
	await expectNoA11yViolations(second)

	// The first person's change is what is stored.
	await first.goto(detailUrl)
	await expect(first.getByText(stamp)).toBeVisible()
	await firstContext.close()
	await secondContext.close()
})

test('a wrong personal ID number is refused with a Vietnamese reason and nothing changes', async ({
	page,
	consoleErrors,
}) => {
	consoleErrors.allow(/status of 400 \(Bad Request\)/)
	await signIn(page, 'quantri')
	await page.goto('/nguoi-dan?sort=age&ageBand=36-59')
	await page.locator('main table tbody tr td a').first().click()
	await page.getByRole('link', { name: 'Sửa thông tin' }).click()
	await page.getByLabel('Số định danh cá nhân mới').fill('099123456789')
	await page.getByRole('button', { name: 'Lưu thay đổi' }).click()
	await expect(page.getByText(/Mã tỉnh|mã tỉnh/)).toBeVisible()
	await expect(page.getByLabel('Số định danh cá nhân mới')).toHaveAttribute('aria-invalid', 'true')
})

test('a residential group leader sees only their own group', async ({ page, consoleErrors }) => {
	consoleErrors.allow(/status of 404/)
	await signIn(page, 'totruong')
	await page.goto('/nguoi-dan')
	const groupOptions = await page.getByLabel('Tổ dân phố').locator('option').allTextContents()
	// "Tất cả" plus exactly one residential group.
	expect(groupOptions).toHaveLength(2)
	const groupCells = await page.locator('main table tbody tr td:nth-child(4)').allTextContents()
	expect(new Set(groupCells).size).toBe(1)
	await expectNoA11yViolations(page)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })
	test('the filter form and paging work', async ({ page }) => {
		await signIn(page, 'quantri')
		await page.goto('/nguoi-dan')
		await page.getByLabel('Giới tính').selectOption('female')
		await page.getByRole('button', { name: 'Lọc danh sách' }).click()
		await expect(page).toHaveURL(/sex=female/)
		const sexes = await page.locator('main table tbody tr td:nth-child(3)').allTextContents()
		expect(sexes.length).toBeGreaterThan(0)
		expect(new Set(sexes)).toEqual(new Set(['Nữ']))
		await page.getByRole('link', { name: 'Trang sau' }).click()
		await expect(page).toHaveURL(/trang=2/)
	})
})
