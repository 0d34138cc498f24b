import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildIfNeeded } from '#cli/build-if-needed.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { createUserAccount } from '#server/identity/create-user-account.server.ts'
import { jobDefinitions } from '#server/jobs/job-definitions.server.ts'
import { startJobRunner } from '#server/jobs/job-runner.server.ts'
import { buildSampleResidentWorkbook } from '#server/people/import-jobs/test-workbook.ts'
import { runCli, type ServeProcess, startServe, Visitor } from '#tests/multi-process/hocvuso-process.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

// These tests start real processes (tsx start-up, migrations, a demo ward): on a busy 2-core machine
// that alone can take longer than the default 30 s. A deadline, not a speed assertion.
const PROCESS_TEST_TIMEOUT = 180_000

/**
 * Issue 10: several `hocvuso serve` processes on one PostgreSQL behave as one installation —
 * sessions, rate limits and jobs live in the database, none in a process.
 */

const PASSWORD = 'mot cum tu de nho 2026'
let services: TestServices
let dir: string
const servers: ServeProcess[] = []
let a: ServeProcess
let b: ServeProcess

export function describeManyAppServers(): void {
	beforeAll(async () => {
		buildIfNeeded()
		services = await createTestServices()
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-two-servers-'))
		await seedDemoWard(services, { residents: 40, seed: 5 })
		const env = { DATABASE_URL: services.env.DATABASE_URL as string, LOG_LEVEL: 'warn' }
		// The ward's administrator is created by the operator's CLI, against the shared database.
		const created = await runCli(
			[
				'user',
				'create',
				'--username',
				'vanhanh',
				'--role',
				'wardAdmin',
				'--name',
				'Trần Thị Vận Hành',
				'--password-stdin',
			],
			env,
			`${PASSWORD}\n`,
		)
		expect(created.code, created.stdout + created.stderr).toBe(0)
		// Each server writes scheduled backups to its own folder: a job that ran twice would show.
		const [first, second] = await Promise.all([
			startServe({ ...env, BACKUP_DIR: path.join(dir, 'a') }),
			startServe({ ...env, BACKUP_DIR: path.join(dir, 'b') }),
		])
		a = first
		b = second
		servers.push(a, b)
	}, 300_000)

	afterAll(async () => {
		const codes = await Promise.all(servers.map((s) => s.stop()))
		expect(codes, servers.map((s) => s.output()).join('\n---\n')).toEqual(servers.map(() => 0))
		await services?.close()
		if (dir) fs.rmSync(dir, { recursive: true, force: true })
	})

	test(
		'both servers are ready: database, migrations and job runner',
		async () => {
			for (const server of [a, b]) {
				const response = await fetch(`${server.url}/readyz`)
				expect(response.status).toBe(200)
				expect(await response.json()).toMatchObject({
					status: 'ready',
					checks: { jobs: { state: 'running' } },
				})
			}
		},
		PROCESS_TEST_TIMEOUT,
	)

	test(
		'a session started on one server is valid on the other, and signing out on it ends it on both',
		async () => {
			const visitor = new Visitor()
			expect(await visitor.signIn(a.url, 'vanhanh', PASSWORD)).toBe(302)
			const onB = await visitor.get(`${b.url}/nguoi-dan`)
			expect(onB.status).toBe(200)
			expect(onB.html).toContain('Trần Thị Vận Hành')
			expect((await visitor.get(`${a.url}/nguoi-dan`)).status).toBe(200)
			const signedOut = await visitor.post(`${b.url}/dang-xuat`, { csrf: Visitor.csrfToken(onB.html) })
			expect(signedOut.location).toBe('/dang-nhap?thongBao=da-dang-xuat')
			const stale = new Visitor()
			stale.cookies.set('hv_session', visitor.cookies.get('hv_session') ?? 'gone')
			// The cookie was cleared in this browser; a copy of it is refused by the other server too.
			const onA = await stale.get(`${a.url}/nguoi-dan`)
			expect(onA.status).toBe(302)
			expect(onA.location).toMatch(/^\/dang-nhap/)
		},
		PROCESS_TEST_TIMEOUT,
	)

	test(
		'the sign-in lockout counts attempts on both servers together',
		async () => {
			const ward = await services.db.query.wards.findFirst({ columns: { id: true } })
			const created = await createUserAccount(
				services,
				{ actor: { userId: null, label: 'test', wardId: ward?.id ?? '' }, ip: null, requestId: null },
				{
					wardId: ward?.id ?? '',
					username: 'khoa',
					displayName: 'Lê Văn Khóa',
					phone: null,
					role: 'auditor',
					scopeId: null,
					password: PASSWORD,
				},
			)
			expect(created.ok).toBe(true)
			const visitor = new Visitor()
			// Five wrong passwords, alternating servers: the fifth locks the account (docs/decisions/004).
			const statuses = []
			for (const server of [a, b, a, b, a])
				statuses.push(await visitor.signIn(server.url, 'khoa', 'sai mat khau roi'))
			expect(statuses).toEqual([400, 400, 400, 400, 429])
			// Now even the right password is refused, on either server.
			expect(await visitor.signIn(b.url, 'khoa', PASSWORD)).toBe(429)
			expect(await visitor.signIn(a.url, 'khoa', PASSWORD)).toBe(429)
		},
		PROCESS_TEST_TIMEOUT,
	)

	test(
		'an import uploaded on one server is committed on the other; both show the same outcome',
		async () => {
			const visitor = new Visitor()
			expect(await visitor.signIn(a.url, 'vanhanh', PASSWORD)).toBe(302)
			const form = new FormData()
			form.set('csrf', Visitor.csrfToken((await visitor.get(`${a.url}/nguoi-dan/nhap`)).html))
			const workbook = await buildSampleResidentWorkbook({ sheetName: 'Tổ 1', rows: 30 })
			form.set('file', new Blob([new Uint8Array(workbook)]), 'to-1.xlsx')
			const uploaded = await visitor.post(`${a.url}/nguoi-dan/nhap`, form)
			expect(uploaded.status, uploaded.html.slice(0, 500)).toBe(302)
			const batchPath = uploaded.location ?? ''
			expect(batchPath).toMatch(/^\/nguoi-dan\/nhap\/[0-9a-f-]{36}$/)
			// The preview opened on B, and the import confirmed there.
			const preview = await visitor.get(`${b.url}${batchPath}`)
			expect(preview.status).toBe(200)
			const committed = await visitor.post(`${b.url}${batchPath}`, {
				csrf: Visitor.csrfToken(preview.html),
				intent: 'commit',
			})
			expect(committed.status).toBe(302)
			const batchId = batchPath.split('/').at(-1)
			const status = async () =>
				(
					await services.database.query<{ status: string }>('select status from import_batch where id = $1', [
						batchId,
					])
				)[0]?.status
			await expect.poll(status, { timeout: 60_000, interval: 250 }).toBe('done')
			const outcome = async (server: ServeProcess) => {
				const page = await visitor.get(`${server.url}${batchPath}`)
				expect(page.status).toBe(200)
				return /<dl class="counts">[\s\S]*?<\/dl>/.exec(page.html)?.[0]
			}
			const [onA, onB] = [await outcome(a), await outcome(b)]
			expect(onA).toBeTruthy()
			expect(onB).toBe(onA)
		},
		PROCESS_TEST_TIMEOUT,
	)

	test(
		'a queued job runs exactly once across both servers',
		async () => {
			const runner = await startJobRunner(services, [])
			let id: string | null
			try {
				id = await runner.enqueue('operations.backup')
			} finally {
				await runner.stop()
			}
			const state = async () =>
				(
					await services.database.query<{ state: string }>(
						'select state::text as state from pgboss.job where id = $1',
						[id],
					)
				)[0]?.state
			await expect.poll(state, { timeout: 60_000, interval: 250 }).toBe('completed')
			const written = ['a', 'b'].flatMap((s) =>
				fs.existsSync(path.join(dir, s)) ? fs.readdirSync(path.join(dir, s)) : [],
			)
			expect(written).toHaveLength(1)
			expect(written[0]).toMatch(/^hocvuso-postgres-\d{8}T\d{6}Z\.hvbak$/)
			// Both servers registered the same schedules: one row each, so each cron fires once.
			const schedules = await services.database.query<{ name: string; n: string }>(
				'select name, count(*)::text as n from pgboss.schedule group by name order by name',
			)
			const scheduled = jobDefinitions.filter((d) => d.cron).map((d) => d.name)
			expect(schedules.map((s) => [s.name, s.n])).toEqual(scheduled.sort().map((n) => [n, '1']))
		},
		PROCESS_TEST_TIMEOUT,
	)
}
