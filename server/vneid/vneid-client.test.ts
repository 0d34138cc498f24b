import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oidcLoginStates } from '#server/identity/schema.ts'
import { completeVneidSignIn, startVneidSignIn } from '#server/vneid/vneid-client.server.ts'
import type { VneidClientConfig } from '#server/vneid/vneid-config.server.ts'
import { VneidSignInError } from '#server/vneid/vneid-errors.ts'
import type { SandboxIdentity } from '#server/vneid-sandbox/sandbox-identities.ts'
import { SimulatedBrowser } from '#server/vneid-sandbox/simulated-browser.ts'
import {
	type StandaloneSandbox,
	startStandaloneVneidSandbox,
} from '#server/vneid-sandbox/start-standalone.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

// The relying party against the sandbox over real HTTP on a free port: discovery, the authorisation
// request, the sandbox's login and consent pages, the code exchange with PKCE, state and nonce.

const REDIRECT_URI = 'http://127.0.0.1:3999/dang-nhap/vneid/callback'
const identities: SandboxIdentity[] = [
	{
		personalId: '019062001234',
		fullName: 'Vũ Văn Tư',
		birthDate: '1962-03-14',
		sex: 'male',
		phone: '0912345678',
		noteVi: 'Người học mẫu',
	},
]

let services: TestServices
let sandbox: StandaloneSandbox
let config: VneidClientConfig

beforeAll(async () => {
	services = await createTestServices()
	const clientSecret = crypto.randomBytes(24).toString('base64url')
	sandbox = await startStandaloneVneidSandbox({
		client: {
			clientId: 'hocvuso-test',
			clientSecret,
			redirectUris: [REDIRECT_URI],
			clientName: 'Bình dân học vụ số',
		},
		identities,
		cookieKeys: [crypto.randomBytes(32).toString('base64url')],
	})
	config = {
		issuer: new URL(sandbox.issuer),
		clientId: 'hocvuso-test',
		clientSecret,
		allowInsecureRequests: true,
		sandbox: true,
	}
})

afterAll(async () => {
	await sandbox?.close()
	await services?.close()
})

interface SandboxChoice {
	personalId?: string
	typed?: { personalId: string; passcode: string }
	sharePhone?: boolean
	refuse?: boolean
}

/** Starts a sign-in and walks the sandbox's pages like a person would; returns the callback URL. */
async function signIn(choice: SandboxChoice = {}) {
	const browser = new SimulatedBrowser()
	const started = await startVneidSignIn(services.db, config, { redirectUri: REDIRECT_URI, returnTo: '/hoc' })
	const toLogin = await browser.followUntil(await browser.get(started.authorizationUrl), REDIRECT_URI)
	const loginPage = toLogin.response
	expect(loginPage.status).toBe(200)
	const loginHtml = await loginPage.text()
	const interactionUrl = loginPage.url
	const login = choice.typed
		? { method: 'typed', ...choice.typed }
		: { method: 'pick', personalId: choice.personalId ?? identities[0]!.personalId }
	const afterLogin = await browser.followUntil(
		await browser.post(`${interactionUrl}/login`, login),
		REDIRECT_URI,
	)
	if (afterLogin.stoppedAt) return { started, callbackUrl: afterLogin.stoppedAt, loginHtml, browser }
	const consentPage = afterLogin.response
	const consentHtml = await consentPage.text()
	expect(consentPage.status, consentHtml).toBe(200)
	const consentUrl = consentPage.url
	const answer = choice.refuse
		? await browser.post(`${consentUrl}/abort`, {})
		: await browser.post(`${consentUrl}/confirm`, choice.sharePhone ? { sharePhone: 'yes' } : {})
	const done = await browser.followUntil(answer, REDIRECT_URI)
	if (!done.stoppedAt)
		throw new Error(`did not return to the app: ${done.response.status} ${await done.response.text()}`)
	return { started, callbackUrl: done.stoppedAt, loginHtml, consentHtml, browser }
}

