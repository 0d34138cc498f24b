import crypto from 'node:crypto'
import type { AppLoadContext } from 'react-router'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Access, routeAccess } from '#app/route-access.ts'
import routes from '#app/routes.ts'
import { type Permission, type PolicySubject, roleDefinitions } from '#server/identity/permissions.ts'
import { can } from '#server/identity/policy.server.ts'
import { type Role, roles } from '#server/identity/schema.ts'
import { createSession, findActiveSession } from '#server/identity/session.server.ts'
import { createIdentityWard, createUserWithRole } from '#server/identity/testing/identity-fixtures.ts'
import { createAnonymousCsrfToken } from '#server/security/csrf.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

interface RouteEntry {
	file: string
	path: string
}

function flatten(
	entries: readonly { file: string; path?: string; index?: boolean; children?: unknown }[],
	parent = '',
) {
	const out: RouteEntry[] = []
	for (const e of entries) {
		const path = e.index ? parent || '/' : `${parent}/${e.path ?? ''}`.replace(/\/+/g, '/')
		out.push({ file: e.file, path })
		if (Array.isArray(e.children)) out.push(...flatten(e.children, path))
	}
	return out
}

const declared = flatten(routes)
type Kind = 'loader' | 'action'
type Subject = Role | 'noRole' | 'anonymous'
const subjects: Subject[] = ['anonymous', 'noRole', ...roles]
const guarded = declared.flatMap(({ file, path }) =>
	(['loader', 'action'] as const)
		.filter((kind) => routeAccess[file]?.[kind] && routeAccess[file]?.[kind] !== 'public')
		.map((kind) => ({ file, path, kind, access: routeAccess[file]?.[kind] as Permission })),
)
const csrfGuarded = declared.filter(({ file }) => routeAccess[file]?.action && !routeAccess[file]?.csrfExempt)

type HandlerArgs = { request: Request; context: AppLoadContext; params: Record<string, string> }
type Handler = (args: HandlerArgs) => Promise<unknown> | unknown

async function moduleOf(file: string): Promise<Record<string, unknown>> {
	return import(`../app/${file}`)
}

let services: TestServices
const people = new Map<Subject, PolicySubject & { id: string }>()
const samples: Record<'resident' | 'household' | 'user', string> = { resident: '', household: '', user: '' }

beforeAll(async () => {
	services = await createTestServices()
	const ward = await createIdentityWard(services)
	// residents[2] is in residential group 1 and a member of organisation 1: inside every scoped role's
	// default scope (and the learner is that resident), so "allowed" depends on the permission alone.
	samples.resident = ward.residents[2]
	samples.household = ward.households[0]
	for (const role of roles) {
		const user = await createUserWithRole(services, ward, role, {
			residentId: role === 'learner' ? ward.residents[2] : null,
		})
		people.set(role, await subjectOf(user.id))
	}
	people.set('noRole', await subjectOf((await createUserWithRole(services, ward, null)).id))
	samples.user = (await createUserWithRole(services, ward, 'instructor')).id
})
afterAll(async () => {
	await services.close()
})

async function subjectOf(userId: string): Promise<PolicySubject & { id: string }> {
	const user = await services.db.query.users.findFirst({
		where: (u, { eq }) => eq(u.id, userId),
		with: undefined,
	})
	const grants = await services.db.query.roleAssignments.findMany({
		where: (r, { eq }) => eq(r.userId, userId),
	})
	if (!user) throw new Error('no user')
	return { id: user.id, wardId: user.wardId, residentId: user.residentId, roles: grants }
}

/** Calls a route's loader or action in-process as a subject; returns the status it answered or threw. */
async function call(
	entry: RouteEntry,
	kind: Kind,
	subject: Subject,
	csrf: 'valid' | 'missing' = 'valid',
	/** Every path parameter set to this value instead of the probe's sample. */
	paramValue?: string,
	query = '',
) {
	const handler = (await moduleOf(entry.file))[kind] as Handler
	const probe = routeAccess[entry.file]?.probe
	const params: Record<string, string> = {}
	const path = entry.path.replace(/:(\w+)/g, (_, name: string) => {
		const sample = probe?.params?.[name]
		params[name] = paramValue ?? (sample ? samples[sample] : crypto.randomUUID())
		return encodeURIComponent(params[name])
	})
	let cookie: string
	let token: string
	const person = people.get(subject)
	if (person) {
		const session = await createSession(services, { userId: person.id, ip: '127.0.0.1', userAgent: 'vitest' })
		token = (await findActiveSession(services.db, session.token))?.csrfSecret ?? ''
		cookie = `hv_session=${session.token}`
	} else {
		token = createAnonymousCsrfToken(services.keyring)
		cookie = `hv_csrf=${token}`
	}
	const body = new URLSearchParams({ ...probe?.form, ...(csrf === 'valid' ? { csrf: token } : {}) })
	const request = new Request(
		`http://localhost${path}${query}`,
		kind === 'loader'
			? { headers: { Cookie: cookie } }
			: {
					method: 'POST',
					headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
					body,
				},
	)
	const context = { app: services, requestId: 'route-access-test', clientIp: '127.0.0.1' } as AppLoadContext
	try {
		return outcome(await handler({ request, context, params }))
	} catch (thrown) {
		return outcome(thrown)
	}
}

function outcome(value: unknown): { status: number; location?: string; reason?: string } {
	if (value instanceof Response)
		return { status: value.status, location: value.headers.get('Location') ?? undefined }
	if (value && typeof value === 'object' && (value as { type?: string }).type === 'DataWithResponseInit') {
		const { data, init } = value as { data: { reason?: string } | null; init: ResponseInit | null }
		return { status: init?.status ?? 200, reason: data?.reason }
	}
	if (value instanceof Error) throw value
	return { status: 200 }
}

