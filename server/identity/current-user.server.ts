import { eq } from 'drizzle-orm'
import { type AppLoadContext, redirect } from 'react-router'
import type { Database } from '#server/db/client.server.ts'
import type { PolicySubject, RoleGrant } from '#server/identity/permissions.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { findActiveSession, readSessionToken } from '#server/identity/session.server.ts'

/** The signed-in person, as every loader and action sees them. */
export interface CurrentUser extends PolicySubject {
	id: string
	wardId: string
	username: string | null
	displayName: string
	residentId: string | null
	mustChangePassword: boolean
	roles: RoleGrant[]
	sessionId: string
	/** The synchronizer token that every form of this session must send back (see require-csrf). */
	csrfToken: string
}

// The root loader and the route's loader ask for the same request: look the session up once.
const perRequest = new WeakMap<Request, Promise<CurrentUser | null>>()

/** The person signed in on this request, or null. */
export function getCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
	let pending = perRequest.get(request)
	if (!pending) {
		pending = loadCurrentUser(request, context.app.db)
		perRequest.set(request, pending)
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
	const session = await findActiveSession(db, token)
	if (!session) return null
	const [account, roles] = await Promise.all([
		db.query.users.findFirst({
			columns: {
				id: true,
				wardId: true,
				username: true,
				displayName: true,
				residentId: true,
				mustChangePassword: true,
			},
			where: eq(users.id, session.userId),
		}),
		db
			.select({
				role: roleAssignments.role,
				scopeKind: roleAssignments.scopeKind,
				scopeId: roleAssignments.scopeId,
			})
			.from(roleAssignments)
			.where(eq(roleAssignments.userId, session.userId)),
	])
	if (!account) return null
	return { ...account, roles, sessionId: session.sessionId, csrfToken: session.csrfSecret }
}