async function expectFailure(promise: Promise<unknown>, code: string) {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	)
	expect(error).toBeInstanceOf(VneidSignInError)
	expect((error as VneidSignInError).code).toBe(code)
}

describe('VNeID sign-in against the sandbox', () => {
	it('discovers the sandbox and sends an authorisation code request with PKCE S256, state and nonce', async () => {
		const started = await startVneidSignIn(services.db, config, { redirectUri: REDIRECT_URI, returnTo: null })
		const params = started.authorizationUrl.searchParams
		expect(started.authorizationUrl.href.startsWith(`${sandbox.issuer}/auth`)).toBe(true)
		expect(params.get('response_type')).toBe('code')
		expect(params.get('client_id')).toBe('hocvuso-test')
		expect(params.get('redirect_uri')).toBe(REDIRECT_URI)
		expect(params.get('scope')).toBe('openid profile phone')
		expect(params.get('code_challenge_method')).toBe('S256')
		expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/)
		expect(params.get('state')).toBe(started.state)
		expect(params.get('nonce')).toBeTruthy()
		const [row] = await services.db
			.select()
			.from(oidcLoginStates)
			.where(eq(oidcLoginStates.state, started.state))
		expect(row?.nonce).toBe(params.get('nonce'))
		expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(10 * 60 * 1000)
		// The verifier stays on the server; only its S256 hash travels.
		expect(started.authorizationUrl.href).not.toContain(row!.codeVerifier)
	})

	it('completes the flow: login, consent, code exchange, ID token and userinfo claims', async () => {
		const { started, callbackUrl, loginHtml, consentHtml } = await signIn()
		expect(loginHtml).toContain('<html lang="vi">')
		expect(loginHtml).toContain('không phải VNeID thật')
		expect(loginHtml).toContain('<label for="personalId">')
		expect(consentHtml).toContain('Số định danh cá nhân')
		expect(callbackUrl.searchParams.get('code')).toBeTruthy()
		const result = await completeVneidSignIn(services.db, config, {
			callbackUrl,
			browserState: started.state,
			redirectUri: REDIRECT_URI,
		})
		expect(result.returnTo).toBe('/hoc')
		expect(result.identity).toEqual({
			personalId: '019062001234',
			fullName: 'Vũ Văn Tư',
			birthDate: '1962-03-14',
			sex: 'male',
			// Not shared: the phone box on the consent page was left unticked.
			phone: null,
		})
	})

	it('releases the phone number only when the person ticks it', async () => {
		const { started, callbackUrl } = await signIn({ sharePhone: true })
		const result = await completeVneidSignIn(services.db, config, {
			callbackUrl,
			browserState: started.state,
			redirectUri: REDIRECT_URI,
		})
		expect(result.identity.phone).toBe('0912345678')
	})

	it('accepts a typed personal ID with the passcode, and refuses a wrong passcode', async () => {
		const browser = new SimulatedBrowser()
		const started = await startVneidSignIn(services.db, config, { redirectUri: REDIRECT_URI, returnTo: null })
		const page = (await browser.followUntil(await browser.get(started.authorizationUrl), REDIRECT_URI))
			.response
		const wrong = await browser.post(`${page.url}/login`, {
			method: 'typed',
			personalId: '079199000111',
			passcode: '000000',
		})
		expect(wrong.status).toBe(400)
		expect(await wrong.text()).toContain('Mật mã không đúng')

		const { started: again, callbackUrl } = await signIn({
			typed: { personalId: '079 099 000 111', passcode: '123456' },
		})
		const result = await completeVneidSignIn(services.db, config, {
			callbackUrl,
			browserState: again.state,
			redirectUri: REDIRECT_URI,
		})
		expect(result.identity).toMatchObject({ personalId: '079099000111', sex: 'male', birthDate: '1999' })
	})

	it('refuses a replayed callback: the state is consumed once', async () => {
		const { started, callbackUrl } = await signIn()
		const options = { callbackUrl, browserState: started.state, redirectUri: REDIRECT_URI }
		await completeVneidSignIn(services.db, config, options)
		await expectFailure(completeVneidSignIn(services.db, config, options), 'stateMismatch')
	})

	it('refuses a state this browser did not start, and one the server never issued', async () => {
		const { started, callbackUrl } = await signIn()
		await expectFailure(
			completeVneidSignIn(services.db, config, {
				callbackUrl,
				browserState: 'another-state',
				redirectUri: REDIRECT_URI,
			}),
			'stateMismatch',
		)
		await expectFailure(
			completeVneidSignIn(services.db, config, {
				callbackUrl,
				browserState: undefined,
				redirectUri: REDIRECT_URI,
			}),
			'stateMismatch',
		)
		const forged = new URL(callbackUrl)
		forged.searchParams.set('state', 'forged-state-value')
		await expectFailure(
			completeVneidSignIn(services.db, config, {
				callbackUrl: forged,
				browserState: 'forged-state-value',
				redirectUri: REDIRECT_URI,
			}),
			'stateMismatch',
		)
		// The genuine state is still usable by its own browser.
		await completeVneidSignIn(services.db, config, {
			callbackUrl,
			browserState: started.state,
			redirectUri: REDIRECT_URI,
		})
	})

	it('refuses an expired state', async () => {
		const { started, callbackUrl } = await signIn()
		await services.db
			.update(oidcLoginStates)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(oidcLoginStates.state, started.state))
		await expectFailure(
			completeVneidSignIn(services.db, config, {
				callbackUrl,
				browserState: started.state,
				redirectUri: REDIRECT_URI,
			}),
			'expired',
		)
	})

	it('verifies PKCE: the sandbox refuses the code with another verifier', async () => {
		const { started, callbackUrl } = await signIn()
		await services.db
			.update(oidcLoginStates)
			.set({ codeVerifier: crypto.randomBytes(32).toString('base64url') })
			.where(eq(oidcLoginStates.state, started.state))
		await expectFailure(
			completeVneidSignIn(services.db, config, {
				callbackUrl,
				browserState: started.state,
				redirectUri: REDIRECT_URI,
			}),
			'providerError',
		)
	})

	it('requires PKCE: an authorisation request without a code challenge is refused', async () => {
		const started = await startVneidSignIn(services.db, config, { redirectUri: REDIRECT_URI, returnTo: null })
		const withoutPkce = new URL(started.authorizationUrl)
		withoutPkce.searchParams.delete('code_challenge')
		withoutPkce.searchParams.delete('code_challenge_method')
		const response = await new SimulatedBrowser().get(withoutPkce)
		const location = new URL(response.headers.get('location') ?? '', withoutPkce)
		expect(location.href.startsWith(REDIRECT_URI)).toBe(true)
		expect(location.searchParams.get('error')).toBe('invalid_request')
		expect(location.searchParams.get('code')).toBeNull()
	})

	it('checks the nonce in the ID token', async () => {
		const { started, callbackUrl } = await signIn()
		await services.db
			.update(oidcLoginStates)
			.set({ nonce: 'not-the-nonce-that-was-sent' })
			.where(eq(oidcLoginStates.state, started.state))
		await expectFailure(
			completeVneidSignIn(services.db, config, {
				callbackUrl,
				browserState: started.state,
				redirectUri: REDIRECT_URI,
			}),
			'providerError',
		)
	})

	it('reports a refusal at the consent page as denied consent', async () => {
		const { started, callbackUrl } = await signIn({ refuse: true })
		expect(callbackUrl.searchParams.get('error')).toBe('access_denied')
		await expectFailure(
			completeVneidSignIn(services.db, config, {
				callbackUrl,
				browserState: started.state,
				redirectUri: REDIRECT_URI,
			}),
			'consentDenied',
		)
	})

	it('reports an unreachable issuer as unavailable', async () => {
		const nowhere = { ...config, issuer: new URL('http://127.0.0.1:9/vneid-sandbox') }
		await expectFailure(
			startVneidSignIn(services.db, nowhere, { redirectUri: REDIRECT_URI, returnTo: null }),
			'providerUnavailable',
		)
	})
})
