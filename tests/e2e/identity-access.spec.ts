import type { Page } from '@playwright/test'
import { signIn, signOut } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test, watchConsole } from '#tests/e2e/support/test.ts'

// Refusals (403, CSRF), lockout, account management and the audit trail, in the browser.

test('a page the role may not open is refused with the Vietnamese 403 page', async ({
	page,
	consoleErrors,
}) => {
	consoleErrors.allow(/status of 403/)
	await signIn(page, 'tinhnguyen')
	const response = await page.goto('/quan-tri/tai-khoan')
	expect(response?.status()).toBe(403)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập')
	await expect(page.getByText('Mã lỗi: 403')).toBeVisible()
	await expectNoA11yViolations(page)
})

test('a form post without the CSRF token is refused and changes nothing', async ({
	page,
	playwright,
	baseURL,
}) => {
	await signIn(page, 'giangvien')
	// Same cookies as the page (so the session is there), but no token in the body.
	const signOutAttempt = await page.request.post('/dang-xuat', { form: { csrf: 'gia-mao' }, maxRedirects: 0 })
	expect(signOutAttempt.status()).toBe(403)
	expect(await signOutAttempt.text()).toContain('Không có quyền truy cập')
	const passwordAttempt = await page.request.post('/tai-khoan', {
		form: { intent: 'signOutEverywhere' },
		maxRedirects: 0,
	})
	expect(passwordAttempt.status()).toBe(403)
	await page.goto('/')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xin chào, Phạm Thị Lan')
	await page.goto('/tai-khoan')
	await expect(page.getByRole('cell', { name: /phiên này/ })).toBeVisible()
	await expectNoA11yViolations(page)

	// Signed out, the sign-in form is protected by the signed cookie: a bare post is refused too.
	const anonymous = await playwright.request.newContext({ baseURL })
	const bare = await anonymous.post('/dang-nhap', {
		form: { identifier: 'quantri', password: 'x' },
		maxRedirects: 0,
	})
	expect(bare.status()).toBe(403)
	await anonymous.dispose()
})

async function createAccount(page: Page, role: string, username: string): Promise<string> {
	await page.goto('/quan-tri/tai-khoan/tao-moi')
	await page.getByLabel('Họ và tên').fill(`Người thử ${username}`)
	await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username)
	await page.getByLabel('Vai trò').selectOption({ label: role })
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
	await expect(page.getByRole('heading', { name: `Đã tạo tài khoản ${username}.` })).toBeVisible()
	const text = (await page.locator('.temporary-password').textContent()) ?? ''
	const password = text.replace('Mật khẩu tạm: ', '').trim()
	expect(password).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/)
	return password
}

async function trySignIn(page: Page, identifier: string, password: string) {
	await page.goto('/dang-nhap')
	await page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill(identifier)
	await page.getByLabel('Mật khẩu', { exact: true }).fill(password)
	await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
}

test('five wrong passwords lock sign-in for 15 minutes, and the message says until when', async ({
	page,
	consoleErrors,
}) => {
	consoleErrors.allow(/status of 4(00|29)/)
	const username = `e2e-khoa-${Date.now().toString(36)}`
	await signIn(page, 'quantri')
	const temporary = await createAccount(page, 'Giảng viên', username)
	await signOut(page)
	for (let i = 1; i <= 4; i++) {
		await trySignIn(page, username, `sai-mat-khau-${i}`)
		await expect(page.getByRole('alert')).toContainText('không đúng')
	}
	await trySignIn(page, username, 'sai-mat-khau-5')
	await expect(page.getByRole('alert')).toContainText('Đăng nhập tạm bị khóa vì nhập sai mật khẩu nhiều lần')
	await expect(page.getByRole('alert')).toContainText(/thử lại sau \d{2}:\d{2} \(khoảng 1[45] phút nữa\)/)
	// Even the right password waits for the lock to end.
	await trySignIn(page, username, temporary)
	await expect(page.getByRole('alert')).toContainText('tạm bị khóa')
	await expectNoA11yViolations(page)
})

