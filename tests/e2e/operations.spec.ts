import { expect, test } from '#tests/e2e/support/test.ts'

// Security headers and the operator's endpoints on the real server (`hocvuso start`).

test('pages carry a nonce CSP: React Router’s inline scripts run, an injected one does not', async ({
	page,
	consoleErrors,
}) => {
	const response = await page.goto('/dang-nhap')
	const headers = response?.headers() ?? {}
	const csp = headers['content-security-policy'] ?? ''
	const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1]
	expect(nonce, csp).toBeTruthy()
	expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
	expect(csp).toContain("frame-ancestors 'none'")
	expect(headers['referrer-policy']).toBe('same-origin')
	expect(headers['x-frame-options']).toBe('DENY')
	expect(headers['strict-transport-security']).toBeUndefined()

	// Every inline script in the document carries this response's nonce (the browser hides the
	// attribute's value from the DOM, so read the HTML as sent).
	const html = (await response?.text()) ?? ''
	const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1] ?? '')
	expect(inline.length).toBeGreaterThan(0)
	for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`)
	// Hydration ran: React Router's inline context script executed and the app is interactive.
	await expect
		.poll(() =>
			page.evaluate(() => typeof (window as { __reactRouterContext?: unknown }).__reactRouterContext),
		)
		.toBe('object')

	consoleErrors.allow(/Content Security Policy/)
	const ran = await page.evaluate(() => {
		const script = document.createElement('script')
		script.textContent = 'window.__injected = true'
		document.body.append(script)
		return (window as { __injected?: boolean }).__injected === true
	})
	expect(ran).toBe(false)
})

test('HSTS is sent when a trusted proxy says the request came over HTTPS', async ({ request }) => {
	const response = await request.get('/', { headers: { 'X-Forwarded-Proto': 'https' } })
	expect(response.headers()['strict-transport-security']).toBe('max-age=31536000')
})

test('/readyz reports the database, migrations and job runner; /metrics is local only', async ({
	request,
}) => {
	const ready = await request.get('/readyz')
	expect(ready.status()).toBe(200)
	expect(await ready.json()).toMatchObject({
		status: 'ready',
		checks: { database: { ok: true }, migrations: { ok: true }, jobs: { ok: true, state: 'running' } },
	})
	await request.get('/dang-nhap')
	const metrics = await request.get('/metrics')
	expect(metrics.status()).toBe(200)
	const body = await metrics.text()
	expect(body).toMatch(/hocvuso_http_requests_total\{method="GET",route="\/dang-nhap",status="200"\} \d+/)
	expect(body).toContain('hocvuso_database_up 1')
	expect(body).toContain('process_resident_memory_bytes')
	const proxied = await request.get('/metrics', { headers: { 'X-Forwarded-For': '203.0.113.7' } })
	expect(proxied.status()).toBe(403)
})
