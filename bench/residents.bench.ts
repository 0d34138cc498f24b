import { sql } from 'drizzle-orm'
import { measure, ms, openBenchServices } from '#bench/bench-utils.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { listResidents } from '#server/people/list-residents.server.ts'
import { parseResidentListQuery } from '#server/people/resident-filters.ts'

/**
 * The resident list at scale: latency of the queries behind /nguoi-dan on a ward of `size`
 * residents, and the ratio to the floor (fetching 25 rows by primary-key order with no filter).
 */
export async function benchResidents(size: number): Promise<void> {
	const services = await openBenchServices()
	await seedDemoWard(services, { residents: size, seed: 2026 })
	await refreshStatistics(services.database)
	const ward = await services.db.query.wards.findFirst({ columns: { id: true } })
	const group = await services.db.query.residentialGroups.findFirst({ columns: { id: true } })
	if (!ward || !group) throw new Error('seed failed')
	const floor = await measure(() =>
		services.db.execute(sql`select id, full_name from resident order by id limit 25`),
	)
	console.info(
		`residents ${services.database.kind} ${size.toLocaleString('en')}: floor (25 rows by id) p50 ${ms(floor.p50)} p95 ${ms(floor.p95)}`,
	)
	const cases: Record<string, Record<string, string>> = {
		'first page, by name': {},
		'search "nguyen van" (no diacritics)': { q: 'nguyen van' },
		'one residential group': { group: group.id },
		'women 60–74 with VNeID level 2': { sex: 'female', ageBand: '60-74', vneid: '2' },
		'target group: elderly': { targetGroup: 'elderly' },
		'page 200, oldest first': { sort: '-age', trang: '200' },
	}
	for (const [label, params] of Object.entries(cases)) {
		const query = parseResidentListQuery(new URLSearchParams(params))
		const result = await measure(() => listResidents(services.db, { wardId: ward.id, query }), 30, 3)
		console.info(
			`  ${label.padEnd(38)} p50 ${ms(result.p50).padStart(9)}  p95 ${ms(result.p95).padStart(9)}  ×floor ${(result.p50 / Math.max(floor.p50, 0.01)).toFixed(1)}`,
		)
	}
	await services.close()
}
