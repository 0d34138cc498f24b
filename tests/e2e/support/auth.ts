import type { Page } from '@playwright/test'
import { type DemoAccount, demoAccounts } from '#server/demo/demo-accounts.ts'

export type DemoUsername = DemoAccount['username']

/** The demo account (seeded by `hocvuso start`) with this username. */
export function demoAccount(username: DemoUsername): DemoAccount {
	const account = demoAccounts.find((a) => a.username === username)
	if (!account) throw new Error(`No demo account ${username}`)
	return account
}

/**
 * Signs `page` in as one of the demo accounts, through the real sign-in form (username + password),
 * and returns once the page the form leads to has loaded.
 */
export async function signIn(
	page: Page,
	username: DemoUsername,
	options: { returnTo?: string } = {},
): Promise<void> {
	const account = demoAccount(username)
	const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : ''
	await page.goto(`/dang-nhap${query}`)
	await page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill(account.username)
	await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password)
	await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
	await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'))
}

/** Signs out through the header's button (a POST form carrying the CSRF token). */
export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click()
	await page.waitForURL((url) => url.pathname === '/dang-nhap')
}
