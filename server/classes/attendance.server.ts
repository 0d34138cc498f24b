import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { learnerName } from '#server/classes/enrolments.server.ts'
import {
	type AttendanceMethod,
	classAttendances,
	classEnrolments,
	classSessions,
} from '#server/classes/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { users } from '#server/identity/schema.ts'
import { recordClassAttendedActivity } from '#server/learning/class-attendance-activity.server.ts'
import { learners } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'

/**
 * Records that a learner attended a session, once: a second scan, tick or walk-in of the same person
 * changes nothing. In the same transaction the lesson taught goes into the learner's record.
 */
export async function recordAttendance(
	db: Database,
	input: {
		sessionId: string
		learnerId: string
		method: AttendanceMethod
		recordedBy: string | null
		at?: Date
	},
): Promise<'recorded' | 'already' | 'cancelled'> {
	const at = input.at ?? new Date()
	return db.transaction(async (tx) => {
		const [session] = await tx
			.select({ status: classSessions.status, lessonId: classSessions.lessonId })
			.from(classSessions)
			.where(eq(classSessions.id, input.sessionId))
			.limit(1)
		if (!session || session.status === 'cancelled') return 'cancelled'
		const [row] = await tx
			.insert(classAttendances)
			.values({
				sessionId: input.sessionId,
				learnerId: input.learnerId,
				method: input.method,
				recordedBy: input.recordedBy,
				recordedAt: at,
			})
			.onConflictDoNothing()
			.returning({ id: classAttendances.id })
		if (!row) return 'already'
		if (session.lessonId)
			await recordClassAttendedActivity(tx, {
				activityId: row.id,
				learnerId: input.learnerId,
				lessonId: session.lessonId,
				occurredAt: at,
			})
		return 'recorded'
	})
}

/** Records the ticked learners of the list; returns how many were new. Only the class's enrolled learners count. */
export async function recordTickedAttendance(
	db: Database,
	input: { classId: string; sessionId: string; learnerIds: string[]; recordedBy: string },
): Promise<number> {
	if (input.learnerIds.length === 0) return 0
	const enrolled = await db
		.select({ learnerId: classEnrolments.learnerId })
		.from(classEnrolments)
		.where(
			and(
				eq(classEnrolments.classId, input.classId),
				eq(classEnrolments.status, 'enrolled'),
				inArray(classEnrolments.learnerId, input.learnerIds),
			),
		)
	let added = 0
	for (const { learnerId } of enrolled) {
		const outcome = await recordAttendance(db, {
			sessionId: input.sessionId,
			learnerId,
			method: 'list',
			recordedBy: input.recordedBy,
		})
		if (outcome === 'recorded') added++
	}
	return added
}

/**
 * The session's list: everyone enrolled in the class and everyone who attended (walk-ins, QR scans of people
 * not enrolled), with how they were marked present.
 */
export async function listRoster(db: Database, input: { classId: string; sessionId: string }) {
	const a = classAttendances
	const e = classEnrolments
	return (
		db
			.select({
				learnerId: learners.id,
				name: learnerName,
				birthYear: residents.birthYear,
				enrolled: sql<boolean>`${e.id} is not null`,
				method: a.method,
				recordedAt: a.recordedAt,
			})
			.from(learners)
			.leftJoin(residents, eq(residents.id, learners.residentId))
			.leftJoin(users, eq(users.id, learners.userId))
			.leftJoin(e, and(eq(e.learnerId, learners.id), eq(e.classId, input.classId), eq(e.status, 'enrolled')))
			.leftJoin(a, and(eq(a.learnerId, learners.id), eq(a.sessionId, input.sessionId)))
			// Start from the two small sets (the class's enrolments, the session's attendance), not all learners.
			.where(
				sql`${learners.id} in (select ${e.learnerId} from ${e} where ${e.classId} = ${input.classId} and ${e.status} = 'enrolled' union select ${a.learnerId} from ${a} where ${a.sessionId} = ${input.sessionId})`,
			)
			.orderBy(asc(learnerName))
	)
}
