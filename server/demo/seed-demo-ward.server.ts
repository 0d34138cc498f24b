import type { AppServices } from '#server/app-services.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { DEMO_REFERENCE_DATE } from '#server/demo/demo-places.ts'
import { generateDemoWard } from '#server/demo/generate-demo-ward.ts'
import { insertDemoWard, toResidentRow } from '#server/demo/insert-demo-ward.server.ts'
import { hashDemoPasswords, insertDemoUsers } from '#server/demo/seed-demo-users.server.ts'
import { seedDemoVisits } from '#server/outreach/demo-visits.server.ts'
import { refreshDerivedTargetGroups } from '#server/people/refresh-target-groups.server.ts'
import { ensureStandardTargetGroups } from '#server/people/target-groups.server.ts'

export interface DemoSeedSummary {
	wardName: string
	residentialGroups: number
	households: number
	residents: number
	organizations: number
	users: number
}

/** True once a ward exists: the demo seed runs only on an empty installation. */
export async function hasWard(db: Database): Promise<boolean> {
	const ward = await db.query.wards.findFirst({ columns: { id: true } })
	return ward !== undefined
}

/** Today in Vietnam (UTC+7), YYYY-MM-DD. */
function todayInVietnam(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
}

/**
 * Generates the demo ward (deterministic for a size and seed) and stores it in one transaction:
 * personal IDs and phones only encrypted with their keyed hashes, derived target groups computed as
 * of today, digital ambassadors assigned by hand, and one account per demo role.
 */
export async function seedDemoWard(
	services: AppServices,
	options: { residents: number; seed: number },
): Promise<DemoSeedSummary> {
	// argon2 runs on libuv's thread pool while the ward is generated on this thread.
	const passwordHashes = hashDemoPasswords()
	const ward = generateDemoWard(options)
	const residentRows = ward.residents.map((resident) => toResidentRow(services.keyring, resident))
	const hashes = await passwordHashes
	// Never before the data's reference date, even on a machine whose clock is behind.
	const asOf = [todayInVietnam(), DEMO_REFERENCE_DATE].sort()[1] as string
	let users = 0
	await services.db.transaction(async (tx) => {
		await ensureStandardTargetGroups(tx)
		await insertDemoWard(tx, ward, residentRows)
		await refreshDerivedTargetGroups(tx, { asOf, wardId: ward.ward.id })
		users = await insertDemoUsers(tx, ward, hashes)
		await seedDemoVisits(tx, ward, { seed: options.seed, asOf })
	})
	return {
		wardName: ward.ward.name,
		residentialGroups: ward.residentialGroups.length,
		households: ward.households.length,
		residents: ward.residents.length,
		organizations: ward.organizations.length,
		users,
	}
}
