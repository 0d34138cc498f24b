import { and, asc, count, eq, like, type SQL, sql } from 'drizzle-orm'
import {
	classAttendances,
	classEnrolments,
	communityClasses,
	type enrolmentSources,
} from '#server/classes/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { users } from '#server/identity/schema.ts'
import { ensureLearnerForResident } from '#server/learning/class-attendance-activity.server.ts'
import { learners } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import { residentialGroups } from '#server/ward/schema.ts'

/** A learner's name: the resident's, or the account's for a learner not (yet) linked to a resident. */
export const learnerName = sql<string>`coalesce(${residents.fullName}, ${users.displayName})`

/**
 * Residents to enrol, found by name within the person's scope: only what is needed to tell people apart
 * (name, birth year, residential group) and at most 20 of them.
 */
export async function findResidentsForClass(
	db: Database,
	input: { wardId: string; scope: SQL; text: string },
) {
	const folded = foldVietnamese(input.text).replace(/[%_\\]/g, (c) => `\\${c}`)
	if (folded.length < 2) return []
	return db
		.select({
			id: residents.id,
			fullName: residents.fullName,
			birthYear: residents.birthYear,
			groupName: residentialGroups.name,
		})
		.from(residents)
		.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
		.where(
			and(
				eq(residents.wardId, input.wardId),
				eq(residents.status, 'active'),
				input.scope,
				like(residents.searchName, `%${folded}%`),
			),
		)
		.orderBy(asc(residents.searchName))
		.limit(20)
}

export type EnrolOutcome = 'enrolled' | 'already' | 'full' | 'closed'

/**
 * Enrols a learner within the class's capacity. The class row is locked for the count and the insert, so
 * two instructors enrolling the last place at once cannot both get it.
 */
export async function enrolLearner(
	db: Database,
	input: { classId: string; learnerId: string; by: string | null; source: (typeof enrolmentSources)[number] },
): Promise<EnrolOutcome> {
	return db.transaction(async (tx) => {
		const [klass] = await tx
			.select({ capacity: communityClasses.capacity, status: communityClasses.status })
			.from(communityClasses)
			.where(eq(communityClasses.id, input.classId))
			.for('update')
		if (klass?.status !== 'open') return 'closed'
		const e = classEnrolments
		const [existing] = await tx
			.select({ id: e.id, status: e.status })
			.from(e)
			.where(and(eq(e.classId, input.classId), eq(e.learnerId, input.learnerId)))
			.limit(1)
		if (existing?.status === 'enrolled') return 'already'
		const [taken] = await tx
			.select({ n: count() })
			.from(e)
			.where(and(eq(e.classId, input.classId), eq(e.status, 'enrolled')))
		if ((taken?.n ?? 0) >= klass.capacity) return 'full'
		if (existing)
			await tx
				.update(e)
				.set({
					status: 'enrolled',
					source: input.source,
					enrolledBy: input.by,
					enrolledAt: new Date(),
					withdrawnAt: null,
				})
				.where(eq(e.id, existing.id))
		else
			await tx.insert(e).values({
				classId: input.classId,
				learnerId: input.learnerId,
				source: input.source,
				enrolledBy: input.by,
			})
		return 'enrolled'
	})
}

/** Enrols a resident (their learner row is created if they have none). */
export async function enrolResident(
	db: Database,
	input: { wardId: string; classId: string; residentId: string; by: string },
): Promise<EnrolOutcome> {
	const learner = await ensureLearnerForResident(db, { wardId: input.wardId, residentId: input.residentId })
	return enrolLearner(db, { classId: input.classId, learnerId: learner.id, by: input.by, source: 'staff' })
}

/** Withdraws an enrolment (kept as history; attendance already recorded stays). */
export async function withdrawEnrolment(db: Database, input: { classId: string; enrolmentId: string }) {
	const updated = await db
		.update(classEnrolments)
		.set({ status: 'withdrawn', withdrawnAt: new Date() })
		.where(
			and(
				eq(classEnrolments.id, input.enrolmentId),
				eq(classEnrolments.classId, input.classId),
				eq(classEnrolments.status, 'enrolled'),
			),
		)
		.returning({ id: classEnrolments.id })
	return updated.length > 0
}

/** Who is enrolled, with how many of the class's sessions each attended. */
export async function listEnrolments(db: Database, classId: string) {
	const e = classEnrolments
	return db
		.select({
			enrolmentId: e.id,
			learnerId: e.learnerId,
			residentId: learners.residentId,
			name: learnerName,
			birthYear: residents.birthYear,
			source: e.source,
			attended: sql<number>`(select count(*)::int from ${classAttendances} a join class_session s on s.id = a.session_id where s.class_id = ${classId} and a.learner_id = ${e.learnerId})`,
		})
		.from(e)
		.innerJoin(learners, eq(learners.id, e.learnerId))
		.leftJoin(residents, eq(residents.id, learners.residentId))
		.leftJoin(users, eq(users.id, learners.userId))
		.where(and(eq(e.classId, classId), eq(e.status, 'enrolled')))
		.orderBy(asc(learnerName))
}

/** One resident by id if within `scope` (the person's reach for class work), else null. */
export async function findResidentForClass(
	db: Database,
	input: { wardId: string; residentId: string; scope: SQL },
) {
	const [row] = await db
		.select({ id: residents.id })
		.from(residents)
		.where(and(eq(residents.id, input.residentId), eq(residents.wardId, input.wardId), input.scope))
		.limit(1)
	return row ?? null
}
