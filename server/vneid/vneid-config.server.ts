import type { Env } from '#server/config/env.server.ts'

/** Where and as whom hocvuso signs people in with VNeID. */
export interface VneidClientConfig {
	issuer: URL
	clientId: string
	clientSecret: string
	/** Plain HTTP to the issuer, allowed only for an issuer on this machine (the sandbox). */
	allowInsecureRequests: boolean
	/** True when the issuer is the local VNeID sandbox, not the real VNeID. */
	sandbox: boolean
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** An http:// issuer is acceptable only on this machine; anywhere else it must be https://. */
export function isLocalHttpIssuer(issuer: URL): boolean {
	return issuer.protocol === 'http:' && LOCAL_HOSTS.has(issuer.hostname)
}

// The demo sandbox is wired by the CLI process, while routes run from the bundled server build: both
// must see the same registration, hence a globalThis slot (as for AppServices).
const KEY = Symbol.for('hocvuso.vneidSandboxConfig')
type GlobalWithConfig = typeof globalThis & { [KEY]?: VneidClientConfig }

/** Points VNeID sign-in at the sandbox (demo mode); `undefined` goes back to the environment. */
export function registerVneidSandboxConfig(config: VneidClientConfig | undefined): void {
	;(globalThis as GlobalWithConfig)[KEY] = config
}

/**
 * The VNeID configuration in force: the registered sandbox in demo mode, otherwise VNEID_ISSUER,
 * VNEID_CLIENT_ID and VNEID_CLIENT_SECRET. Undefined when VNeID sign-in is not set up; throws when
 * it is set up wrongly (a remote issuer over plain HTTP).
 */
export function resolveVneidConfig(env: Env): VneidClientConfig | undefined {
	const registered = (globalThis as GlobalWithConfig)[KEY]
	if (registered) return registered
	if (!env.VNEID_ISSUER || !env.VNEID_CLIENT_ID || !env.VNEID_CLIENT_SECRET) return undefined
	const issuer = new URL(env.VNEID_ISSUER)
	if (issuer.protocol !== 'https:' && !isLocalHttpIssuer(issuer)) {
		throw new Error(`VNEID_ISSUER phải dùng https:// / must use https:// (${issuer.href})`)
	}
	return {
		issuer,
		clientId: env.VNEID_CLIENT_ID,
		clientSecret: env.VNEID_CLIENT_SECRET,
		allowInsecureRequests: isLocalHttpIssuer(issuer),
		sandbox: false,
	}
}

export const VNEID_CALLBACK_PATH = '/dang-nhap/vneid/callback'

/** The redirect URI registered with the issuer: PUBLIC_URL when set, else the request's own origin. */
export function vneidRedirectUri(env: Env, requestUrl: string | URL): string {
	const base = env.PUBLIC_URL ?? new URL(requestUrl).origin
	return new URL(VNEID_CALLBACK_PATH, base).href
}
