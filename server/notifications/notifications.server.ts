import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { notifications } from '#server/reports/schema.ts'

/*
 * In-app notifications: what the bell lists for the signed-in person. Written by the domain that has
 * something to say (a reminder, a report returned), in that domain's transaction.
 */

export type NotificationKind = (typeof notifications.$inferInsert)['kind']

export interface NewNotification {
	userId: string
	kind: NotificationKind
	title: string
	body: string
	/** A path inside the app. */
	link: string
	/** Now by default (a controlled clock in tests and the demo history). */
	createdAt?: Date
}

/** Adds notifications (several recipients at once). */
export async function createNotifications(db: Database, rows: readonly NewNotification[]): Promise<void> {
	if (rows.length === 0) return
	if (rows.some((row) => !row.link.startsWith('/') || row.link.startsWith('//')))
		throw new Error('A notification links inside the app only')
	await db.insert(notifications).values([...rows])
}

export interface NotificationItem {
	id: string
	kind: NotificationKind
	title: string
	body: string
	link: string
	readAt: Date | null
	createdAt: Date
}

/** A person's latest notifications, newest first. */
export async function listNotifications(
	db: Database,
	userId: string,
	limit = 50,
): Promise<NotificationItem[]> {
	return db
		.select({
			id: notifications.id,
			kind: notifications.kind,
			title: notifications.title,
			body: notifications.body,
			link: notifications.link,
			readAt: notifications.readAt,
			createdAt: notifications.createdAt,
		})
		.from(notifications)
		.where(eq(notifications.userId, userId))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit)
}

/** How many notifications the person has not read. */
export async function countUnreadNotifications(db: Database, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(notifications)
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
	return Number(row?.n ?? 0)
}

/** Marks one of the person's notifications read (or all of them when no id is given). */
export async function markNotificationsRead(
	db: Database,
	input: { userId: string; notificationId?: string },
): Promise<number> {
	const conditions = [eq(notifications.userId, input.userId), isNull(notifications.readAt)]
	if (input.notificationId) conditions.push(eq(notifications.id, input.notificationId))
	const rows = await db
		.update(notifications)
		.set({ readAt: sql`now()` })
		.where(and(...conditions))
		.returning({ id: notifications.id })
	return rows.length
}
