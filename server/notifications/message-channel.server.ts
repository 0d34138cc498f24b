import { desc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { users } from '#server/identity/schema.ts'
import { type MessageChannelKind, messageOutbox } from '#server/reports/schema.ts'

/*
 * E-mail and SMS behind one interface. hocvuso ships no gateway: the local stand-in records each message
 * in message_outbox, where ward administrators read what would have been sent. A real channel (the
 * province's SMS brandname, an SMTP relay) implements `send` and resolves the account's address itself,
 * so no address is ever copied here.
 */

export interface OutgoingMessage {
	wardId: string
	recipientUserId: string
	channel: MessageChannelKind
	subject: string
	body: string
	createdAt?: Date
}

export interface MessageChannel {
	/** Hands messages over; called inside the sender's transaction, so a rolled-back reminder sends nothing. */
	send(db: Database, messages: readonly OutgoingMessage[]): Promise<void>
}

/** The local stand-in: records the messages, sends nothing. */
export const outboxChannel: MessageChannel = {
	async send(db, messages) {
		if (messages.length === 0) return
		await db.insert(messageOutbox).values(messages.map((m) => ({ ...m, status: 'recorded' as const })))
	},
}

export interface OutboxEntry {
	id: string
	recipient: string
	channel: MessageChannelKind
	subject: string
	body: string
	status: 'recorded' | 'sent' | 'failed'
	createdAt: Date
}

/** The ward's latest recorded messages, newest first. */
export async function listOutbox(db: Database, wardId: string, limit = 100): Promise<OutboxEntry[]> {
	return db
		.select({
			id: messageOutbox.id,
			recipient: users.displayName,
			channel: messageOutbox.channel,
			subject: messageOutbox.subject,
			body: messageOutbox.body,
			status: messageOutbox.status,
			createdAt: messageOutbox.createdAt,
		})
		.from(messageOutbox)
		.innerJoin(users, eq(users.id, messageOutbox.recipientUserId))
		.where(eq(messageOutbox.wardId, wardId))
		.orderBy(desc(messageOutbox.createdAt), desc(messageOutbox.id))
		.limit(limit)
}
