import crypto from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'

export interface SecurityHeaderOptions {
	/**
	 * Development (Vite middleware): Vite injects inline scripts (the React refresh preamble) that
	 * carry no nonce, so scripts fall back to 'unsafe-inline' there. Never in production.
	 */
	dev?: boolean
}

/** HSTS for one year; no includeSubDomains: other sites of the ward's domain may still be plain HTTP. */
export const HSTS_VALUE = 'max-age=31536000'

/** The content security policy of the app's pages, with this response's script nonce. */
export function contentSecurityPolicy(nonce: string | null): string {
	return [
		"default-src 'self'",
		// React Router's hydration scripts are inline: each carries this response's nonce.
		nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self' 'unsafe-inline'",
		// Inline style attributes (React's `style`) are harmless without inline scripts.
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"connect-src 'self'",
		"font-src 'self'",
		"frame-ancestors 'none'",
		"form-action 'self'",
		"base-uri 'self'",
		"object-src 'none'",
	].join('; ')
}

/**
 * Headers every response carries. Each response gets a fresh script nonce (`res.locals.cspNonce`),
 * handed to React Router through the load context (app/entry.server.tsx). HSTS only when the request
 * arrived over TLS — directly, or per X-Forwarded-Proto from a proxy Express trusts ('trust proxy').
 */
export function securityHeaders(options: SecurityHeaderOptions = {}) {
	return (req: Request, res: Response, next: NextFunction): void => {
		const nonce = options.dev ? null : crypto.randomBytes(16).toString('base64')
		res.locals.cspNonce = nonce ?? undefined
		res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce))
		res.setHeader('X-Content-Type-Options', 'nosniff')
		// Addresses carry resident and household ids: never send them to another site.
		res.setHeader('Referrer-Policy', 'same-origin')
		res.setHeader('X-Frame-Options', 'DENY')
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
		res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
		res.setHeader('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()')
		if (req.secure) res.setHeader('Strict-Transport-Security', HSTS_VALUE)
		next()
	}
}
