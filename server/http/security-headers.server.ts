import type { NextFunction, Request, Response } from 'express'

/**
 * Headers every response carries. The content security policy allows only our own origin; inline
 * scripts are those React Router emits for hydration, which carry no user data.
 */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
	res.setHeader('X-Content-Type-Options', 'nosniff')
	res.setHeader('Referrer-Policy', 'same-origin')
	res.setHeader('X-Frame-Options', 'DENY')
	res.setHeader('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()')
	res.setHeader(
		'Content-Security-Policy',
		[
			"default-src 'self'",
			"script-src 'self' 'unsafe-inline'",
			"style-src 'self' 'unsafe-inline'",
			"img-src 'self' data: blob:",
			"connect-src 'self'",
			"font-src 'self'",
			"frame-ancestors 'none'",
			"form-action 'self'",
			"base-uri 'self'",
			"object-src 'none'",
		].join('; '),
	)
	next()
}
