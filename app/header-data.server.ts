import { sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { notifications } from '#server/reports/schema.ts'
import { wards } from '#server/ward/schema.ts'

/**
 * What the header of every page shows besides the menu: the ward's name and, for a signed-in person,
 * their unread notifications (the same indexed count as countUnreadNotifications), in one round trip:
 * the root loader runs on every page, and each query costs the embedded database a parse and a plan.
 */
export async function readHeaderData(
	db: Database,
	userId: string | null,
): Promise<{ wardName: string | null; unread: number }> {
	const [row] = await db
		.select({
			name: wards.name,
			unread: userId
				? sql<number>`(select count(*)::int from ${notifications} n where n.user_id = ${userId} and n.read_at is null)`
				: sql<number>`0`,
		})
		.from(wards)
		.limit(1)
	return { wardName: row?.name ?? null, unread: Number(row?.unread ?? 0) }
}
