import { spawnSync } from 'node:child_process'
import { defineConfig, devices } from '@playwright/test'

/*
 * End-to-end tests: the real app, started the way production starts it (tests/e2e/support/
 * global-setup.ts runs `hocvuso start --size 300` on a fresh data folder and a free port), in
 * Debian's Chromium. Never `npx playwright install`: the browser comes from apt (`chromium`).
 * Specs import `test`/`expect` from tests/e2e/support/test.ts, which fails a test on unexpected
 * console errors.
 */

// The config is loaded by the runner and again by every worker: choose the port once, in the
// runner, and hand it down through the environment the workers inherit.
if (!process.env.HOCVUSO_E2E_PORT) {
	const probe = spawnSync(
		process.execPath,
		[
			'-e',
			"const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
		],
		{ encoding: 'utf8' },
	)
	if (probe.status !== 0 || !/^\d+$/.test(probe.stdout)) throw new Error(`No free port: ${probe.stderr}`)
	process.env.HOCVUSO_E2E_PORT = probe.stdout
}
const baseURL = `http://127.0.0.1:${process.env.HOCVUSO_E2E_PORT}`

export default defineConfig({
	testDir: './tests/e2e',
	testMatch: '**/*.spec.ts',
	globalSetup: './tests/e2e/support/global-setup.ts',
	fullyParallel: true,
	forbidOnly: true,
	retries: 0,
	// CI machines have 2 cores; the app server shares them.
	workers: 2,
	// Correctness, not speed (speed lives in `npm run bench`): on the shared 2-core CI machine walk-throughs
	// with several axe sweeps ran 20–36 s, so the default 30 s failed tests that had done nothing wrong.
	timeout: 90_000,
	expect: { timeout: 15_000 },
	reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--headless',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--disable-quic',
					],
				},
			},
		},
	],
})