test('signing out everywhere ends the sessions on every device at once', async ({ page, browser }) => {
	const username = `e2e-moi-noi-${Date.now().toString(36)}`
	await signIn(page, 'quantri')
	const password = await createAccount(page, 'Giảng viên', username)
	await signOut(page)

	// The same person on a phone and on a shared computer.
	const other = await browser.newContext()
	const otherErrors = watchConsole(other)
	const computer = await other.newPage()
	for (const device of [page, computer]) {
		await trySignIn(device, username, password)
		await device.waitForURL('/')
	}
	await computer.goto('/tai-khoan')
	await expect(computer.getByRole('heading', { level: 1 })).toHaveText('Tài khoản của tôi')

	await page.goto('/tai-khoan')
	const sessions = page.getByRole('region', { name: 'Các phiên đăng nhập' }).getByRole('row')
	await expect(sessions).toHaveCount(3) // the header row and the two sessions
	await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click()
	await expect(page).toHaveURL('/dang-nhap?thongBao=da-dang-xuat-moi-noi')
	await expect(page.getByRole('status')).toHaveText('Bạn đã đăng xuất khỏi mọi thiết bị.')

	// The other device's next request finds no session.
	await computer.reload()
	await expect(computer).toHaveURL('/dang-nhap?returnTo=%2Ftai-khoan')
	await page.goto('/tai-khoan')
	await expect(page).toHaveURL('/dang-nhap?returnTo=%2Ftai-khoan')
	expect(otherErrors.unexpected()).toEqual([])
	await other.close()

	await signIn(page, 'quantri', { returnTo: `/quan-tri/nhat-ky?nguoi=${username}` })
	await expect(page.getByRole('row').filter({ hasText: 'Đăng xuất khỏi mọi thiết bị' })).toHaveCount(1)
})

test("an administrator adds a role with its scope to an account and takes another away; the person's menu follows", async ({
	page,
	browser,
}) => {
	const username = `e2e-vai-tro-${Date.now().toString(36)}`
	await signIn(page, 'quantri')
	const password = await createAccount(page, 'Giảng viên', username)
	await page.getByRole('link', { name: 'Xem tài khoản vừa tạo' }).click()
	const roles = page.getByRole('region', { name: 'Vai trò và phạm vi' })
	await expect(roles.getByRole('listitem').locator('span')).toHaveText(['Giảng viên — toàn phường'])

	await roles
		.getByLabel('Vai trò', { exact: true })
		.selectOption({ label: 'Tình nguyện viên (Tổ Công nghệ số cộng đồng, Đại sứ số)' })
	const group = roles.getByLabel('Tổ dân phố', { exact: true })
	await group.selectOption({ index: 2 })
	const groupName = (await group.locator('option:checked').textContent())?.trim() ?? ''
	expect(groupName).not.toBe('')
	await roles.getByRole('button', { name: 'Thêm vai trò' }).click()
	await expect(page.getByText('Đã thêm vai trò.')).toBeVisible()
	await expect(roles.getByRole('listitem').locator('span')).toHaveText([
		'Giảng viên — toàn phường',
		`Tình nguyện viên (Tổ Công nghệ số cộng đồng, Đại sứ số) — ${groupName}`,
	])
	await roles.getByRole('button', { name: 'Thu hồi vai trò Giảng viên — toàn phường' }).click()
	await expect(page.getByText('Đã thu hồi vai trò.')).toBeVisible()
	await expect(roles.getByRole('listitem').locator('span')).toHaveText([
		`Tình nguyện viên (Tổ Công nghệ số cộng đồng, Đại sứ số) — ${groupName}`,
	])
	await expectNoA11yViolations(page)

	// The person's menu is a volunteer's now: the door-to-door worklist, no classes to run.
	const other = await browser.newContext()
	const otherErrors = watchConsole(other)
	const person = await other.newPage()
	await trySignIn(person, username, password)
	await person.waitForURL('/')
	const menu = person.getByRole('navigation', { name: 'Điều hướng chính' })
	await expect(menu.getByRole('link', { name: 'Đi từng nhà' })).toBeVisible()
	await expect(menu.getByRole('link', { name: 'Lớp học' })).toHaveCount(0)
	expect(otherErrors.unexpected()).toEqual([])
	await other.close()
})

