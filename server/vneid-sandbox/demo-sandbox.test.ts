import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { securityHeaders } from '#server/http/security-headers.server.ts'
import { residents } from '#server/people/schema.ts'
import { protectField } from '#server/security/personal-data.server.ts'
import { completeVneidSignIn, startVneidSignIn } from '#server/vneid/vneid-client.server.ts'
import { registerVneidSandboxConfig, resolveVneidConfig } from '#server/vneid/vneid-config.server.ts'
import { type DemoCitizen, mountDemoVneidSandbox } from '#server/vneid-sandbox/demo-sandbox.server.ts'
import { SimulatedBrowser } from '#server/vneid-sandbox/simulated-browser.ts'
import { wards } from '#server/ward/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

// The sandbox as `npm start` runs it: mounted in an Express app behind the app's own security
// headers, its identities taken from the demo ward, VNeID sign-in pointed at it.

const citizens: DemoCitizen[] = [
	{
		fullName: 'Vũ Văn Tư',
		personalId: '019062001234',
		birthDate: '1962-03-14',
		sex: 'male',
		phone: '0912345678',
	},
	{ fullName: 'Lý Thị Hoa', personalId: '019185004321', birthDate: '1985-11-30', sex: 'female', phone: null },
	{
		fullName: 'Đinh Công Minh',
		personalId: '019201000777',
		birthDate: '2001-01-05',
		sex: 'male',
		phone: null,
	},
	{ fullName: 'Hà Thị Nga', personalId: '019170000555', birthDate: '1970-06-01', sex: 'female', phone: null },
]
const listCitizens = (_ward: { residents: number; seed: number }, count: number) => citizens.slice(0, count)

let services: TestServices
let server: http.Server
let origin: string
let mounted: Awaited<ReturnType<typeof mountDemoVneidSandbox>>

beforeAll(async () => {
	services = await createTestServices()
	const [ward] = await services.db
		.insert(wards)
		.values({ code: '05443', name: 'Phường Thử Nghiệm', provinceName: 'Thái Nguyên', provinceIdCode: '019' })
		.returning({ id: wards.id })
	for (const citizen of citizens) {
		const id = protectField(services.keyring, 'personalId', citizen.personalId)
		await services.db.insert(residents).values({
			wardId: ward!.id,
			fullName: citizen.fullName,
			searchName: citizen.fullName,
			sex: citizen.sex,
			birthYear: Number(citizen.birthDate?.slice(0, 4)),
			personalIdCipher: id.cipher,
			personalIdHash: id.hash,
		})
	}
	const app = express()
	app.use(securityHeaders())
	server = http.createServer(app)
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	origin = `http://127.0.0.1:${port}`
	services.env = { ...services.env, HOST: '127.0.0.1', PORT: port }
	mounted = await mountDemoVneidSandbox(services, { demoWard: { residents: 300, seed: 2026 }, listCitizens })
	app.use(mounted.mount.path, mounted.mount.handler)
	app.get('/dang-nhap/vneid/callback', (_req, res) => res.send('callback'))
})

afterAll(async () => {
	registerVneidSandboxConfig(undefined)
	server?.closeAllConnections()
	await new Promise((resolve) => server?.close(resolve))
	await services?.close()
})

describe('the demo VNeID sandbox', () => {
	it('offers the first demo residents, the demo learner first, and one person the registry lacks', () => {
		expect(mounted.identities.map((i) => i.fullName)).toEqual([
			'Vũ Văn Tư',
			'Lý Thị Hoa',
			'Đinh Công Minh',
			'Phạm Minh Khang',
		])
		expect(mounted.identities[0]?.noteVi).toContain('hocvien')
		expect(mounted.identities.at(-1)?.personalId).toMatch(/^079090\d{6}$/)
		expect(mounted.notes.join('\n')).toContain('chọn “Vũ Văn Tư”')
	})

	it('points VNeID sign-in at itself, on the address the server listens on', () => {
		const config = resolveVneidConfig(services.env)
		expect(config).toMatchObject({ clientId: 'hocvuso-demo', allowInsecureRequests: true, sandbox: true })
		expect(config?.issuer.href).toBe(`${origin}/vneid-sandbox`)
		// Derived from the installation's key: the same after a restart, never printed.
		expect(config?.clientSecret).toMatch(/^[\w-]{43}$/)
	})

	it('serves its pages with its own CSP, whose form-action lets the consent reach the app', async () => {
		const config = resolveVneidConfig(services.env)!
		const redirectUri = `${origin}/dang-nhap/vneid/callback`
		const started = await startVneidSignIn(services.db, config, { redirectUri, returnTo: null })
		const browser = new SimulatedBrowser()
		const login = (await browser.followUntil(await browser.get(started.authorizationUrl), redirectUri))
			.response
		const page = await login.text()
		expect(login.status).toBe(200)
		const csp = login.headers.get('content-security-policy') ?? ''
		expect(csp).toContain(`form-action 'self' ${origin}`)
		expect(csp).toContain("default-src 'none'")
		expect(login.headers.get('x-frame-options')).toBe('DENY')
		expect(page).toContain('Vũ Văn Tư')
		expect(page).toContain('Phạm Minh Khang')

		// A typed number of any demo resident signs in as that resident.
		const typed = await browser.followUntil(
			await browser.post(`${login.url}/login`, {
				method: 'typed',
				personalId: '019170000555',
				passcode: '123456',
			}),
			redirectUri,
		)
		const consent = await typed.response.text()
		expect(consent).toContain('Hà Thị Nga')
		const done = await browser.followUntil(
			await browser.post(`${typed.response.url}/confirm`, {}),
			redirectUri,
		)
		const result = await completeVneidSignIn(services.db, config, {
			callbackUrl: done.stoppedAt!,
			browserState: started.state,
			redirectUri,
		})
		expect(result.identity).toMatchObject({ personalId: '019170000555', fullName: 'Hà Thị Nga' })
	})

	it('serves its stylesheet to its pages under a CSP without inline styles', async () => {
		const response = await fetch(`${origin}/vneid-sandbox/static/sandbox.css`)
		expect(response.headers.get('content-type')).toContain('text/css')
		expect(await response.text()).toContain('.banner')
	})
})
