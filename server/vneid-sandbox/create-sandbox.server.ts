import crypto from 'node:crypto'
import { promisify } from 'node:util'
import express from 'express'
import Provider, { type Configuration, type ErrorOut } from 'oidc-provider'
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js'
import { createInteractionRouter } from '#server/vneid-sandbox/interaction-routes.server.ts'
import { sandboxStylesheet } from '#server/vneid-sandbox/sandbox-html.server.ts'
import {
	claimsOf,
	identityFromPersonalId,
	type SandboxIdentity,
	sandboxScopeClaims,
} from '#server/vneid-sandbox/sandbox-identities.ts'
import { renderErrorPage } from '#server/vneid-sandbox/sandbox-pages.server.ts'

export interface SandboxClient {
	clientId: string
	clientSecret: string
	redirectUris: string[]
	clientName: string
	/** Where "Quay lại ứng dụng" on the sandbox's error pages leads. */
	homeUrl?: string
}

export interface VneidSandboxOptions {
	/** Issuer identifier; its path is where the handler must be mounted (e.g. …/vneid-sandbox). */
	issuer: string
	client: SandboxClient
	/** Offered on the login page, one tap each. */
	identities: SandboxIdentity[]
	/** Resolves a typed number that is not among `identities` (e.g. any resident of the demo ward). */
	findIdentity?: (personalId: string) => SandboxIdentity | undefined
	/** What the login page asks with a typed number, as VNeID asks its 6-digit passcode. */
	passcode?: string
	/** Keys that sign the sandbox's own cookies (oidc-provider refuses unsigned cookies in practice). */
	cookieKeys: string[]
	/** Trust X-Forwarded-Proto/Host, as the app does behind its reverse proxy. */
	proxy?: boolean
}

export interface VneidSandbox {
	issuer: string
	/** Mount at the issuer's path: `app.use(new URL(issuer).pathname, handler)`. */
	handler: express.Router
	resolveIdentity(personalId: string): SandboxIdentity | undefined
}

export const DEFAULT_SANDBOX_PASSCODE = '123456'

/**
 * The "VNeID sandbox": a real OpenID provider (oidc-provider, an OpenID-certified implementation)
 * that stands in for VNeID in demo mode and tests. Authorisation code flow only, PKCE required, one
 * confidential client (hocvuso), scopes openid/profile/phone, pages in Vietnamese without JavaScript.
 *
 * Storage is oidc-provider's in-memory adapter, one store per instance: the sandbox stands in for an
 * external system, so its sessions, codes and grants are not hocvuso's data, are meant to vanish on
 * restart, and it runs only as one process (demo mode or a test), never behind a load balancer.
 */
export async function createVneidSandbox(options: VneidSandboxOptions): Promise<VneidSandbox> {
	const basePath = new URL(options.issuer).pathname.replace(/\/$/, '')
	const passcode = options.passcode ?? DEFAULT_SANDBOX_PASSCODE
	const byId = new Map(options.identities.map((identity) => [identity.personalId, identity]))
	const resolveIdentity = (personalId: string): SandboxIdentity | undefined => {
		return byId.get(personalId) ?? options.findIdentity?.(personalId) ?? identityFromPersonalId(personalId)
	}

	const configuration: Configuration = {
		adapter: createMemoryAdapter(),
		clients: [
			{
				client_id: options.client.clientId,
				client_secret: options.client.clientSecret,
				client_name: options.client.clientName,
				redirect_uris: options.client.redirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_basic',
			},
		],
		cookies: {
			keys: options.cookieKeys,
			// Own names and path so they never collide with the app's cookies when mounted inside it.
			names: {
				session: 'vneid_sandbox_session',
				interaction: 'vneid_sandbox_interaction',
				resume: 'vneid_sandbox_resume',
			},
			long: { httpOnly: true, sameSite: 'lax', path: basePath || '/' },
			short: { httpOnly: true, sameSite: 'lax' },
		},
		claims: sandboxScopeClaims,
		scopes: Object.keys(sandboxScopeClaims),
		responseTypes: ['code'],
		pkce: { required: () => true },
		jwks: { keys: [await generateSigningKey()] },
		features: {
			devInteractions: { enabled: false },
			userinfo: { enabled: true },
			revocation: { enabled: false },
			introspection: { enabled: false },
		},
		ttl: {
			AccessToken: 600,
			AuthorizationCode: 60,
			IdToken: 600,
			Interaction: 900,
			Session: 1800,
			Grant: 1800,
		},
		interactions: { url: (_ctx, interaction) => `${basePath}/interaction/${interaction.uid}` },
		async findAccount(_ctx, id) {
			const identity = resolveIdentity(id)
			if (!identity) return undefined
			return { accountId: id, claims: () => ({ ...claimsOf(identity), sub: id }) }
		},
		renderError(ctx, out, error) {
			ctx.type = 'html'
			ctx.body = renderErrorPage({
				basePath,
				...describeProviderError(out),
				detail: `${out.error}${out.error_description ? `: ${out.error_description}` : ''}`,
				backUrl: options.client.homeUrl,
			})
			if (!('expose' in error && error.expose)) console.error('VNeID sandbox error', error)
		},
	}

	const provider = new Provider(options.issuer, configuration)
	provider.proxy = options.proxy ?? false

	const handler = express.Router()
	handler.use(sandboxHeaders(options.client.redirectUris))
	handler.get('/static/sandbox.css', (_req, res) => {
		res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(sandboxStylesheet)
	})
	handler.use(
		createInteractionRouter({
			provider,
			basePath,
			client: options.client,
			passcode,
			identities: options.identities,
			resolveIdentity,
		}),
	)
	handler.use(provider.callback())
	return { issuer: options.issuer, handler, resolveIdentity }
}

/** A fresh RSA key for signing ID tokens: RS256 is what relying parties expect by default. */
async function generateSigningKey(): Promise<Record<string, unknown>> {
	const { privateKey } = await promisify(crypto.generateKeyPair)('rsa', { modulusLength: 2048 })
	const jwk = privateKey.export({ format: 'jwk' })
	return { ...jwk, kid: `sandbox-${crypto.randomBytes(6).toString('hex')}`, use: 'sig', alg: 'RS256' }
}

function describeProviderError(out: ErrorOut): { title: string; message: string } {
	if (out.error === 'invalid_request' && /session|cookie|expired/i.test(out.error_description ?? '')) {
		return {
			title: 'Phiên đăng nhập đã hết hạn',
			message:
				'Phiên đăng nhập thử nghiệm này đã hết hạn hoặc đã được dùng. Hãy quay lại ứng dụng và đăng nhập lại.',
		}
	}
	return {
		title: 'Không thể tiếp tục đăng nhập',
		message: 'Yêu cầu đăng nhập từ ứng dụng không hợp lệ nên môi trường thử nghiệm VNeID không thể xử lý.',
	}
}

/**
 * The sandbox's own security headers, replacing the app's when mounted inside it: the consent form's
 * redirect chain ends at the relying party's callback, which CSP `form-action` must allow.
 */
function sandboxHeaders(redirectUris: string[]): express.RequestHandler {
	const origins = [...new Set(redirectUris.map((uri) => new URL(uri).origin))]
	const policy = [
		"default-src 'none'",
		"style-src 'self'",
		"img-src 'self' data:",
		`form-action 'self' ${origins.join(' ')}`,
		"frame-ancestors 'none'",
		"base-uri 'none'",
	].join('; ')
	return (_req, res, next) => {
		res.setHeader('Content-Security-Policy', policy)
		res.setHeader('Cache-Control', 'no-store')
		next()
	}
}
