import crypto from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import { measure, ms, openBenchServices } from '#bench/bench-utils.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { getHouseholdCard } from '#server/outreach/household-card.server.ts'
import { outreachVisits } from '#server/outreach/schema.ts'
import { syncVisits } from '#server/outreach/sync-visits.server.ts'
import { readVolunteerFigures } from '#server/outreach/volunteer-figures.server.ts'
import { listWorklist } from '#server/outreach/worklist.server.ts'

/**
 * The volunteer's pages at scale: seeding the visit history, the worklist of one residential group,
 * a household card, a 50-visit offline sync, and the ward-wide figures, on a ward of `size` residents.
 */
export async function benchOutreach(size: number): Promise<void> {
	const services = await openBenchServices()
	const started = performance.now()
	await seedDemoWard(services, { residents: size, seed: 2026 })
	const seeded = performance.now() - started
	await refreshStatistics(services.database)
	const [visits] = await services.db.select({ n: count() }).from(outreachVisits)
	const [user] = await services.db
		.select({
			id: users.id,
			wardId: users.wardId,
			username: users.username,
			groupId: roleAssignments.scopeId,
		})
		.from(users)
		.innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
		.where(eq(users.username, 'tinhnguyen'))
	if (!user?.groupId) throw new Error('seed failed')
	const today = new Date().toISOString().slice(0, 10)
	const groups = [user.groupId]
	console.info(
		`outreach ${services.database.kind} ${size.toLocaleString('en')} residents: seed (whole ward) ${ms(seeded)}, ${Number(visits?.n).toLocaleString('en')} demo visits`,
	)
	const worklist = await measure(
		() => listWorklist(services.db, { wardId: user.wardId, groups, today, page: 1 }),
		30,
		3,
	)
	console.info(`  worklist, one group, page 1       p50 ${ms(worklist.p50)}  p95 ${ms(worklist.p95)}`)
	const list = await listWorklist(services.db, { wardId: user.wardId, groups, today, page: 1 })
	const household = list.households[0]
	if (!household) throw new Error('empty worklist')
	const card = await measure(
		() => getHouseholdCard(services.db, { householdId: household.id, wardId: user.wardId, groups, today }),
		30,
		3,
	)
	console.info(`  household card                    p50 ${ms(card.p50)}  p95 ${ms(card.p95)}`)
	const volunteer = { id: user.id, wardId: user.wardId, username: user.username, groups }
	const batch = Array.from({ length: 50 }, () => ({
		id: crypto.randomUUID(),
		visitedAt: new Date().toISOString(),
		fields: [
			['householdId', household.id],
			['outcome', 'helped'],
			['met', household.people[0]?.id ?? ''],
		],
	}))
	const audit = { actor: { userId: user.id, label: 'bench', wardId: user.wardId } }
	let start = performance.now()
	await syncVisits(services, volunteer, batch, audit)
	console.info(`  sync of 50 visits (new)           ${ms(performance.now() - start)}`)
	start = performance.now()
	await syncVisits(services, volunteer, batch, audit)
	console.info(`  same 50 again (all duplicates)    ${ms(performance.now() - start)}`)
	const figures = await measure(
		() =>
			readVolunteerFigures(services.db, {
				wardId: user.wardId,
				since: '2000-01-01',
				scope: { groups: 'all', organizations: 'all' },
			}),
		10,
		2,
	)
	console.info(`  figures, whole ward               p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}`)
	await services.close()
}
