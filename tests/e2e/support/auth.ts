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
 * Signs `page` in as one of the demo accounts, through the real sign-in form, and returns once the
 * signed-in page has loaded. For the identity work to fill in when the sign-in page exists; until
 * then it says so instead of pretending.
 */
export async function signIn(page: Page, username: DemoUsername): Promise<void> {
	const account = demoAccount(username)
	void page
	throw new Error(
		`signIn(${account.username}): the sign-in page does not exist yet (tests/e2e/support/auth.ts)`,
	)
}