// The policy's view of each subject, known before any database exists (test.each needs it at collection).
function policySubject(subject: Subject): PolicySubject | null {
	if (subject === 'anonymous') return null
	if (subject === 'noRole') return { id: 'x', wardId: 'w', residentId: null, roles: [] }
	const scopeKind = roleDefinitions[subject].scopeKinds[0] ?? 'ward'
	const scopeId = scopeKind === 'residentialGroup' || scopeKind === 'organization' ? 'scope' : null
	return { id: 'x', wardId: 'w', residentId: 'r', roles: [{ role: subject, scopeKind, scopeId }] }
}

function allowed(subject: Subject, access: Access): boolean {
	return access === 'public' || can(policySubject(subject), access)
}

describe('the route table', () => {
	test('lists every route in app/routes.ts, and only those', () => {
		expect(Object.keys(routeAccess).sort()).toEqual([...new Set(declared.map((r) => r.file))].sort())
	})

	test.each(declared)('$file declares exactly the handlers it exports', async ({ file }) => {
		const mod = await moduleOf(file)
		expect({ loader: typeof mod.loader === 'function', action: typeof mod.action === 'function' }).toEqual({
			loader: routeAccess[file]?.loader !== undefined,
			action: routeAccess[file]?.action !== undefined,
		})
	})
})

describe.each(guarded)('$file $kind needs $access', (entry) => {
	test.each(subjects)('as %s', async (subject) => {
		const result = await call(entry, entry.kind, subject)
		if (subject === 'anonymous') {
			expect(result.status).toBe(302)
			expect(result.location).toMatch(/^\/dang-nhap/)
		} else if (allowed(subject, entry.access)) {
			expect(result.status, JSON.stringify(result)).not.toBe(403)
			expect(result.location ?? '').not.toMatch(/^\/dang-nhap(\?returnTo=|$)/)
		} else {
			expect(result).toMatchObject({ status: 403, reason: 'forbidden' })
		}
	})
})

describe.each(csrfGuarded)('$file action refuses a post without a CSRF token', (entry) => {
	const access = routeAccess[entry.file]?.action as Access
	const subjectsAllowed = subjects.filter(
		(s) => allowed(s, access) && (access === 'public' || s !== 'anonymous'),
	)
	test.each(subjectsAllowed)('as %s', async (subject) => {
		expect(await call(entry, 'action', subject, 'missing')).toMatchObject({ status: 403, reason: 'csrf' })
		expect((await call(entry, 'action', subject, 'valid')).status).not.toBe(403)
	})
})

// Path parameters come from the address bar: whatever is typed there must get a 4xx, never a database
// error (a malformed uuid reaching a query) or a file read outside its folder.
const hostileParams = ['dong-y', "1' or '1'='1", '../../etc/passwd', '%00', 'x'.repeat(300), '-'.repeat(36)]
const withParams = declared.filter(
	({ file, path }) => path.includes(':') && routeAccess[file]?.loader !== undefined,
)
describe.each(withParams)('$file loader with a malformed path parameter', (entry) => {
	const access = routeAccess[entry.file]?.loader as Access
	const subject: Subject =
		access === 'public' ? 'anonymous' : (roles.find((role) => allowed(role, access)) as Subject)
	test.each(hostileParams)('%s answers 4xx', async (value) => {
		const result = await call(entry, 'loader', subject, 'valid', value)
		expect(result.status, JSON.stringify(result)).toBeGreaterThanOrEqual(400)
		expect(result.status, JSON.stringify(result)).toBeLessThan(500)
	})
})

// Query strings too: every filter, page and sort parameter any page reads, all at once, with classic
// payloads — each page answers (its defaults, a 4xx or a redirect), never with a server error.
const queryKeys = [
	'q',
	'tim',
	'group',
	'to',
	'sex',
	'sx',
	'vneid',
	'status',
	'learning',
	'ageBand',
	'targetGroup',
	'doiTuong',
	'page',
	'trang',
	'sort',
	'sapXep',
	'role',
	'action',
	'from',
	'tu',
	'thang',
	'indicator',
	'chiTieu',
	'cohort',
	'dim',
	'key',
	'kind',
	'loai',
	'course',
	'khoa',
	'track',
	'ky',
	'period',
	'organization',
	'source',
	'outcome',
	'days',
	'level',
	'code',
	'ma',
	'returnTo',
	'chon',
	'n',
	'dinhDang',
	'archived',
	'subject',
	'phienBan',
	'daLuu',
]
const hostileQueryValues = [
	"' or 1=1 --",
	'<script>alert(1)</script>',
	'../../etc/passwd',
	'-1',
	'9'.repeat(30),
]
const loaders = declared.filter(({ file }) => routeAccess[file]?.loader !== undefined)
describe.each(loaders)('$file loader with hostile query parameters', (entry) => {
	const access = routeAccess[entry.file]?.loader as Access
	const subject: Subject =
		access === 'public' ? 'anonymous' : (roles.find((role) => allowed(role, access)) as Subject)
	test.each(hostileQueryValues)('%s answers without a server error', async (value) => {
		const query = `?${new URLSearchParams(queryKeys.map((key) => [key, value])).toString()}`
		// A thrown error fails here already; 503 is a page saying a service is not set up (VNeID, keys).
		const result = await call(entry, 'loader', subject, 'valid', undefined, query)
		expect(result.status, JSON.stringify(result)).not.toBe(500)
	})
})
