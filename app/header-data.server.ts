import { sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { preparedPerDatabase } from '#server/db/prepared.server.ts'
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
	const [row] = userId ? await signedInQuery(db).execute({ userId }) : await anonymousQuery(db).execute()
	return { wardName: row?.name ?? null, unread: Number(row?.unread ?? 0) }
}

const signedInQuery = preparedPerDatabase((db) =>
	db
		.select({
			name: wards.name,
			unread: sql<number>`(select count(*)::int from ${notifications} n where n.user_id = ${sql.placeholder('userId')} and n.read_at is null)`,
		})
		.from(wards)
		.limit(1)
		.prepare('header_signed_in'),
)

const anonymousQuery = preparedPerDatabase((db) =>
	db.select({ name: wards.name, unread: sql<number>`0` }).from(wards).limit(1).prepare('header_anonymous'),
)
