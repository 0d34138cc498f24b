import pg from 'pg'
import { cpuSnapshot, type DriveResult, type KindStats, report } from '#bench/load-report.ts'
import {
	roleAccounts,
	type VirtualUser,
	type WorkloadData,
	type WorkloadKind,
	type WorkloadRole,
	workloadKinds,
} from '#bench/load-workload.ts'
import { buildIfNeeded } from '#cli/build-if-needed.ts'
import { readEnv } from '#server/config/env.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { DEMO_PASSWORD } from '#server/demo/demo-accounts.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { createTestKeyring } from '#server/security/keyring.server.ts'
import { type ServeProcess, startServe, Visitor } from '#tests/multi-process/hocvuso-process.ts'
import { postgresUrl, startThrowawayCluster, type ThrowawayCluster } from '#tests/support/postgres-cluster.ts'

/**
 * `npm run bench -- load [users]`: a throwaway PostgreSQL, a demo ward, 1–2 real `hocvuso serve`
 * processes, and `users` simulated people on loopback mixing the kinds of bench/load-workload.ts
 * for a bounded time and number of requests. Prints throughput, latency percentiles and errors per
 * kind, and where the CPU went (app servers, PostgreSQL, this load generator).
 * Settings (environment): BENCH_SECONDS (60), BENCH_MAX_REQUESTS (200000), BENCH_SERVERS (2),
 * BENCH_THINK_MS (1000: mean pause between one person's page views; 0 = as fast as possible),
 * BENCH_RESIDENTS (5000), BENCH_POOL (10: connections per app server).
 */
export async function benchLoad(usersArg?: number): Promise<void> {
	const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
	const users = usersArg ?? 50
	const seconds = setting('BENCH_SECONDS', 60)
	const maxRequests = setting('BENCH_MAX_REQUESTS', 200_000)
	const serverCount = setting('BENCH_SERVERS', 2)
	const thinkMs = setting('BENCH_THINK_MS', 1000)
	const residents = setting('BENCH_RESIDENTS', 5000)
	const pool = setting('BENCH_POOL', 10)
	buildIfNeeded()
	const cluster = await startThrowawayCluster()
	const servers: ServeProcess[] = []
	try {
		const databaseUrl = await prepareDatabase(cluster, residents)
		const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', DATABASE_POOL_SIZE: String(pool) }
		for (let i = 0; i < serverCount; i++) servers.push(await startServe(env))
		const data = await readWorkloadData(databaseUrl)
		const kinds = workloadKinds.filter((k) => k.available(data))
		console.info(
			`load: ${users} users, ${seconds} s or ${maxRequests} requests, think ${thinkMs} ms, ${serverCount} server(s) × pool ${pool}, ward of ${residents}; kinds: ${kinds.map((k) => k.name).join(', ')}`,
		)
		// Sign everyone in first; then measure what the installation burns doing nothing (pg-boss polling,
		// start-up work) so the run's CPU figures can be read net of it.
		const people = await signInEveryone(users, servers, kinds)
		const idleStart = await cpuSnapshot(servers, cluster)
		await new Promise((resolve) => setTimeout(resolve, 5000))
		const idleEnd = await cpuSnapshot(servers, cluster)
		const before = await cpuSnapshot(servers, cluster)
		const result = await drive({ people, seconds, maxRequests, thinkMs, kinds, data })
		const after = await cpuSnapshot(servers, cluster)
		report(result, before, after, { seconds: 5, start: idleStart, end: idleEnd })
	} finally {
		for (const server of servers) await server.stop()
		cluster.stop()
	}
}

async function prepareDatabase(cluster: ThrowawayCluster, residents: number): Promise<string> {
	const admin = new pg.Client({ connectionString: postgresUrl(cluster, 'postgres') })
	await admin.connect()
	await admin.query('create database hocvuso')
	await admin.end()
	const databaseUrl = postgresUrl(cluster, 'hocvuso')
	const database = await openDatabase({ databaseUrl })
	await migrateDatabase(database)
	const services = {
		env: readEnv({ DATABASE_URL: databaseUrl }),
		database,
		db: database.db,
		keyring: createTestKeyring(),
	}
	const started = performance.now()
	await seedDemoWard(services, { residents, seed: 2026 })
	await refreshStatistics(database)
	console.info(
		`load: seeded ${residents} residents in ${((performance.now() - started) / 1000).toFixed(1)} s`,
	)
	await database.close()
	return databaseUrl
}

