import { getAppServices } from '#server/app-services.server.ts'

/** Reads one cookie from a request's Cookie header (values we set are base64url, never encoded). */
export function readCookie(request: Request, name: string): string | null {
	const header = request.headers.get('Cookie')
	if (!header) return null
	for (const part of header.split(';')) {
		const eq = part.indexOf('=')
		if (eq === -1) continue
		if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null
	}
	return null
}

/**
 * Cookies are marked Secure when the request arrived over HTTPS (Express honours X-Forwarded-Proto
 * from the trusted proxy) or when the installation's public address is HTTPS.
 */
export function isSecureContext(request: Request): boolean {
	if (new URL(request.url).protocol === 'https:') return true
	return publicUrl()?.startsWith('https:') ?? false
}

function publicUrl(): string | undefined {
	try {
		return getAppServices().env.PUBLIC_URL
	} catch {
		return undefined
	}
}

export interface CookieOptions {
	expires?: Date
	maxAgeSeconds?: number
	httpOnly?: boolean
}

/** A Set-Cookie value: path /, SameSite=Lax, HttpOnly unless told otherwise, Secure over HTTPS. */
export function serializeCookie(
	name: string,
	value: string,
	request: Request,
	options: CookieOptions = {},
): string {
	const parts = [`${name}=${value}`, 'Path=/', 'SameSite=Lax']
	if (options.httpOnly !== false) parts.push('HttpOnly')
	if (isSecureContext(request)) parts.push('Secure')
	if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`)
	if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`)
	return parts.join('; ')
}

/** A Set-Cookie value that removes the cookie. */
export function serializeExpiredCookie(name: string, request: Request): string {
	return serializeCookie(name, '', request, { expires: new Date(0), maxAgeSeconds: 0 })
}
