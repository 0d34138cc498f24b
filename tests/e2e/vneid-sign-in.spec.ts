import type { Page } from '@playwright/test'
import { listDemoCitizens } from '#server/demo/generate-demo-ward.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { E2E_WARD_SIZE } from '#tests/e2e/support/global-setup.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// "Đăng nhập bằng VNeID" end to end, against the VNeID sandbox that `hocvuso start` mounts in demo
// mode: the redirect to the provider, its login and consent pages, the callback, the session.

const citizens = listDemoCitizens({ residents: E2E_WARD_SIZE, seed: 2026 }, 7)
const [learner] = citizens
// A resident of the demo ward with no account of any kind: their first VNeID sign-in creates one.
const newcomer = citizens[6]
if (!learner || !newcomer) throw new Error('the demo ward has too few adult residents')
const OUTSIDER = 'Phạm Minh Khang'

/** From the sign-in page to the sandbox's login page. */
async function openSandbox(page: Page): Promise<void> {
	await page.goto('/dang-nhap')
	await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click()
	await expect(page).toHaveURL(/\/vneid-sandbox\/interaction\/[\w-]+$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Đăng nhập bằng tài khoản định danh điện tử',
	)
}

async function pickIdentity(page: Page, fullName: string): Promise<void> {
	// Not \b: JavaScript's word boundary knows no Vietnamese letters (“Tư” ends in a non-word character).
	await page.getByRole('button', { name: new RegExp(`^${fullName}(\\s|$)`) }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Chia sẻ thông tin với/)
}

async function expectSignedInAs(page: Page, fullName: string): Promise<void> {
	await expect(page.getByRole('link', { name: new RegExp(fullName) })).toBeVisible()
	await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible()
}

test('the demo learner signs in with VNeID: sandbox login, consent, back home signed in', async ({
	page,
}) => {
	await openSandbox(page)
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
	await expect(page.getByText('VNeID — môi trường thử nghiệm')).toBeVisible()
	await expect(page.getByText('(không phải VNeID thật)')).toBeVisible()
	await expectNoA11yViolations(page)

	await pickIdentity(page, learner.fullName)
	await expect(page.getByRole('listitem').filter({ hasText: 'Số định danh cá nhân' })).toBeVisible()
	await expect(page.getByRole('checkbox', { name: /Chia sẻ cả số điện thoại/ })).not.toBeChecked()
	await expectNoA11yViolations(page)
	await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).click()

	await expect(page).toHaveURL('/')
	await expectSignedInAs(page, learner.fullName)
})

test("a resident's first VNeID sign-in creates their learner account, linked to their registry record", async ({
	page,
}) => {
	await openSandbox(page)
	await page.getByLabel('Số định danh cá nhân (12 chữ số)').fill(newcomer.personalId)
	await page.getByLabel('Mật mã (passcode)').fill('123456')
	await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
	await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).click()
	await expect(page).toHaveURL('/')
	await expectSignedInAs(page, newcomer.fullName)

	// A learner's account, and the registry record is theirs: "my data" offers its download.
	await page.goto('/tai-khoan')
	await expect(page.locator('dl.facts dd').getByRole('listitem')).toHaveText(['Người học — bản thân'])
	await expect(page.getByRole('link', { name: 'Tải toàn bộ dữ liệu của tôi (.json)' })).toBeVisible()
	// The file is the registry's record of them (an account with no resident has none: 404).
	const download = await page.request.get('/tai-khoan/du-lieu.json')
	expect(download.status()).toBe(200)
	const { resident } = (await download.json()) as { resident: { fullName: string; birthDate: string } }
	expect(resident.fullName).toBe(newcomer.fullName)
	expect(String(resident.birthDate).slice(0, 10)).toBe(newcomer.birthDate)
	await expectNoA11yViolations(page)
})

test('a replayed callback is refused with a Vietnamese explanation', async ({ page, consoleErrors }) => {
	consoleErrors.allow(/status of 400 \(Bad Request\)/)
	let callback: string | undefined
	page.on('request', (request) => {
		if (request.url().includes('/dang-nhap/vneid/callback')) callback = request.url()
	})
	await openSandbox(page)
	await pickIdentity(page, learner.fullName)
	await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).click()
	await expect(page).toHaveURL('/')
	expect(callback).toBeTruthy()

	const replay = await page.goto(callback!)
	expect(replay?.status()).toBe(400)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chưa đăng nhập được bằng VNeID')
	await expect(page.getByRole('alert')).toContainText('đường dẫn đã được dùng rồi')
	await expectNoA11yViolations(page)
})

test('refusing to share at VNeID leaves the person signed out, told why in Vietnamese', async ({
	page,
	consoleErrors,
}) => {
	consoleErrors.allow(/status of 403 \(Forbidden\)/)
	await openSandbox(page)
	await pickIdentity(page, learner.fullName)
	await page.getByRole('button', { name: 'Từ chối' }).click()
	await expect(page).toHaveURL(/\/dang-nhap\/vneid\/callback\?/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chưa đăng nhập được bằng VNeID')
	await expect(page.getByRole('alert')).toContainText('chưa đồng ý chia sẻ thông tin')
	await expect(page.getByRole('link', { name: 'Đăng nhập bằng cách khác' })).toBeVisible()
	await expectNoA11yViolations(page)
})

test('someone the registry does not hold gets an account and is told the ward will match them', async ({
	page,
}) => {
	await openSandbox(page)
	await pickIdentity(page, OUTSIDER)
	await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).click()
	await expect(page).toHaveURL(/\/dang-nhap\/vneid\/chua-doi-chieu/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Phường chưa đối chiếu được thông tin của bạn',
	)
	await expectNoA11yViolations(page)
	await page.getByRole('link', { name: 'Tiếp tục' }).click()
	await expect(page).toHaveURL('/')
	await expectSignedInAs(page, OUTSIDER)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the whole VNeID sign-in works with plain links and forms', async ({ page, consoleErrors }) => {
		consoleErrors.allow(/status of 400 \(Bad Request\)/)
		await openSandbox(page)
		// A typed number and the sandbox passcode, the other way in.
		await page.getByLabel('Số định danh cá nhân (12 chữ số)').fill(learner.personalId)
		await page.getByLabel('Mật mã (passcode)').fill('000000')
		await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
		await expect(page.getByRole('alert')).toHaveText('Mật mã không đúng. Vui lòng nhập lại.')
		await page.getByLabel('Mật mã (passcode)').fill('123456')
		await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Chia sẻ thông tin với/)
		await expect(page.getByText(learner.fullName)).toBeVisible()
		await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).click()
		await expect(page).toHaveURL('/')
		await expectSignedInAs(page, learner.fullName)
	})
})
