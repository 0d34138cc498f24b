import { DEMO_PASSWORD } from '#server/demo/demo-accounts.ts'
import { Visitor } from '#tests/multi-process/hocvuso-process.ts'

/**
 * The kinds of request the load bench mixes, with their weights. Extension points: as capabilities
 * land, add a kind here — each is a weight, an optional per-user preparation (sign in as the right
 * role) and one "page view". Planned (issue 10): learners answering quizzes (POST the lesson's
 * practice form), volunteers syncing visits (POST a batch to the outreach sync endpoint), staff
 * opening the dashboard (GET the indicators page), the administrative-procedure assistant (POST a
 * question). Kinds whose data is missing in the database (e.g. no published lessons) drop out.
 */
export interface WorkloadData {
	residentIds: string[]
	lessonIds: string[]
	searchTerms: string[]
}

export interface VirtualUser {
	index: number
	/** Picks a random element (the bench's seeded generator). */
	pick<T>(items: readonly T[]): T
	/** One visitor per role this user acts as, signed in on first use. */
	as(role: WorkloadRole): Promise<Visitor>
	/** The server this user talks to (users are spread over the servers). */
	base: string
}

/** What one page view returned: its status, and whether that status is the expected one. */
export interface ViewResult {
	status: number
	ok: boolean
}

export type WorkloadRole = 'anonymous' | 'wardAdmin' | 'groupLeader' | 'learner'

export interface WorkloadKind {
	name: string
	weight: number
	/** Who does it: the bench signs each simulated person in as this role before the clock starts. */
	role: WorkloadRole
	/** False when the installation lacks what this kind needs. */
	available(data: WorkloadData): boolean
	view(user: VirtualUser, data: WorkloadData): Promise<ViewResult>
}

const expect200 = (r: { status: number }): ViewResult => ({ status: r.status, ok: r.status === 200 })

export const workloadKinds: WorkloadKind[] = [
	{
		name: 'anonymous home page',
		role: 'anonymous',
		weight: 25,
		available: () => true,
		view: async (u) => expect200(await (await u.as('anonymous')).get(`${u.base}/`)),
	},
	{
		name: 'sign-in (form + argon2id)',
		role: 'anonymous',
		weight: 2,
		available: () => true,
		async view(u) {
			// A fresh browser each time: a real sign-in with its CSRF cookie, not a reused session.
			const visitor = new Visitor({ 'X-Forwarded-For': `10.1.${u.index % 250}.${(u.index >> 8) + 1}` })
			const status = await visitor.signIn(u.base, 'quantri', DEMO_PASSWORD)
			return { status, ok: status === 302 }
		},
	},
	{
		name: 'staff: resident list (page, search)',
		role: 'wardAdmin',
		weight: 18,
		available: () => true,
		async view(u, data) {
			const query = u.pick([
				`?trang=${1 + Math.floor(u.index % 20)}`,
				`?q=${encodeURIComponent(u.pick(data.searchTerms))}`,
				'',
			])
			return expect200(await (await u.as('wardAdmin')).get(`${u.base}/nguoi-dan${query}`))
		},
	},
	{
		name: 'staff: one resident',
		role: 'wardAdmin',
		weight: 18,
		available: (data) => data.residentIds.length > 0,
		view: async (u, data) =>
			expect200(await (await u.as('wardAdmin')).get(`${u.base}/nguoi-dan/${u.pick(data.residentIds)}`)),
	},
	{
		name: 'group leader: own group list',
		role: 'groupLeader',
		weight: 12,
		available: () => true,
		view: async (u) => expect200(await (await u.as('groupLeader')).get(`${u.base}/nguoi-dan`)),
	},
	{
		name: 'learner: read a lesson',
		role: 'learner',
		weight: 25,
		available: (data) => data.lessonIds.length > 0,
		view: async (u, data) =>
			expect200(
				await (await u.as('learner')).get(`${u.base}/hoc/bai/${encodeURIComponent(u.pick(data.lessonIds))}`),
			),
	},
]

/** Demo accounts used for each signed-in role (seeded by the demo ward). */
export const roleAccounts = { wardAdmin: 'quantri', groupLeader: 'totruong', learner: 'hocvien' } as const