test('an administrator manages an account, the person is forced to choose a password, and the audit page shows it all', async ({
	page,
	browser,
	consoleErrors,
}) => {
	test.slow() // a whole administrator's session and another person's, one after the other
	consoleErrors.allow(/status of 400/)
	const username = `e2e-tk-${Date.now().toString(36)}`
	await signIn(page, 'quantri')
	await page.goto('/quan-tri/tai-khoan')
	await expectNoA11yViolations(page)
	// A group leader needs a residential group: without one the form says so.
	await page.goto('/quan-tri/tai-khoan/tao-moi')
	await page.getByLabel('Họ và tên').fill(`Người thử ${username}`)
	await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username)
	await page.getByLabel('Vai trò').selectOption({ label: 'Tổ trưởng tổ dân phố' })
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
	await expect(
		page.getByText('Vui lòng chọn tổ dân phố hoặc cơ quan, đơn vị phù hợp với vai trò.'),
	).toBeVisible()
	await page.getByLabel('Tổ dân phố').selectOption({ index: 1 })
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
	await expect(page.getByRole('heading', { name: `Đã tạo tài khoản ${username}.` })).toBeVisible()
	const password = ((await page.locator('.temporary-password').textContent()) ?? '')
		.replace('Mật khẩu tạm: ', '')
		.trim()
	await expectNoA11yViolations(page)

	// The new person signs in elsewhere and must first choose their own password.
	const other = await browser.newContext()
	const person = await other.newPage()
	await person.goto('/dang-nhap')
	await person.getByLabel('Tên đăng nhập hoặc số điện thoại').fill(username)
	await person.getByLabel('Mật khẩu', { exact: true }).fill(password)
	await person.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
	await person.waitForURL('/')
	await person.goto('/quan-tri/tai-khoan')
	await expect(person).toHaveURL('/tai-khoan?doiMatKhau=1')
	await expect(person.getByRole('alert')).toContainText('mật khẩu tạm')
	await person.getByLabel('Mật khẩu hiện tại').fill(password)
	await person.getByLabel('Mật khẩu mới', { exact: true }).fill('mot cum tu rat de nho')
	await person.getByLabel('Nhập lại mật khẩu mới').fill('mot cum tu rat de nho')
	await person.getByRole('button', { name: 'Đổi mật khẩu' }).click()
	await expect(person.getByRole('status')).toContainText('Đã đổi mật khẩu')

	// The administrator disables the account: the person's session ends at once.
	await page.getByRole('link', { name: 'Xem tài khoản vừa tạo' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Người thử ${username}`)
	await page.getByRole('button', { name: 'Cấp mật khẩu tạm mới' }).click()
	await expect(page.locator('.temporary-password')).toBeVisible()
	await page.getByRole('button', { name: 'Khóa tài khoản' }).click()
	await expect(
		page.getByText('Đã khóa tài khoản; mọi phiên đăng nhập của người này đã kết thúc.'),
	).toBeVisible()
	await expectNoA11yViolations(page)
	await person.goto('/tai-khoan')
	await expect(person).toHaveURL('/dang-nhap?returnTo=%2Ftai-khoan')
	await other.close()

	// The audit trail shows what was just done, by whom, without personal data.
	await page.goto(`/quan-tri/nhat-ky?nguoi=${username}`)
	const rows = page.getByRole('row')
	await expect(rows.filter({ hasText: 'Đăng nhập' }).first()).toBeVisible()
	await expect(rows.filter({ hasText: 'Đổi mật khẩu' })).toHaveCount(1)
	await page.goto('/quan-tri/nhat-ky?nguoi=quantri')
	await expect(rows.filter({ hasText: 'Tạo tài khoản' }).filter({ hasText: username })).toHaveCount(1)
	await expect(rows.filter({ hasText: 'Cấp mật khẩu tạm' }).first()).toBeVisible()
	await expect(rows.filter({ hasText: 'Khóa tài khoản' }).first()).toBeVisible()
	await page.getByLabel('Hành động').selectOption({ label: 'Tạo tài khoản' })
	await page.getByRole('button', { name: 'Lọc' }).click()
	await expect(page).toHaveURL(/hanhDong=account.created/)
	await expect(rows.filter({ hasText: username })).toHaveCount(1)
	await expectNoA11yViolations(page)

	// The auditor (read-only) sees the same trail.
	await signOut(page)
	await signIn(page, 'giamsat', { returnTo: '/quan-tri/nhat-ky?hanhDong=account.disabled' })
	await expect(page.getByRole('row').filter({ hasText: 'Khóa tài khoản' }).first()).toBeVisible()
})
