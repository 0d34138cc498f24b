import { demoAccounts } from '#server/demo/demo-accounts.ts'
import { signIn, signOut } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Signing in with a username and password as each demo role, and what each role's home offers.

const roleHome: Record<string, { sees: string[]; doesNotSee: string[] }> = {
	wardAdmin: { sees: ['Quản lý tài khoản', 'Nhật ký hoạt động', 'Tài khoản của tôi'], doesNotSee: [] },
	auditor: { sees: ['Nhật ký hoạt động', 'Tài khoản của tôi'], doesNotSee: ['Quản lý tài khoản'] },
	steeringStaff: { sees: ['Tài khoản của tôi'], doesNotSee: ['Quản lý tài khoản', 'Nhật ký hoạt động'] },
	focalPoint: { sees: ['Tài khoản của tôi'], doesNotSee: ['Quản lý tài khoản', 'Nhật ký hoạt động'] },
	groupLeader: { sees: ['Tài khoản của tôi'], doesNotSee: ['Quản lý tài khoản', 'Nhật ký hoạt động'] },
	volunteer: { sees: ['Tài khoản của tôi'], doesNotSee: ['Quản lý tài khoản', 'Nhật ký hoạt động'] },
	instructor: { sees: ['Tài khoản của tôi'], doesNotSee: ['Quản lý tài khoản', 'Nhật ký hoạt động'] },
	learner: { sees: ['Tài khoản của tôi'], doesNotSee: ['Quản lý tài khoản', 'Nhật ký hoạt động'] },
}

for (const account of demoAccounts) {
	test(`${account.role} (${account.username}) signs in and sees their role's home`, async ({ page }) => {
		await signIn(page, account.username)
		await expect(page).toHaveURL('/')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Xin chào, ${account.displayName}`)
		const header = page.getByRole('banner')
		await expect(header.getByRole('link', { name: `Tài khoản: ${account.displayName}` })).toBeVisible()
		await expect(header.getByRole('button', { name: 'Đăng xuất' })).toBeVisible()
		const main = page.getByRole('main')
		for (const name of roleHome[account.role]?.sees ?? []) {
			await expect(main.getByRole('link', { name, exact: true })).toBeVisible()
		}
		for (const name of roleHome[account.role]?.doesNotSee ?? []) {
			await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0)
		}
		await expectNoA11yViolations(page)
		await signOut(page)
		await expect(page.getByRole('status')).toHaveText('Bạn đã đăng xuất.')
		await page.goto('/tai-khoan')
		await expect(page).toHaveURL('/dang-nhap?returnTo=%2Ftai-khoan')
	})
}

test('the sign-in page offers VNeID and the staff form, and passes axe', async ({ page }) => {
	await page.goto('/dang-nhap')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng nhập')
	await expect(page.getByRole('link', { name: 'Đăng nhập bằng VNeID' })).toHaveAttribute(
		'href',
		'/dang-nhap/vneid',
	)
	await expectNoA11yViolations(page)
})

test('a wrong password gets the same message as an unknown account', async ({ page, consoleErrors }) => {
	consoleErrors.allow(/status of 400/)
	const message = 'Tên đăng nhập, số điện thoại hoặc mật khẩu không đúng. Vui lòng kiểm tra và thử lại.'
	for (const identifier of ['chidao', `khong-co-ai-${Date.now()}`]) {
		await page.goto('/dang-nhap')
		await page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill(identifier)
		await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau')
		await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
		await expect(page.getByRole('alert')).toHaveText(message)
	}
})

test('a protected page sends you to sign in and back again', async ({ page }) => {
	await page.goto('/quan-tri/nhat-ky?hanhDong=auth.signIn')
	await expect(page).toHaveURL('/dang-nhap?returnTo=%2Fquan-tri%2Fnhat-ky%3FhanhDong%3Dauth.signIn')
	await expect(page.getByText('Vui lòng đăng nhập để tiếp tục.')).toBeVisible()
	await page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill('giamsat')
	await page
		.getByLabel('Mật khẩu', { exact: true })
		.fill(demoAccounts.find((a) => a.username === 'giamsat')?.password ?? '')
	await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
	await expect(page).toHaveURL('/quan-tri/nhat-ky?hanhDong=auth.signIn')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhật ký hoạt động')
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('signing in, changing nothing, and signing out all work as plain forms', async ({ page }) => {
		await signIn(page, 'chidao')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xin chào, Trần Văn Thắng')
		await page.getByRole('link', { name: 'Tài khoản: Trần Văn Thắng' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tài khoản của tôi')
		await expect(page.getByRole('cell', { name: /phiên này/ })).toBeVisible()
		await signOut(page)
		await expect(page.getByRole('status')).toHaveText('Bạn đã đăng xuất.')
	})
})
