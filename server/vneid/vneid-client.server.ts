import crypto from 'node:crypto'
import * as oidc from 'openid-client'
import type { Database } from '#server/db/client.server.ts'
import { consumeLoginState, saveLoginState } from '#server/vneid/login-state.server.ts'
import { readVneidIdentity, type VneidIdentity } from '#server/vneid/vneid-claims.ts'
import type { VneidClientConfig } from '#server/vneid/vneid-config.server.ts'
import { VneidSignInError } from '#server/vneid/vneid-errors.ts'

/** What hocvuso asks VNeID for: who you are (openid, profile) and, if you agree, your phone. */
export const VNEID_SCOPES = 'openid profile phone'

// Discovery results per issuer and client, for this process only: a cache of public metadata, not
// state that must be shared between app servers. A failed discovery is not cached.
const discovered = new Map<string, Promise<oidc.Configuration>>()

async function clientConfiguration(config: VneidClientConfig): Promise<oidc.Configuration> {
	const key = `${config.issuer.href}\n${config.clientId}\n${config.clientSecret}`
	let pending = discovered.get(key)
	if (!pending) {
		pending = oidc.discovery(
			config.issuer,
			config.clientId,
			undefined,
			oidc.ClientSecretBasic(config.clientSecret),
			{
				execute: config.allowInsecureRequests ? [oidc.allowInsecureRequests] : [],
				timeout: 15,
			},
		)
		discovered.set(key, pending)
		pending.catch(() => discovered.delete(key))
	}
	try {
		return await pending
	} catch (error) {
		throw new VneidSignInError('providerUnavailable', { cause: error })
	}
}

/** Forgets cached discovery results (tests that restart a provider on another port). */
export function clearVneidDiscoveryCache(): void {
	discovered.clear()
}

export interface StartedSignIn {
	/** Where to send the browser: the issuer's authorisation endpoint with every parameter. */
	authorizationUrl: URL
	/** Also set in a cookie, so the callback can check it comes back to the same browser. */
	state: string
}

/**
 * Starts an authorisation code flow with PKCE (S256), state and nonce, stored in the database for the
 * callback. `prompt=login`: a phone shared at a community class must not sign in the previous person.
 */
export async function startVneidSignIn(
	db: Database,
	config: VneidClientConfig,
	options: { redirectUri: string; returnTo: string | null },
): Promise<StartedSignIn> {
	const client = await clientConfiguration(config)
	const codeVerifier = oidc.randomPKCECodeVerifier()
	const state = oidc.randomState()
	const nonce = oidc.randomNonce()
	await saveLoginState(db, { state, nonce, codeVerifier, returnTo: options.returnTo })
	const authorizationUrl = oidc.buildAuthorizationUrl(client, {
		redirect_uri: options.redirectUri,
		scope: VNEID_SCOPES,
		response_type: 'code',
		code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce,
		prompt: 'login',
		ui_locales: 'vi',
	})
	return { authorizationUrl, state }
}

export interface CompletedSignIn {
	identity: VneidIdentity
	returnTo: string | null
}

/**
 * Finishes the flow at the callback: the state must be the one this browser started (cookie) and
 * still unused in the database (consumed here, exactly once); then the code is exchanged with the
 * PKCE verifier, the ID token checked (issuer, audience, signature, nonce) and userinfo read.
 */
export async function completeVneidSignIn(
	db: Database,
	config: VneidClientConfig,
	options: { callbackUrl: URL; browserState: string | undefined; redirectUri: string },
): Promise<CompletedSignIn> {
	const state = options.callbackUrl.searchParams.get('state')
	if (!state || !options.browserState || !sameString(state, options.browserState)) {
		throw new VneidSignInError('stateMismatch')
	}
	const consumed = await consumeLoginState(db, state)
	if (!consumed.ok) throw new VneidSignInError(consumed.reason === 'expired' ? 'expired' : 'stateMismatch')
	const { login } = consumed

	const client = await clientConfiguration(config)
	// The redirect_uri sent to the token endpoint must be the registered one, whatever host or scheme
	// this request came through (a reverse proxy, or 127.0.0.1 for localhost).
	const currentUrl = new URL(options.redirectUri)
	currentUrl.search = options.callbackUrl.search
	let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>
	try {
		tokens = await oidc.authorizationCodeGrant(client, currentUrl, {
			pkceCodeVerifier: login.codeVerifier,
			expectedState: login.state,
			expectedNonce: login.nonce,
			idTokenExpected: true,
		})
	} catch (error) {
		throw classify(error)
	}
	const idClaims = tokens.claims()
	if (!idClaims) throw new VneidSignInError('providerError')
	let userinfo: Record<string, unknown> = {}
	try {
		userinfo = await oidc.fetchUserInfo(client, tokens.access_token, idClaims.sub)
	} catch (error) {
		throw classify(error)
	}
	return { identity: readVneidIdentity({ ...idClaims, ...userinfo }), returnTo: login.returnTo }
}

function sameString(a: string, b: string): boolean {
	const left = Buffer.from(a)
	const right = Buffer.from(b)
	return left.length === right.length && crypto.timingSafeEqual(left, right)
}

/** Refusal at VNeID, an error answer or a failed check, or no answer at all. */
function classify(error: unknown): VneidSignInError {
	if (error instanceof oidc.AuthorizationResponseError) {
		return new VneidSignInError(error.error === 'access_denied' ? 'consentDenied' : 'providerError', {
			cause: error,
		})
	}
	if (error instanceof oidc.ResponseBodyError || error instanceof oidc.ClientError) {
		return new VneidSignInError('providerError', { cause: error })
	}
	if (error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError')) {
		return new VneidSignInError('providerUnavailable', { cause: error })
	}
	return new VneidSignInError('providerError', { cause: error })
}
