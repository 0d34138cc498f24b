import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { Learner } from '#server/learning/learners.server.ts'
import { learners, learningActivities, learningLessons, lessonProgress } from '#server/learning/schema.ts'

/**
 * The learner row of a resident, created when the resident has none (a walk-in, an elderly person without a
 * phone). When the resident later signs in, ensureLearnerForUser adopts this row, so the record follows them.
 */
export async function ensureLearnerForResident(
	db: Database,
	input: { wardId: string; residentId: string },
): Promise<Learner> {
	const columns = {
		id: learners.id,
		wardId: learners.wardId,
		userId: learners.userId,
		residentId: learners.residentId,
	}
	const [existing] = await db
		.select(columns)
		.from(learners)
		.where(eq(learners.residentId, input.residentId))
		.limit(1)
	if (existing) return existing
	const [created] = await db
		.insert(learners)
		.values({ wardId: input.wardId, residentId: input.residentId })
		.onConflictDoNothing()
		.returning(columns)
	if (created) return created
	const [raced] = await db
		.select(columns)
		.from(learners)
		.where(eq(learners.residentId, input.residentId))
		.limit(1)
	if (!raced) throw new Error('learner row could not be created')
	return raced
}

/**
 * Adds a class session attended to the learner's record (issue 7): a `classAttended` activity for the lesson
 * taught, and the lesson counted as completed — the instructor taught it, which is how a person without a
 * phone learns. The activity's id is the attendance's, so recording it twice changes nothing. Call inside
 * the transaction that records the attendance.
 */
export async function recordClassAttendedActivity(
	tx: Database,
	input: { activityId: string; learnerId: string; lessonId: string; occurredAt: Date },
): Promise<'applied' | 'duplicate' | 'rejected'> {
	const [lesson] = await tx
		.select({ revision: learningLessons.revision, minutes: learningLessons.minutes })
		.from(learningLessons)
		.where(and(eq(learningLessons.id, input.lessonId), eq(learningLessons.status, 'published')))
		.limit(1)
	if (!lesson) return 'rejected'
	const inserted = await tx
		.insert(learningActivities)
		.values({
			id: input.activityId,
			learnerId: input.learnerId,
			kind: 'classAttended',
			lessonId: input.lessonId,
			lessonRevision: lesson.revision,
			seconds: lesson.minutes * 60,
			occurredAt: input.occurredAt,
			origin: 'online',
		})
		.onConflictDoNothing({ target: learningActivities.id })
		.returning({ id: learningActivities.id })
	if (inserted.length === 0) return 'duplicate'
	const p = lessonProgress
	await tx
		.insert(p)
		.values({
			learnerId: input.learnerId,
			lessonId: input.lessonId,
			status: 'completed',
			lessonRevision: lesson.revision,
			firstOpenedAt: input.occurredAt,
			lastOpenedAt: input.occurredAt,
			completedAt: input.occurredAt,
			secondsSpent: lesson.minutes * 60,
		})
		.onConflictDoUpdate({
			target: [p.learnerId, p.lessonId],
			set: {
				status: 'completed',
				completedAt: sql`coalesce(least(${p.completedAt}, excluded.completed_at), excluded.completed_at)`,
				secondsSpent: sql`greatest(${p.secondsSpent}, excluded.seconds_spent)`,
				updatedAt: new Date(),
			},
		})
	return 'applied'
}
