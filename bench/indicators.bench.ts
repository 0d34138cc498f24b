import { sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { measure, ms, openBenchServices } from '#bench/bench-utils.ts'
import { seedDemoAssessments } from '#server/assessment/demo-assessments.server.ts'
import { importQuestionBank } from '#server/assessment/import-questions.server.ts'
import { readEnv } from '#server/config/env.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { computeIndicators } from '#server/indicators/compute-indicators.server.ts'
import { seedDemoLearningHistory } from '#server/indicators/demo-learning-history.server.ts'
import {
	ensureStandardIndicators,
	listIndicatorDefinitions,
} from '#server/indicators/indicator-definitions.server.ts'
import { computeLiveIndicators, type LiveRefresh } from '#server/indicators/live-indicators.server.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import { createTestKeyring } from '#server/security/keyring.server.ts'
import { postgresUrl, startThrowawayCluster } from '#tests/support/postgres-cluster.ts'
import type { TestServices } from '#tests/support/test-services.ts'

/*
 * `npm run bench -- indicators [residents]`: a generated ward (default 100,000 residents) with its
 * learning history (lesson_progress, from the demo generator) and VNeID-confirmed certificates; the time
 * to compute every indicator with every breakdown, cold (first run) and warm (p50), and the floor: one
 * statement counting every row of the same tables on the same engine. PGlite by default;
 * INDICATORS_BENCH_ENGINE=postgres runs it on a throwaway PostgreSQL (the province-size run), or
 * BENCH_DATABASE_URL on a database you provide. INDICATORS_BENCH_DATA_DIR=<folder> keeps the generated ward
 * in a PGlite folder and reuses it on the next run; INDICATORS_BENCH_EXPLAIN=1 prints the plan with timings.
 */
export async function benchIndicators(size: number): Promise<void> {
	const keptDataDir = process.env.INDICATORS_BENCH_DATA_DIR
	const onPostgres = process.env.INDICATORS_BENCH_ENGINE === 'postgres' && !process.env.BENCH_DATABASE_URL
	const cluster = onPostgres ? await startThrowawayCluster() : null
	let services: TestServices
	if (cluster) {
		const url = postgresUrl(cluster, 'postgres')
		const database = await openDatabase({ databaseUrl: url })
		await migrateDatabase(database)
		services = {
			env: readEnv({ DATABASE_URL: url }),
			database,
			db: database.db,
			keyring: createTestKeyring(),
			close: () => database.close(),
		}
	} else if (keptDataDir) {
		// A ward generated once and kept on disk: iterate on the queries without regenerating it each run.
		const database = await openDatabase({ dataDir: keptDataDir })
		await migrateDatabase(database)
		services = {
			env: readEnv({ NODE_ENV: 'production', DATA_DIR: keptDataDir }),
			database,
			db: database.db,
			keyring: createTestKeyring(),
			close: () => database.close(),
		}
	} else services = await openBenchServices()
	try {
		const today = '2026-12-07'
		const t0 = performance.now()
		const generated = await ensureBenchWard(services, size, today)
		const ward = await services.db.query.wards.findFirst({ columns: { id: true } })
		if (!ward) throw new Error('seed failed')
		await ensureStandardIndicators(services.db, ward.id)
		await refreshStatistics(services.database)
		const t1 = performance.now()
		const counts = (await services.db.execute(sql`select
			(select count(*) from resident)::int as residents, (select count(*) from learner)::int as learners,
			(select count(*) from lesson_progress)::int as progress, (select count(*) from certificate)::int as certificates,
			(select count(*) from organization_membership)::int as memberships,
			(select count(*) from assessment_attempt)::int as attempts, (select count(*) from oral_assessment)::int as orals,
			(select count(*) from outreach_visit)::int as visits,
			(select count(*) from resident_target_group)::int as target_groups`)) as unknown as {
			rows: Record<string, number>[]
		}
		const c = counts.rows[0]!
		console.info(
			`indicators ${services.database.kind}: ${c.residents} residents, ${c.learners} learners, ${c.progress} lesson_progress rows (${generated} generated now), ${c.certificates} certificates, ${c.memberships} memberships, ${c.target_groups} target-group rows, ${c.attempts} quiz attempts, ${c.orals} in-class assessments, ${c.visits} household visits`,
		)
		console.info(`  data ready in ${((t1 - t0) / 1000).toFixed(1)} s`)
		const definitions = await listIndicatorDefinitions(services.db, ward.id)
		const compute = () =>
			computeIndicators(services.db, { wardId: ward.id, indicators: definitions, asOf: today })
		// The tables the statement reads now (learning through the trigger-kept summary, decision 020).
		const readFloorQuery = () =>
			services.db.execute(sql`select (select count(*) from resident) + (select count(*) from learner)
				+ (select count(*) from learner_learning_summary) + (select count(*) from learning_lesson)
				+ (select count(*) from resident_target_group) + (select count(*) from organization_membership)
				+ (select count(*) from organization) + (select count(*) from certificate) as n`)
		// The source tables: every lesson completion, as the first version read them.
		const floorQuery = () =>
			services.db.execute(sql`select (select count(*) from resident) + (select count(*) from learner)
				+ (select count(*) from lesson_progress) + (select count(*) from learning_lesson)
				+ (select count(*) from resident_target_group) + (select count(*) from organization_membership)
				+ (select count(*) from organization) + (select count(*) from certificate) as n`)
		if (process.env.INDICATORS_BENCH_EXPLAIN) await explainIndicators(services, ward.id, definitions, today)
		const coldStart = performance.now()
		const values = await compute()
		const cold = performance.now() - coldStart
		const floorColdStart = performance.now()
		await floorQuery()
		const floorCold = performance.now() - floorColdStart
		const warm = await measure(compute, 10, 2)
		const floor = await measure(floorQuery, 10, 2)
		const readFloor = await measure(readFloorQuery, 10, 2)
		console.info(
			`  all ${definitions.length} indicators × 5 breakdowns (one statement): cold ${ms(cold)}, warm p50 ${ms(warm.p50)} p95 ${ms(warm.p95)}`,
		)
		console.info(
			`  floor (count every row of the source tables, lesson_progress included): cold ${ms(floorCold)}, warm p50 ${ms(floor.p50)}; ratio warm ${(warm.p50 / Math.max(floor.p50, 0.01)).toFixed(2)}×`,
		)
		console.info(
			`  floor (count every row of the tables the statement reads, learner_learning_summary instead): warm p50 ${ms(readFloor.p50)}; ratio warm ${(warm.p50 / Math.max(readFloor.p50, 0.01)).toFixed(2)}×`,
		)
		// The dashboard's path for the whole ward today (decision 022): the kept state, rebuilt on a new
		// day, otherwise moved by the residents the triggers noted.
		const live = (onRefresh?: (r: LiveRefresh) => void) =>
			computeLiveIndicators(services.db, { wardId: ward.id, indicators: definitions, asOf: today, onRefresh })
		await services.db.execute(sql`delete from indicator_live_state`)
		const rebuildStart = performance.now()
		const liveValues = await live()
		const rebuildTime = performance.now() - rebuildStart
		const same = JSON.stringify(liveValues) === JSON.stringify(values)
		const liveWarm = await measure(() => live(), 10, 2)
		// A busy minute: 20 learners' lesson completions change (their learning summaries, then their flags).
		let round = 0
		const changed: number[] = []
		const touch = () =>
			services.db.execute(sql`update lesson_progress set completed_at = completed_at + interval '1 second'
				where (learner_id, lesson_id) in (select learner_id, lesson_id from lesson_progress
					where status = 'completed' order by learner_id, lesson_id offset ${(round++ * 7919) % 800000} limit 20)`)
		const afterChanges: number[] = []
		for (let i = 0; i < 10; i++) {
			await touch()
			const start = performance.now()
			await live((r) => changed.push(r.residents))
			afterChanges.push(performance.now() - start)
		}
		afterChanges.sort((a, b) => a - b)
		const liveAfter = afterChanges[Math.floor(afterChanges.length / 2)] ?? 0
		console.info(
			`  kept state (the dashboard, whole ward today): rebuild ${ms(rebuildTime)} (first look of a day or after an edit; the nightly job does it), warm p50 ${ms(liveWarm.p50)} p95 ${ms(liveWarm.p95)}, after 20 learners' progress changed p50 ${ms(liveAfter)} (${Math.max(...changed)} residents moved); same values as the full computation: ${same ? 'yes' : 'NO'}`,
		)
		console.info(
			`  kept state ratio to the floors: warm ${(liveWarm.p50 / Math.max(floor.p50, 0.01)).toFixed(2)}× (source tables), after changes ${(liveAfter / Math.max(floor.p50, 0.01)).toFixed(2)}×`,
		)
		if (!same) process.exitCode = 1
		for (const v of values)
			console.info(
				`    ${v.code.padEnd(3)} ${String(v.numerator).padStart(8)} / ${String(v.denominator).padEnd(8)} groups ${v.breakdowns.residentialGroup.length}, orgs ${v.breakdowns.organization.length}`,
			)
	} finally {
		await services.close()
		cluster?.stop()
	}
}

/** The plan of the all-indicators statement with actual timings (EXPLAIN ANALYZE), for finding the slow part. */
async function explainIndicators(
	services: TestServices,
	wardId: string,
	definitions: Awaited<ReturnType<typeof listIndicatorDefinitions>>,
	asOf: string,
): Promise<void> {
	const plans: string[] = []
	const dialect = new PgDialect({ casing: 'snake_case' })
	// Every statement computeIndicators sends is run as EXPLAIN ANALYZE instead; its rows are then the plan.
	// Inside a transaction too (the statement runs in one, after its SET LOCAL, which is passed through).
	const explaining = <T extends object>(target: T): T =>
		new Proxy(target, {
			get(inner, key, receiver) {
				if (key === 'transaction')
					return (fn: (tx: unknown) => Promise<unknown>) =>
						(inner as unknown as TestServices['db']).transaction((tx) => fn(explaining(tx)))
				if (key !== 'execute') return Reflect.get(inner, key, receiver)
				return async (query: ReturnType<typeof sql>) => {
					const run = (inner as unknown as TestServices['db']).execute.bind(inner)
					// A utility statement (the SET LOCAL) cannot be explained: it runs as it is.
					if (/^\s*set\s/i.test(dialect.sqlToQuery(query).sql)) return run(query)
					const result = (await run(sql`explain (analyze, costs off, timing on) ${query}`)) as unknown as {
						rows: Record<string, string>[]
					}
					plans.push(result.rows.map((r) => Object.values(r)[0]).join('\n'))
					return { rows: [] }
				}
			},
		})
	const db = explaining(services.db)
	await computeIndicators(db, { wardId, indicators: definitions, asOf })
	for (const plan of plans) console.info(plan)
}

/**
 * The bench's ward (`size` residents, fixed seed) with its learning history, VNeID-confirmed certificates,
 * course quizzes and in-class assessments, generated unless the database already holds a ward. Returns
 * how many lesson completions were generated now.
 */
export async function ensureBenchWard(services: TestServices, size: number, today: string): Promise<number> {
	const existing = await services.db.query.wards.findFirst({ columns: { id: true } })
	let generated = 0
	if (!existing) {
		await seedDemoWard(services, { residents: size, seed: 2026 })
		await importLearningContent(services.db)
		const seeded = await services.db.query.wards.findFirst({ columns: { id: true } })
		if (!seeded) throw new Error('seed failed')
		const history = await seedDemoLearningHistory(services.db, {
			wardId: seeded.id,
			seed: 2026,
			from: '2026-01-01',
			today,
		})
		generated = history.lessonsCompleted
		// Confirmed on VNeID (target 4): about two thirds of the adults who finished a course by the autumn.
		await services.db.execute(sql`insert into certificate (ward_id, resident_id, track_id, code, basis, issued_on)
			select r.ward_id, r.id, 'citizen', 'B' || substr(md5(r.id::text), 1, 11), 'vneid',
				date '2026-03-01' + (abs(hashtext(r.id::text)) % 250)
			from resident r join learner l on l.resident_id = r.id
			where r.birth_year <= 2008 and abs(hashtext(r.id::text)) % 3 <> 0
				and exists (select 1 from lesson_progress p where p.learner_id = l.id and p.status = 'completed')`)
	} else console.info('  reusing the generated ward')
	// Course quizzes after each finished course and the instructors' confirmed AI practical tasks
	// (indicator 8 reads those); the ward's seed already holds the volunteers' household visits.
	const [attemptCount] = (
		(await services.db.execute(sql`select count(*)::int as n from assessment_attempt`)) as unknown as {
			rows: { n: number }[]
		}
	).rows
	if (!attemptCount?.n) {
		await importQuestionBank(services.db)
		await seedDemoAssessments(services.db, { seed: 2026 })
	}
	return generated
}
