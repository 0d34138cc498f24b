// oidc-provider ships no type declarations (and @types/oidc-provider trails its releases). These cover
// only what the VNeID sandbox uses, checked against oidc-provider 9.13.3.

declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http'

	export interface AccountClaims {
		sub: string
		[claim: string]: unknown
	}

	export interface Account {
		accountId: string
		claims(use: string, scope: string): Promise<AccountClaims> | AccountClaims
	}

	export interface ClientMetadata {
		client_id: string
		client_secret?: string
		client_name?: string
		client_uri?: string
		redirect_uris: string[]
		grant_types?: string[]
		response_types?: string[]
		token_endpoint_auth_method?: string
		id_token_signed_response_alg?: string
	}

	export interface ErrorOut {
		error: string
		error_description?: string
	}

	/** The Koa context oidc-provider hands to configuration callbacks (only the parts used here). */
	export interface ProviderContext {
		type: string
		body: unknown
		status: number
		set(name: string, value: string): void
		oidc?: { client?: { clientId: string } }
	}

	export interface Interaction {
		uid: string
		returnTo: string
		exp: number
		prompt: { name: string; reasons: string[]; details: Record<string, unknown> }
		params: Record<string, unknown> & { client_id: string; scope?: string; redirect_uri?: string }
		session?: { uid?: string; accountId?: string }
		grantId?: string
		save(ttlSeconds: number): Promise<string>
	}

	export interface InteractionResults {
		login?: { accountId: string; remember?: boolean; amr?: string[]; acr?: string }
		consent?: { grantId: string }
		error?: string
		error_description?: string
	}

	export interface Grant {
		jti: string
		addOIDCScope(scope: string): void
		rejectOIDCScope(scope: string): void
		addOIDCClaims(claims: string[]): void
		save(): Promise<string>
	}

	export interface Session {
		destroy(): Promise<void>
	}

	export interface Configuration {
		adapter?: unknown
		clients?: ClientMetadata[]
		cookies?: {
			keys: Array<string | Buffer>
			names?: { session?: string; interaction?: string; resume?: string }
			long?: Record<string, unknown>
			short?: Record<string, unknown>
		}
		claims?: Record<string, string[]>
		scopes?: string[]
		jwks?: { keys: Array<Record<string, unknown>> }
		pkce?: { required?: (ctx: ProviderContext, client: unknown) => boolean }
		features?: Record<string, { enabled: boolean; [option: string]: unknown }>
		findAccount?: (ctx: ProviderContext, id: string) => Promise<Account | undefined>
		interactions?: { url?: (ctx: ProviderContext, interaction: Interaction) => string | Promise<string> }
		renderError?: (ctx: ProviderContext, out: ErrorOut, error: Error) => void | Promise<void>
		ttl?: Record<string, number>
		conformIdTokenClaims?: boolean
		responseTypes?: string[]
		clientDefaults?: Partial<ClientMetadata>
	}

	export class Provider {
		constructor(issuer: string, configuration?: Configuration)
		readonly issuer: string
		proxy: boolean
		callback(): (req: IncomingMessage, res: ServerResponse) => void
		interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>
		interactionFinished(
			req: IncomingMessage,
			res: ServerResponse,
			result: InteractionResults,
			options?: { mergeWithLastSubmission?: boolean },
		): Promise<void>
		on(event: string, listener: (...args: unknown[]) => void): this
		Grant: {
			new (properties: { accountId: string; clientId: string }): Grant
			find(id: string): Promise<Grant | undefined>
		}
		Session: { findByUid(uid: string): Promise<Session | undefined> }
	}

	export const errors: {
		OIDCProviderError: new (...args: unknown[]) => Error & { status: number; error: string }
		SessionNotFound: new (...args: unknown[]) => Error
	}

	export default Provider
}

declare module 'oidc-provider/lib/adapters/memory_adapter.js' {
	/** An in-memory store private to one provider instance (the default one is shared process-wide). */
	export function createMemoryAdapter(clockTolerance?: number): (model: string) => unknown
}
