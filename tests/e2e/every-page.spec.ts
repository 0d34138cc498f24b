import type { Page } from '@playwright/test'
import { matchRoutes } from 'react-router'
import routes from '#app/routes.ts'
import { listDemoCitizens } from '#server/demo/generate-demo-ward.ts'
import { type DemoUsername, signIn } from '#tests/e2e/support/auth.ts'
import { expectNoA11yViolations } from '#tests/e2e/support/axe.ts'
import { E2E_WARD_SIZE } from '#tests/e2e/support/global-setup.ts'
import { expect, test } from '#tests/e2e/support/test.ts'

// Every page of app/routes.ts passes an axe-core scan: the app is walked as people walk it, from the
// home page along the links each role is shown (a page nobody links to is not reached this way),
// and the first time a route is reached its page must answer 200, print no console error and scan
// clean. The last test checks that every page route was scanned here or, for the few that need a
// flow first (an attempt started, a QR code scanned, a VNeID sign-in), in the spec named for it.

const pageRoutes = routes.filter((r) => r.file.endsWith('.tsx'))
const matchable = routes.map((r) => ({ id: r.file, path: r.path ?? '/' }))

/**
 * Page routes reached only through a flow another spec drives and scans there, or that are not pages
 * one links to: each with the spec that scans it.
 */
const scannedElsewhere: Record<string, string> = {
	'routes/not-found.tsx': 'pages.spec.ts (the 404 page)',
	'routes/sign-out.tsx': 'a POST only: its GET sends you home',
	'routes/vneid-start.tsx': 'vneid-sign-in.spec.ts (a redirect to the provider)',
	'routes/vneid-callback.tsx': 'vneid-sign-in.spec.ts (refused consent, replayed callback)',
	'routes/vneid-unmatched.tsx': 'vneid-sign-in.spec.ts (someone the registry does not hold)',
	'routes/import-batch.tsx': 'import-residents.spec.ts (after an upload: preview and done)',
	'routes/assessment-attempt.tsx': 'assessment.spec.ts (after starting an attempt)',
	'routes/assistant-dossier.tsx': 'assistant-staff.spec.ts (after recording a dossier)',
	'routes/class-check-in.tsx': 'classes.spec.ts (after scanning the class QR code)',
	'routes/class-check-in-scan.tsx': 'classes.spec.ts (a QR code: redirects, or refuses a forged one)',
}

/** The route module an address of this app lands on (React Router's own ranking), if any. */
function routeOf(url: URL): string | undefined {
	return matchRoutes(matchable, url.pathname)?.at(-1)?.route.id
}

const scanned = new Map<string, string>()
/** Routes an earlier walk loaded and followed the links of: later walks start from their own home only. */
const walked = new Set<string>()

/**
 * Walks the app as the signed-in page's person from `start`: loads each route no walk has loaded yet
 * (its links are how the walk goes on) and scans the routes no walk has scanned. Loading each route
 * once in all keeps the whole walk to a few minutes on a 2-core machine; the cost is that a link only
 * a later role is shown, on a page an earlier role loaded, is not followed (hence the order below).
 */
async function walk(page: Page, start: string[]): Promise<void> {
	const origin = new URL(page.url()).origin
	const queue = start.map((p) => new URL(p, origin).href)
	const loaded = new Set<string>()
	while (queue.length > 0) {
		const href = queue.shift() as string
		const route = routeOf(new URL(href))
		if (!route || loaded.has(route)) continue
		if (walked.has(route) && !start.includes(new URL(href).pathname)) continue
		loaded.add(route)
		walked.add(route)
		const response = await page.goto(href)
		expect(response?.status(), `${href} (${route})`).toBe(200)
		// A redirect (e.g. a check-in code to the check-in page) scans where it lands.
		const landed = routeOf(new URL(page.url())) ?? route
		loaded.add(landed)
		walked.add(landed)
		if (!scanned.has(landed)) {
			await expectNoA11yViolations(page)
			scanned.set(landed, page.url())
		}
		const links = await page
			.locator('a[href]')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
		for (const link of links) {
			const url = new URL(link)
			url.hash = ''
			if (url.origin !== origin || url.pathname.startsWith('/dang-nhap/vneid')) continue
			const target = routeOf(url)
			if (target?.endsWith('.tsx') && !loaded.has(target) && !walked.has(target) && !scannedElsewhere[target])
				queue.push(url.href)
		}
	}
}

test.describe.configure({ mode: 'serial' })

test('signed out: the public pages', async ({ page }) => {
	test.setTimeout(300_000)
	await page.goto('/')
	await walk(page, ['/', '/dang-nhap', '/xac-minh', '/du-lieu-ca-nhan'])
})

// The ward administrator first: their menus and pages link to the most, and a route is loaded by one
// walk only (see walk). Then the roles whose pages differ: the learner's, the volunteer's, the others'.
const walkers: DemoUsername[] = [
	'quantri',
	'hocvien',
	'tinhnguyen',
	'giangvien',
	'daumoi',
	'totruong',
	'chidao',
	'giamsat',
]
for (const username of walkers) {
	test(`signed in as ${username}: every page the menus and pages lead to`, async ({ page }) => {
		test.setTimeout(600_000)
		await signIn(page, username)
		await walk(page, ['/'])
	})
}

test('the preview of a list of people certified elsewhere, reached by uploading one', async ({ page }) => {
	const [resident] = listDemoCitizens({ residents: E2E_WARD_SIZE, seed: 2026 }, 2).slice(1)
	if (!resident) throw new Error('the demo ward has too few adults')
	// One resident of the ward, someone from elsewhere, a broken number: previewed, not recorded.
	const csv = [
		'STT,Họ và tên,Số CCCD,Ngày công nhận',
		`1,${resident.fullName},${resident.personalId},15/11/2026`,
		'2,Người Nơi Khác,001099012345,16/11/2026',
		'3,Sai Số,12345,',
	].join('\r\n')
	await signIn(page, 'quantri')
	await page.goto('/chung-nhan/nhap')
	await page.getByLabel('Tệp danh sách (.xlsx hoặc .csv)').setInputFiles({
		name: 'cong-nhan.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv, 'utf8'),
	})
	await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Xem trước kết quả đối chiếu' })).toBeVisible()
	await expect(page.getByTestId('count-rows')).toHaveText('3')
	await expect(page.getByTestId('count-unmatched')).toHaveText('1')
	await expect(page.getByTestId('count-invalid')).toHaveText('1')
	// The number is shown masked, never in full.
	await expect(page.getByText('001099012345')).toHaveCount(0)
	await expectNoA11yViolations(page)
	scanned.set(routeOf(new URL(page.url())) ?? page.url(), page.url())
})

test('every page route was scanned here or in the spec named for it', () => {
	const missing = pageRoutes
		.map((r) => r.file)
		.filter((file) => !scanned.has(file) && !scannedElsewhere[file])
	expect(missing, `page routes no walk reached; scanned: ${[...scanned.keys()].join(', ')}`).toEqual([])
})
