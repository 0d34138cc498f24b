import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { AppLoadContext } from 'react-router'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { sessions, users } from '#server/identity/schema.ts'
import { createSession, hashSessionToken } from '#server/identity/session.server.ts'
import { residents } from '#server/people/schema.ts'
import { protectField } from '#server/security/personal-data.server.ts'
import { registerVneidSandboxConfig, type VneidClientConfig } from '#server/vneid/vneid-config.server.ts'
import { SimulatedBrowser } from '#server/vneid-sandbox/simulated-browser.ts'
import {
	type StandaloneSandbox,
	startStandaloneVneidSandbox,
} from '#server/vneid-sandbox/start-standalone.server.ts'
import { wards } from '#server/ward/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'
import { loader as callbackLoader } from './vneid-callback.tsx'
import { loader as startLoader } from './vneid-start.tsx'

// The two route loaders in process, against the sandbox over HTTP: cookies, redirects, the session
// and the audit trail. The browser-level test is tests/e2e/vneid-sign-in.spec.ts.

const APP = 'http://127.0.0.1:3999'
const PERSONAL_ID = '019062001234'

let services: TestServices
let sandbox: StandaloneSandbox
let config: VneidClientConfig

function context(): AppLoadContext {
	return { app: services, requestId: `req-${crypto.randomUUID()}`, clientIp: '203.0.113.9' }
}

type LoaderResult = Response | { data: { code: string }; init: ResponseInit | null }

function args(request: Request) {
	return { request, context: context(), params: {} } as never
}

function cookieFrom(response: Response, name: string): string | undefined {
	const line = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
	return line?.split(';')[0]?.slice(name.length + 1) || undefined
}

async function startAndConsent(returnTo = '/hoc') {
	const started = (await startLoader(
		args(new Request(`${APP}/dang-nhap/vneid?returnTo=${returnTo}`)),
	)) as Response
	expect(started.status).toBe(302)
	const state = cookieFrom(started, 'hv_vneid_state')
	expect(state).toBeTruthy()
	const browser = new SimulatedBrowser()
	const callback = `${APP}/dang-nhap/vneid/callback`
	const login = (await browser.followUntil(await browser.get(started.headers.get('location')!), callback))
		.response
	const afterLogin = await browser.followUntil(
		await browser.post(`${login.url}/login`, { method: 'pick', personalId: PERSONAL_ID }),
		callback,
	)
	const done = await browser.followUntil(
		await browser.post(`${afterLogin.response.url}/confirm`, {}),
		callback,
	)
	return { state: state!, callbackUrl: done.stoppedAt! }
}

beforeAll(async () => {
	services = await createTestServices()
	const [ward] = await services.db
		.insert(wards)
		.values({ code: '05443', name: 'Phường Thử Nghiệm', provinceName: 'Thái Nguyên', provinceIdCode: '019' })
		.returning({ id: wards.id })
	const id = protectField(services.keyring, 'personalId', PERSONAL_ID)
	await services.db.insert(residents).values({
		wardId: ward!.id,
		fullName: 'Vũ Văn Tư',
		searchName: 'vu van tu',
		sex: 'male',
		birthYear: 1962,
		personalIdCipher: id.cipher,
		personalIdHash: id.hash,
	})
	const clientSecret = crypto.randomBytes(24).toString('base64url')
	sandbox = await startStandaloneVneidSandbox({
		client: {
			clientId: 'hocvuso',
			clientSecret,
			redirectUris: [`${APP}/dang-nhap/vneid/callback`],
			clientName: 'Bình dân học vụ số',
		},
		identities: [
			{ personalId: PERSONAL_ID, fullName: 'Vũ Văn Tư', birthDate: '1962-03-14', sex: 'male', phone: null },
		],
		cookieKeys: [crypto.randomBytes(32).toString('base64url')],
	})
	config = {
		issuer: new URL(sandbox.issuer),
		clientId: 'hocvuso',
		clientSecret,
		allowInsecureRequests: true,
		sandbox: true,
	}
	registerVneidSandboxConfig(config)
})

afterAll(async () => {
	registerVneidSandboxConfig(undefined)
	await sandbox?.close()
	await services?.close()
})

describe('VNeID routes', () => {
	it('signs a resident in: state cookie, callback, session cookie, redirect to where they were going', async () => {
		const { state, callbackUrl } = await startAndConsent('/hoc')
		const response = (await callbackLoader(
			args(new Request(callbackUrl, { headers: { Cookie: `hv_vneid_state=${state}` } })),
		)) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('location')).toBe('/hoc')
		expect(response.headers.getSetCookie().some((c) => c.startsWith('hv_vneid_state=;'))).toBe(true)
		const token = cookieFrom(response, 'hv_session')
		expect(token).toBeTruthy()
		const session = await services.db.query.sessions.findFirst({
			where: eq(sessions.tokenHash, hashSessionToken(token!)),
		})
		const user = await services.db.query.users.findFirst({ where: eq(users.id, session!.userId) })
		expect(user).toMatchObject({ displayName: 'Vũ Văn Tư', status: 'active' })
		expect(user?.residentId).toBeTruthy()
		const actions = await services.db
			.select({ action: auditLog.action, details: auditLog.details })
			.from(auditLog)
			.where(eq(auditLog.entityId, user!.id))
		expect(actions).toEqual([
			expect.objectContaining({ action: 'account.created' }),
			{ action: 'auth.signIn', details: { method: 'vneidSandbox', outcome: 'createdLinked' } },
		])
	})

	it('ends a session already open in this browser (shared phone, no session fixation)', async () => {
		const [other] = await services.db
			.insert(users)
			.values({
				wardId: (await services.db.query.wards.findFirst())!.id,
				username: 'khac',
				displayName: 'Người khác',
			})
			.returning({ id: users.id })
		const old = await createSession(services, { userId: other!.id, ip: null, userAgent: null })
		const { state, callbackUrl } = await startAndConsent()
		const cookie = `hv_vneid_state=${state}; hv_session=${old.token}`
		const response = (await callbackLoader(
			args(new Request(callbackUrl, { headers: { Cookie: cookie } })),
		)) as Response
		expect(response.status).toBe(302)
		const oldSession = await services.db.query.sessions.findFirst({
			where: eq(sessions.tokenHash, hashSessionToken(old.token)),
		})
		expect(oldSession).toBeUndefined()
	})

	it('shows the Vietnamese error page without the state cookie, and opens no session', async () => {
		const before = await services.db.select({ id: sessions.id }).from(sessions)
		const { callbackUrl } = await startAndConsent()
		const result = (await callbackLoader(args(new Request(callbackUrl)))) as LoaderResult
		expect(result).not.toBeInstanceOf(Response)
		expect(result).toMatchObject({ data: { code: 'stateMismatch' }, init: { status: 400 } })
		expect(await services.db.select({ id: sessions.id }).from(sessions)).toHaveLength(before.length)
	})

	it('refuses a crafted return address', async () => {
		const { state, callbackUrl } = await startAndConsent('//evil.example/')
		const response = (await callbackLoader(
			args(new Request(callbackUrl, { headers: { Cookie: `hv_vneid_state=${state}` } })),
		)) as Response
		expect(response.headers.get('location')).toBe('/')
	})

	it('says when VNeID sign-in is not set up', async () => {
		registerVneidSandboxConfig(undefined)
		try {
			const result = (await startLoader(args(new Request(`${APP}/dang-nhap/vneid`)))) as LoaderResult
			expect(result).toMatchObject({ data: { code: 'notConfigured' }, init: { status: 503 } })
		} finally {
			registerVneidSandboxConfig(config)
		}
	})
})
