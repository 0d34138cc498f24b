import { type AppLoadContext, redirect } from 'react-router'
import type { Database } from '#server/db/client.server.ts'
import type { PolicySubject, RoleGrant } from '#server/identity/permissions.ts'
import {
	findSignedInAccount,
	readSessionToken,
	type SignedInAccount,
} from '#server/identity/session.server.ts'

type SignedInAccountFields = SignedInAccount['account']

/** The signed-in person, as every loader and action sees them: the account, its roles and its session. */
export interface CurrentUser extends PolicySubject, SignedInAccountFields {
	roles: RoleGrant[]
	sessionId: string
	/** The synchronizer token that every form of this session must send back (see require-csrf). */
	csrfToken: string
}

// The root loader and the route's loader ask for the same request: look the session up once. React
// Router hands each loader its own copy of the Request, so the loaders of one page share the lookup
// through the request's load context (created per HTTP request by server/http); only for GET and HEAD:
// an action may change the session or the account, and the loaders that run after it look again.
// A context without that slot (tests that build their own) falls back to the Request itself.
const perRequest = new WeakMap<object, Promise<CurrentUser | null>>()

/** The person signed in on this request, or null. */
export function getCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
	const reading = request.method === 'GET' || request.method === 'HEAD'
	const key = reading && context.perRequest ? context.perRequest : request
	let pending = perRequest.get(key)
	if (!pending) {
		pending = loadCurrentUser(request, context.app.db)
		perRequest.set(key, pending)
	}
	return pending
}

/** The signed-in person; anyone else is sent to the sign-in page and brought back afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<CurrentUser> {
	const user = await getCurrentUser(request, context)
	if (!user) throw redirect(signInPath(request))
	return user
}

/** `/dang-nhap?returnTo=<this page>` (for a form post, the page the form was on). */
export function signInPath(request: Request): string {
	const url = new URL(request.url)
	const returnTo = request.method === 'GET' ? url.pathname + url.search : url.pathname
	if (returnTo === '/' || returnTo.startsWith('/dang-nhap')) return '/dang-nhap'
	return `/dang-nhap?returnTo=${encodeURIComponent(returnTo)}`
}

async function loadCurrentUser(request: Request, db: Database): Promise<CurrentUser | null> {
	const token = readSessionToken(request)
	if (!token) return null
	const found = await findSignedInAccount(db, token)
	if (!found) return null
	return { ...found.account, roles: found.roles, sessionId: found.sessionId, csrfToken: found.csrfSecret }
}
