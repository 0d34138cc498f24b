import type { Permission } from '#server/identity/permissions.ts'

/** 'public': anyone, signed in or not, and the handler does not ask the policy. */
export type Access = 'public' | Permission

export interface RouteAccess {
	/** What the loader needs (omit when the module has no loader). */
	loader?: Access
	/** What the action needs (omit when the module has no action). */
	action?: Access
	/** Why this route's action takes no CSRF token (every other action must refuse a post without one). */
	csrfExempt?: string
}

/**
 * For every route module in app/routes.ts, the permission its loader and action require. The table is
 * the specification: app/route-access.test.ts signs in as every role and calls each loader and action
 * in-process, and fails if a route lets in someone the policy does not allow, refuses someone it
 * does, is missing here, or accepts a post without a CSRF token. Add your route here when you add it
 * to routes.ts.
 */
export const routeAccess: Record<string, RouteAccess> = {
	'routes/home.tsx': { loader: 'public' },
	'routes/healthz.ts': { loader: 'public' },
	'routes/preferences.ts': {
		loader: 'public',
		action: 'public',
		csrfExempt:
			'sets only the display-preferences cookie (language, text size, contrast) and must work on every page, error pages included; a forged post can change nothing but how the page looks (docs/decisions/005-csrf.md)',
	},
	'routes/sign-in.tsx': { loader: 'public', action: 'public' },
	'routes/sign-out.ts': { loader: 'public', action: 'account.self' },
	'routes/account.tsx': { loader: 'account.self', action: 'account.self' },
	'routes/admin-accounts.tsx': { loader: 'accounts.manage' },
	'routes/admin-account-new.tsx': { loader: 'accounts.manage', action: 'accounts.manage' },
	'routes/admin-account.tsx': { loader: 'accounts.manage', action: 'accounts.manage' },
	'routes/admin-audit.tsx': { loader: 'audit.read' },
	'routes/vneid-start.tsx': { loader: 'public' },
	'routes/vneid-callback.tsx': { loader: 'public' },
	'routes/vneid-unmatched.tsx': { loader: 'public' },
	'routes/not-found.tsx': {
		loader: 'public',
		action: 'public',
		csrfExempt: 'answers 404 to every method and changes nothing',
	},
}
