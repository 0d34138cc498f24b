import { sql } from 'drizzle-orm'
import { ms } from '#bench/bench-utils.ts'
import { ensureBenchWard } from '#bench/indicators.bench.ts'
import { readEnv } from '#server/config/env.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { computeIndicators, type IndicatorValue } from '#server/indicators/compute-indicators.server.ts'
import {
	ensureStandardIndicators,
	listIndicatorDefinitions,
} from '#server/indicators/indicator-definitions.server.ts'
import {
	computeLiveIndicators,
	refreshLiveIndicatorsForAllWards,
} from '#server/indicators/live-indicators.server.ts'
import { createTestKeyring } from '#server/security/keyring.server.ts'
import { postgresUrl, startThrowawayCluster } from '#tests/support/postgres-cluster.ts'
import type { TestServices } from '#tests/support/test-services.ts'

/*
 * `npm run bench -- indicators-province [wards]`: a province on PostgreSQL — one generated ward
 * (PROVINCE_WARD_SIZE residents, default 100,000, with its learning history, certificates, quizzes and
 * in-class assessments) copied under new ids until there are `wards` wards (default 17: 1.7 million
 * people). Prints the nightly rebuild of every ward's kept state (decision 022), the province's figures
 * (every ward's nine indicators with their breakdowns, summed) cold and warm and after changes, the same
 * from the rows ward by ward, and the floor: one statement counting every row of the source tables.
 * BENCH_DATABASE_URL runs it on a database you provide (a kept province is reused).
 */
export async function benchIndicatorsProvince(wardCount: number): Promise<void> {
	const wardSize = Number(process.env.PROVINCE_WARD_SIZE ?? 100_000)
	const cluster = process.env.BENCH_DATABASE_URL ? null : await startThrowawayCluster()
	const url = cluster ? postgresUrl(cluster, 'postgres') : (process.env.BENCH_DATABASE_URL as string)
	const database = await openDatabase({ databaseUrl: url })
	await migrateDatabase(database)
	const services: TestServices = {
		env: readEnv({ DATABASE_URL: url }),
		database,
		db: database.db,
		keyring: createTestKeyring(),
		close: () => database.close(),
	}
	const db = services.db
	const today = '2026-12-07'
	try {
		const t0 = performance.now()
		await ensureBenchWard(services, wardSize, today)
		const wardIds = async () =>
			(
				(await db.execute(sql`select id from ward order by code`)) as unknown as {
					rows: { id: string }[]
				}
			).rows.map((r) => r.id)
		const source = (await wardIds())[0] as string
		for (let k = (await wardIds()).length; k < wardCount; k++) {
			const start = performance.now()
			await copyWard(services, source, k)
			console.info(
				`  ward ${k + 1}/${wardCount} copied in ${((performance.now() - start) / 1000).toFixed(1)} s`,
			)
		}
		for (const id of await wardIds()) await ensureStandardIndicators(db, id)
		await refreshStatistics(database)
		const counts = (
			(await db.execute(sql`select (select count(*) from ward)::int as wards,
				(select count(*) from resident)::int as residents, (select count(*) from lesson_progress)::int as progress,
				(select count(*) from assessment_attempt)::int as attempts, (select count(*) from certificate)::int as certificates,
				(select count(*) from organization_membership)::int as memberships`)) as unknown as {
				rows: Record<string, number>[]
			}
		).rows[0]!
		console.info(
			`indicators-province postgres: ${counts.wards} wards, ${counts.residents} residents, ${counts.progress} lesson completions, ${counts.attempts} quiz attempts, ${counts.certificates} certificates, ${counts.memberships} memberships; ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
		)
		const wards = await wardIds()
		const definitions = new Map(
			await Promise.all(wards.map(async (id) => [id, await listIndicatorDefinitions(db, id)] as const)),
		)
		await db.execute(sql`delete from indicator_live_state`)
		const rebuildStart = performance.now()
		await refreshLiveIndicatorsForAllWards(db, new Date(`${today}T12:00:00+07:00`))
		const rebuild = performance.now() - rebuildStart
		// The province's figures: every ward's indicators and breakdowns, added up per indicator.
		const province = async () => {
			const perWard = await Promise.all(
				wards.map((wardId) =>
					computeLiveIndicators(db, { wardId, indicators: definitions.get(wardId)!, asOf: today }),
				),
			)
			return sumWards(perWard)
		}
		const look = async () => {
			const start = performance.now()
			const values = await province()
			return { values, time: performance.now() - start }
		}
		const cold = await look()
		const warmTimes: number[] = []
		for (let i = 0; i < 5; i++) warmTimes.push((await look()).time)
		// A busy minute across the province: 20 learners' completions change in each of five wards.
		const changedTimes: number[] = []
		for (let round = 0; round < 5; round++) {
			for (const wardId of wards.slice(0, 5))
				await db.execute(sql`update lesson_progress set completed_at = completed_at + interval '1 second'
					where (learner_id, lesson_id) in (select p.learner_id, p.lesson_id from lesson_progress p
						join learner l on l.id = p.learner_id where l.ward_id = ${wardId} and p.status = 'completed'
						order by p.learner_id, p.lesson_id offset ${round * 9973} limit 20)`)
			changedTimes.push((await look()).time)
		}
		const directStart = performance.now()
		const direct = sumWards(
			await Promise.all(
				wards.map((wardId) =>
					computeIndicators(db, { wardId, indicators: definitions.get(wardId)!, asOf: today }),
				),
			),
		)
		const directTime = performance.now() - directStart
		const floorTimes: number[] = []
		for (let i = 0; i < 3; i++) {
			const start = performance.now()
			await db.execute(sql`select (select count(*) from resident) + (select count(*) from learner)
				+ (select count(*) from lesson_progress) + (select count(*) from learning_lesson)
				+ (select count(*) from resident_target_group) + (select count(*) from organization_membership)
				+ (select count(*) from organization) + (select count(*) from certificate) as n`)
			floorTimes.push(performance.now() - start)
		}
		const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
		const floor = median(floorTimes)
		const warm = median(warmTimes)
		const changed = median(changedTimes)
		const same = JSON.stringify(cold.values) === JSON.stringify(direct)
		console.info(
			`  nightly rebuild of every ward's kept state: ${ms(rebuild)} (${ms(rebuild / wards.length)} a ward)`,
		)
		console.info(
			`  province, all indicators of every ward with all breakdowns, from the kept state: cold ${ms(cold.time)}, warm p50 ${ms(warm)}, after 100 learners' changes in 5 wards p50 ${ms(changed)}`,
		)
		console.info(
			`  the same from the rows, ward by ward: ${ms(directTime)}; floor (count every row of the source tables): ${ms(floor)}; ratio warm ${(warm / floor).toFixed(2)}×, after changes ${(changed / floor).toFixed(2)}×; same values: ${same ? 'yes' : 'NO'}`,
		)
		for (const { code } of definitions.get(source) ?? []) {
			const v = cold.values[code]
			if (v) console.info(`    ${code.padEnd(3)} ${String(v.numerator).padStart(9)} / ${v.denominator}`)
		}
		if (!same) process.exitCode = 1
	} finally {
		await services.close()
		cluster?.stop()
	}
}

