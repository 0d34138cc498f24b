import { asc, eq } from 'drizzle-orm'
import { assistantSettings } from '#server/assistant/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { wards } from '#server/ward/schema.ts'

export interface WardContact {
	wardId: string | null
	wardName: string | null
	/** How people reach the ward when the assistant cannot help. */
	contact: string
	/** True when staff have written it; false: the default sentence. */
	custom: boolean
}

/** The default: the ward's one-stop desk, named from the ward record. */
export function defaultContact(wardName: string | null): string {
	return wardName
		? `Bộ phận Một cửa (tiếp nhận và trả kết quả thủ tục hành chính) của Ủy ban nhân dân ${wardName}, hoặc Tổ Công nghệ số cộng đồng ở tổ dân phố của bạn.`
		: 'Bộ phận Một cửa (tiếp nhận và trả kết quả thủ tục hành chính) của Ủy ban nhân dân phường, xã nơi bạn ở.'
}

/**
 * The installation's ward and how to reach it. The public assistant serves the installation's ward (the
 * first ward, as the public home page does); a signed-in person's own ward when given.
 */
export async function readWardContact(db: Database, wardId?: string): Promise<WardContact> {
	const [ward] = await db
		.select({ id: wards.id, name: wards.name })
		.from(wards)
		.where(wardId ? eq(wards.id, wardId) : undefined)
		.orderBy(asc(wards.createdAt))
		.limit(1)
	if (!ward) return { wardId: null, wardName: null, contact: defaultContact(null), custom: false }
	const [setting] = await db
		.select({ contactText: assistantSettings.contactText })
		.from(assistantSettings)
		.where(eq(assistantSettings.wardId, ward.id))
	return {
		wardId: ward.id,
		wardName: ward.name,
		contact: setting?.contactText || defaultContact(ward.name),
		custom: !!setting?.contactText,
	}
}

/** Staff set how people reach the ward (empty: back to the default). */
export async function saveWardContact(
	db: Database,
	input: { wardId: string; contactText: string; userId: string },
): Promise<void> {
	await db
		.insert(assistantSettings)
		.values({ wardId: input.wardId, contactText: input.contactText, updatedByUserId: input.userId })
		.onConflictDoUpdate({
			target: assistantSettings.wardId,
			set: { contactText: input.contactText, updatedByUserId: input.userId, updatedAt: new Date() },
		})
}
