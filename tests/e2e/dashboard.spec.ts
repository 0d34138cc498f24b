import type { Page } from '@playwright/test'
import { signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// The targets dashboard (issue 8): tiles, the indicator page's trend and breakdowns, drill-down lists
// whose counts equal the tile, and scope (a group leader sees their group only).

const number = (text: string) => Number(text.replace(/\./g, ''))

async function tileCounts(page: Page, code: string): Promise<[number, number]> {
	const text = await page.locator(`[data-indicator="${code}"] [data-testid="indicator-counts"]`).textContent()
	const match = /([\d.]+)\s*\/\s*([\d.]+)/.exec(text ?? '')
	expect(match, text ?? '').not.toBeNull()
	return [number(match![1]!), number(match![2]!)]
}

async function listCount(page: Page): Promise<number> {
	const text = (await page.getByTestId('drill-count').textContent()) ?? ''
	return number(/([\d.]+)/.exec(text)![1]!)
}

test('steering staff open the dashboard; a tile’s lists count exactly the people behind it', async ({
	page,
}) => {
	test.slow() // several axe scans on a shared machine
	await signIn(page, 'chidao')
	await page.goto('/chi-tieu')
	await expect(page.getByRole('heading', { level: 1, name: 'Chỉ tiêu của kế hoạch' })).toBeVisible()
	await expect(page.getByText('Phạm vi: toàn phường.')).toBeVisible()
	// The nine targets of the plan; target 7 is two indicators (ward staff, digital ambassadors).
	await expect(page.locator('[data-indicator]')).toHaveCount(10)
	await expectNoA11yViolations(page)

	const [reached, counted] = await tileCounts(page, '3')
	expect(counted).toBeGreaterThan(0)
	// The status is in words, not colour alone.
	await expect(page.locator('[data-indicator="3"] .indicator-status')).toHaveText(
		/Đã đạt chỉ tiêu|Đúng tiến độ|Chậm tiến độ/,
	)
	await page.locator('[data-indicator="3"]').getByRole('link', { name: 'Danh sách chưa đạt' }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: 'Chỉ tiêu 3: những người chưa đạt' }),
	).toBeVisible()
	expect(await listCount(page)).toBe(counted - reached)
	await expectNoA11yViolations(page)
	await page.getByRole('link', { name: 'Xem những người đã đạt' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Chỉ tiêu 3: những người đã đạt' })).toBeVisible()
	expect(await listCount(page)).toBe(reached)

	// The indicator page: trend chart with its table, breakdowns as charts and sortable tables.
	await page.goto('/chi-tieu/3')
	await expect(page.getByRole('img', { name: 'Diễn biến theo tháng' })).toBeVisible()
	await expect(page.getByRole('table', { name: /Số liệu chốt cuối mỗi tháng/ })).toBeVisible()
	const groups = page.getByRole('region', { name: 'Theo tổ dân phố' })
	await expect(groups.getByRole('img')).toBeVisible()
	await groups.getByRole('link', { name: 'Sắp xếp theo Chưa đạt' }).click()
	await expect(page).toHaveURL(/sapXep=chua-dat/)
	await expectNoA11yViolations(page)
	// A closed month, read from its snapshot: the sort order is kept, and the lists follow the month.
	const month = await page
		.getByRole('combobox', { name: 'Tháng' })
		.locator('option')
		.nth(1)
		.getAttribute('value')
	await page.getByRole('combobox', { name: 'Tháng' }).selectOption(month as string)
	await page.getByRole('button', { name: 'Xem', exact: true }).click()
	await expect(page).toHaveURL(new RegExp(`sapXep=chua-dat&thang=${month}$`))
	await expect(page.getByRole('link', { name: 'Danh sách chưa đạt' }).first()).toHaveAttribute(
		'href',
		new RegExp(`thang=${month}`),
	)
	await page.goto('/chi-tieu/3?sapXep=chua-dat')
	// A breakdown cell leads to the same people: its "not yet" count equals the list's.
	const firstRow = page.getByRole('region', { name: 'Theo tổ dân phố' }).locator('tbody tr').first()
	const behind = number((await firstRow.locator('td').nth(3).textContent()) ?? '')
	await firstRow.locator('td').nth(3).getByRole('link').click()
	expect(await listCount(page)).toBe(behind)
})

test('a residential group leader sees only their own group', async ({ page }) => {
	test.slow()
	await signIn(page, 'totruong')
	await page.goto('/chi-tieu')
	await expect(page.getByText('Phạm vi: những người dân bạn được giao theo dõi.')).toBeVisible()
	const [reached, counted] = await tileCounts(page, '3')
	await page.goto('/chi-tieu/3')
	const rows = page.getByRole('region', { name: 'Theo tổ dân phố' }).locator('tbody tr')
	await expect(rows).toHaveCount(1)
	const group = ((await rows.first().locator('th').textContent()) ?? '').trim()
	expect(number((await rows.first().locator('td').nth(2).textContent()) ?? '')).toBe(counted)
	await expectNoA11yViolations(page)
	await page.goto('/chi-tieu/3/danh-sach?nhom=chua-dat')
	expect(await listCount(page)).toBe(counted - reached)
	const groupCells = page.locator('main table tbody tr td:nth-child(4)')
	const names = new Set((await groupCells.allTextContents()).map((t) => t.trim()))
	expect([...names]).toEqual([group])

	// The left-behind list handed to the worklist: the households of those people, in the leader's group.
	await page.getByRole('link', { name: 'Mở trong danh sách đi từng nhà' }).click()
	await expect(page).toHaveURL('/tiep-can?chiTieu=3')
	await expect(page.getByText(/^Đang xem các hộ có người chưa đạt chỉ tiêu 3 /)).toBeVisible()
	await expect(page.getByLabel('Ưu tiên người chưa đạt chỉ tiêu')).toHaveValue('3')
	const households = page.locator('li.outreach-household')
	expect(await households.count()).toBeGreaterThan(0)
	for (const household of await households.all())
		expect((await household.locator('p.muted').first().textContent())?.startsWith(group)).toBe(true)
	await expectNoA11yViolations(page)
	await page.getByRole('link', { name: 'Xem lại mọi hộ' }).click()
	await expect(page).toHaveURL('/tiep-can')
})