function sumWards(perWard: IndicatorValue[][]): Record<string, { numerator: number; denominator: number }> {
	const total: Record<string, { numerator: number; denominator: number }> = {}
	for (const values of perWard)
		for (const v of values) {
			const t = total[v.code] ?? { numerator: 0, denominator: 0 }
			total[v.code] = { numerator: t.numerator + v.numerator, denominator: t.denominator + v.denominator }
		}
	return total
}

/** Tables copied with a ward, each with the rows that belong to it. */
const copiedTables: { table: string; where: string }[] = [
	{ table: 'ward', where: 'id = $W' },
	{ table: 'residential_group', where: 'ward_id = $W' },
	{ table: 'household', where: 'ward_id = $W' },
	{ table: 'resident', where: 'ward_id = $W' },
	{ table: 'resident_target_group', where: 'resident_id in (select id from resident where ward_id = $W)' },
	{ table: 'organization', where: 'ward_id = $W' },
	{
		table: 'organization_membership',
		where: 'organization_id in (select id from organization where ward_id = $W)',
	},
	{ table: 'learner', where: 'ward_id = $W' },
	{ table: 'lesson_progress', where: 'learner_id in (select id from learner where ward_id = $W)' },
	{ table: 'learner_learning_summary', where: 'learner_id in (select id from learner where ward_id = $W)' },
	{ table: 'certificate', where: 'ward_id = $W' },
	{ table: 'assessment_attempt', where: 'ward_id = $W' },
	{ table: 'oral_assessment', where: 'ward_id = $W' },
	{
		table: 'oral_assessment_result',
		where: 'oral_assessment_id in (select id from oral_assessment where ward_id = $W)',
	},
]

/**
 * Copies the source ward as ward number k: every id of a copied table and every reference to one is
 * mapped to a new uuid derived from the old one and k; unique codes get a suffix. Triggers and foreign
 * keys are off while copying (session_replication_role), so the learning summary is copied, not rebuilt.
 */
async function copyWard(services: TestServices, source: string, k: number): Promise<void> {
	const copied = new Set(copiedTables.map((t) => t.table))
	await services.db.transaction(async (tx) => {
		await tx.execute(sql`set local session_replication_role = replica`)
		for (const { table, where } of copiedTables) {
			const columns = (
				(await tx.execute(sql`select column_name as name, data_type as type from information_schema.columns
					where table_schema = 'public' and table_name = ${table} order by ordinal_position`)) as unknown as {
					rows: { name: string; type: string }[]
				}
			).rows
			const references = new Set(
				(
					(await tx.execute(sql`select a.attname as name, target.relname as target from pg_constraint c
						join pg_class source on source.oid = c.conrelid join pg_class target on target.oid = c.confrelid
						join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
						where c.contype = 'f' and source.relname = ${table}`)) as unknown as {
						rows: { name: string; target: string }[]
					}
				).rows
					.filter((r) => copied.has(r.target))
					.map((r) => r.name),
			)
			const mapped = (column: string) => `md5(${column}::text || ':' || ${k})::uuid`
			const select = columns.map(({ name, type }) => {
				const quoted = `"${name}"`
				if (type === 'uuid' && (name === 'id' || references.has(name))) return mapped(quoted)
				if ((table === 'ward' || table === 'certificate') && name === 'code') return `${quoted} || '-${k}'`
				if (table === 'ward' && name === 'name') return `${quoted} || ' ${k}'`
				return quoted
			})
			const list = columns.map((c) => `"${c.name}"`).join(', ')
			await tx.execute(
				sql.raw(
					`insert into "${table}" (${list}) select ${select.join(', ')} from "${table}" where ${where.replaceAll('$W', `'${source}'`)}`,
				),
			)
		}
	})
}
