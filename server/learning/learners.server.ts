import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { learners } from '#server/learning/schema.ts'

/** A learner as the learning pages need it. */
export interface Learner {
	id: string
	wardId: string
	userId: string | null
	residentId: string | null
}

interface LearnerAccount {
	id: string
	wardId: string
	residentId: string | null
}

const columns = {
	id: learners.id,
	wardId: learners.wardId,
	userId: learners.userId,
	residentId: learners.residentId,
}

/**
 * The learner of a signed-in account, created at the first visit. An account linked to a resident
 * takes over a learner row the ward made for that resident without an account (e.g. in a class), and a
 * learner is linked to the account's resident as soon as the account has one.
 */
export async function ensureLearnerForUser(db: Database, account: LearnerAccount): Promise<Learner> {
	const [existing] = await db.select(columns).from(learners).where(eq(learners.userId, account.id)).limit(1)
	if (existing) {
		if (existing.residentId || !account.residentId) return existing
		const [linked] = await db
			.update(learners)
			.set({ residentId: account.residentId })
			.where(eq(learners.id, existing.id))
			.returning(columns)
			.catch(() => [existing]) // another learner row holds this resident: keep them apart until merged
		return linked ?? existing
	}
	if (account.residentId) {
		const [adopted] = await db
			.update(learners)
			.set({ userId: account.id })
			.where(
				and(
					eq(learners.residentId, account.residentId),
					eq(learners.wardId, account.wardId),
					isNull(learners.userId),
				),
			)
			.returning(columns)
		if (adopted) return adopted
	}
	const [created] = await db
		.insert(learners)
		.values({ wardId: account.wardId, userId: account.id, residentId: account.residentId })
		.onConflictDoNothing()
		.returning(columns)
	if (created) return created
	// A concurrent first visit (or a resident already held by another learner row) got there first.
	const [raced] = await db.select(columns).from(learners).where(eq(learners.userId, account.id)).limit(1)
	if (raced) return raced
	const [withoutResident] = await db
		.insert(learners)
		.values({ wardId: account.wardId, userId: account.id, residentId: null })
		.onConflictDoNothing()
		.returning(columns)
	if (withoutResident) return withoutResident
	const [again] = await db.select(columns).from(learners).where(eq(learners.userId, account.id)).limit(1)
	if (!again) throw new Error('learner row could not be created')
	return again
}
