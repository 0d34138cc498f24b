import { count, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { households, residents } from '#server/people/schema.ts'
import { organizations, residentialGroups } from '#server/ward/schema.ts'

export interface WardOverview {
	wardName: string
	residents: number
	households: number
	residentialGroups: number
	organizations: number
}

/** Counts shown on the public home page: sizes only, nothing personal. */
export async function readWardOverview(db: Database): Promise<WardOverview | null> {
	const ward = await db.query.wards.findFirst({ columns: { id: true, name: true } })
	if (!ward) return null
	const [r, h, g, o] = await Promise.all([
		db.select({ n: count() }).from(residents).where(eq(residents.wardId, ward.id)),
		db.select({ n: count() }).from(households).where(eq(households.wardId, ward.id)),
		db.select({ n: count() }).from(residentialGroups).where(eq(residentialGroups.wardId, ward.id)),
		db.select({ n: count() }).from(organizations).where(eq(organizations.wardId, ward.id)),
	])
	return {
		wardName: ward.name,
		residents: r[0]?.n ?? 0,
		households: h[0]?.n ?? 0,
		residentialGroups: g[0]?.n ?? 0,
		organizations: o[0]?.n ?? 0,
	}
}
