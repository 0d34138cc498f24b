import { and, asc, count, eq, sql } from 'drizzle-orm'
import { type SessionForm, vietnamInstant } from '#server/classes/class-form-schemas.ts'
import { classAttendances, classSessions, communityClasses } from '#server/classes/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { learningLessons } from '#server/learning/schema.ts'

/** A class's sessions in time order, with how many attended each. */
export async function listSessions(db: Database, classId: string) {
	const s = classSessions
	return db
		.select({
			id: s.id,
			startsAt: s.startsAt,
			endsAt: s.endsAt,
			topic: s.topic,
			place: s.place,
			status: s.status,
			lessonId: s.lessonId,
			lessonTitle: learningLessons.title,
			attended: sql<number>`(select count(*)::int from ${classAttendances} where ${classAttendances.sessionId} = ${s.id})`,
		})
		.from(s)
		.leftJoin(learningLessons, eq(learningLessons.id, s.lessonId))
		.where(eq(s.classId, classId))
		.orderBy(asc(s.startsAt))
}

/** One session with its class (of this ward), or null. */
export async function getSession(db: Database, input: { wardId: string; sessionId: string }) {
	if (!isUuid(input.sessionId)) return undefined
	const s = classSessions
	const c = communityClasses
	const [row] = await db
		.select({
			id: s.id,
			classId: s.classId,
			startsAt: s.startsAt,
			endsAt: s.endsAt,
			topic: s.topic,
			place: s.place,
			status: s.status,
			lessonId: s.lessonId,
			lessonTitle: learningLessons.title,
			classTitle: c.title,
			classPlace: c.place,
			classStatus: c.status,
			capacity: c.capacity,
			wardId: c.wardId,
		})
		.from(s)
		.innerJoin(c, eq(c.id, s.classId))
		.leftJoin(learningLessons, eq(learningLessons.id, s.lessonId))
		.where(and(eq(s.id, input.sessionId), eq(c.wardId, input.wardId)))
		.limit(1)
	return row ?? null
}
export type SessionDetail = NonNullable<Awaited<ReturnType<typeof getSession>>>

/** Schedules a session; 'lesson' when the lesson named is not published. */
export async function addSession(
	db: Database,
	input: { classId: string; form: SessionForm },
): Promise<{ outcome: 'added'; id: string } | { outcome: 'lesson' }> {
	const f = input.form
	if (f.lessonId) {
		const [lesson] = await db
			.select({ id: learningLessons.id })
			.from(learningLessons)
			.where(and(eq(learningLessons.id, f.lessonId), eq(learningLessons.status, 'published')))
			.limit(1)
		if (!lesson) return { outcome: 'lesson' }
	}
	const [row] = await db
		.insert(classSessions)
		.values({
			classId: input.classId,
			startsAt: vietnamInstant(f.date, f.startTime),
			endsAt: vietnamInstant(f.date, f.endTime),
			topic: f.topic,
			place: f.place ?? null,
			lessonId: f.lessonId ?? null,
		})
		.returning({ id: classSessions.id })
	if (!row) throw new Error('session not created')
	return { outcome: 'added', id: row.id }
}

/** Cancels a session that nobody attended yet (one with attendance is history and stays). */
export async function cancelSession(
	db: Database,
	input: { classId: string; sessionId: string },
): Promise<'cancelled' | 'hasAttendance' | 'notFound'> {
	return db.transaction(async (tx) => {
		const [attended] = await tx
			.select({ n: count() })
			.from(classAttendances)
			.where(eq(classAttendances.sessionId, input.sessionId))
		if ((attended?.n ?? 0) > 0) return 'hasAttendance'
		const updated = await tx
			.update(classSessions)
			.set({ status: 'cancelled' })
			.where(and(eq(classSessions.id, input.sessionId), eq(classSessions.classId, input.classId)))
			.returning({ id: classSessions.id })
		return updated.length > 0 ? 'cancelled' : 'notFound'
	})
}