async function readWorkloadData(databaseUrl: string): Promise<WorkloadData> {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		const ids = await client.query<{ id: string }>('select id from resident order by id limit 2000')
		const names = await client.query<{ name: string }>(
			"select split_part(search_name, ' ', 1) || ' ' || split_part(search_name, ' ', 3) as name from resident limit 200",
		)
		let lessons: string[] = []
		try {
			const rows = await client.query<{ id: string }>(
				"select id from learning_lesson where status = 'published'",
			)
			lessons = rows.rows.map((r) => r.id)
		} catch {
			// the learning capability's tables are not there
		}
		return {
			residentIds: ids.rows.map((r) => r.id),
			lessonIds: lessons,
			searchTerms: names.rows.map((r) => r.name),
		}
	} finally {
		await client.end()
	}
}

/** A small deterministic generator (mulberry32), so runs choose the same sequence. */
function random(seed: number): () => number {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

/** The kind a roll in [0, total weight) falls on. */
function pickKind<K extends { weight: number }>(kinds: K[], roll: number): K {
	let rest = roll
	for (const kind of kinds) {
		rest -= kind.weight
		if (rest < 0) return kind
	}
	return kinds[kinds.length - 1] as K
}

/** One simulated person: their own address, their own random sequence, one server. */
function simulatedPerson(index: number, servers: ServeProcess[]): { user: VirtualUser; next: () => number } {
	const next = random(1000 + index)
	const visitors = new Map<WorkloadRole, Visitor>()
	const base = (servers[index % servers.length] as ServeProcess).url
	const user: VirtualUser = {
		index,
		base,
		pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
		async as(role) {
			let visitor = visitors.get(role)
			if (!visitor) {
				// Each simulated person comes from their own address (the per-address sign-in limit).
				visitor = new Visitor({ 'X-Forwarded-For': `10.0.${index % 250}.${(index >> 8) + 1}` })
				if (role !== 'anonymous') {
					const status = await visitor.signIn(base, roleAccounts[role], DEMO_PASSWORD)
					if (status !== 302) throw new Error(`sign-in as ${roleAccounts[role]} answered ${status}`)
				}
				visitors.set(role, visitor)
			}
			return visitor
		},
	}
	return { user, next }
}

type Person = ReturnType<typeof simulatedPerson>

/** Signs every simulated person in as each role the kinds need, eight at a time, before the clock starts. */
async function signInEveryone(
	users: number,
	servers: ServeProcess[],
	kinds: WorkloadKind[],
): Promise<Person[]> {
	const people = Array.from({ length: users }, (_, index) => simulatedPerson(index, servers))
	const roles = [...new Set(kinds.map((k) => k.role))]
	for (let i = 0; i < people.length; i += 8) {
		await Promise.all(people.slice(i, i + 8).flatMap(({ user }) => roles.map((role) => user.as(role))))
	}
	return people
}

async function drive(options: {
	people: Person[]
	seconds: number
	maxRequests: number
	thinkMs: number
	kinds: WorkloadKind[]
	data: WorkloadData
}): Promise<DriveResult> {
	const stats = new Map(options.kinds.map((k) => [k.name, { latencies: [], errors: new Map() } as KindStats]))
	const totalWeight = options.kinds.reduce((n, k) => n + k.weight, 0)
	const { people } = options
	const started = performance.now()
	const deadline = started + options.seconds * 1000
	let issued = 0
	const runUser = async ({ user, next }: (typeof people)[number]) => {
		// Spread the start over the first think time, as people do not arrive all at once.
		await new Promise((resolve) => setTimeout(resolve, next() * options.thinkMs))
		while (performance.now() < deadline && issued < options.maxRequests) {
			issued++
			const kind = pickKind(options.kinds, next() * totalWeight)
			const s = stats.get(kind.name) as KindStats
			const t0 = performance.now()
			try {
				const result = await kind.view(user, options.data)
				s.latencies.push(performance.now() - t0)
				if (!result.ok)
					s.errors.set(`HTTP ${result.status}`, (s.errors.get(`HTTP ${result.status}`) ?? 0) + 1)
			} catch (error) {
				s.latencies.push(performance.now() - t0)
				const key = (error as Error).name || 'error'
				s.errors.set(key, (s.errors.get(key) ?? 0) + 1)
			}
			if (options.thinkMs > 0)
				await new Promise((resolve) => setTimeout(resolve, options.thinkMs * (0.5 + next())))
		}
	}
	await Promise.all(people.map(runUser))
	const total = [...stats.values()].reduce((n, s) => n + s.latencies.length, 0)
	return { stats, wallSeconds: (performance.now() - started) / 1000, total }
}
