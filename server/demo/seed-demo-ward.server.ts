import type { AppServices } from '#server/app-services.server.ts'
import type { Database } from '#server/db/client.server.ts'

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

export async function seedDemoWard(
	_services: AppServices,
	_options: { residents: number; seed: number },
): Promise<DemoSeedSummary> {
	throw new Error('not yet written')
}
