import type { AppServices } from '#server/app-services.server.ts'

/** What the HTTP layer hands every loader and action, besides the request. */
export interface RequestContext {
	app: AppServices
	requestId: string
	/** The client's address as seen through the trusted proxy, for audit and rate limits. */
	clientIp: string | null
	/** This response's CSP script nonce (server/http/security-headers.server.ts); none in development. */
	cspNonce?: string
	/**
	 * A fresh object per HTTP request, shared by every loader of the page: a key for what those loaders
	 * look up once between them (the signed-in person, server/identity/current-user.server.ts).
	 */
	perRequest?: object
}

declare module 'react-router' {
	interface AppLoadContext extends RequestContext {}
}
