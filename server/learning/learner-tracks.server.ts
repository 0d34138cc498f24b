import { and, asc, count, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { Learner } from '#server/learning/learners.server.ts'
import { learningEnrolments, learningTrackCourses, learningTracks } from '#server/learning/schema.ts'
import { residentTargetGroups } from '#server/people/schema.ts'

/**
 * The target groups of the learner's resident record (read from the people registry). A learner without
 * a resident record has none: every track is offered, none is marked as theirs.
 */
export async function learnerTargetGroups(db: Database, learner: Learner): Promise<string[]> {
	if (!learner.residentId) return []
	const rows = await db
		.select({ code: residentTargetGroups.targetGroupCode })
		.from(residentTargetGroups)
		.where(eq(residentTargetGroups.residentId, learner.residentId))
	return rows.map((r) => r.code)
}

export interface TrackChoice {
	id: string
	nameVi: string
	nameEn: string
	description: string
	courseCount: number
	/** The track is meant for one of the learner's target groups. */
	forMyGroups: boolean
	enrolled: boolean
	current: boolean
}

/** Every active track, the learner's own groups' tracks first. */
export async function listTrackChoices(db: Database, learner: Learner): Promise<TrackChoice[]> {
	const [tracks, groups, current] = await Promise.all([
		db
			.select({
				id: learningTracks.id,
				nameVi: learningTracks.nameVi,
				nameEn: learningTracks.nameEn,
				description: learningTracks.description,
				targetGroups: learningTracks.targetGroups,
				courseCount: count(learningTrackCourses.courseId),
				enrolled: sql<boolean>`exists (select 1 from ${learningEnrolments} e where e.track_id = ${learningTracks.id} and e.learner_id = ${learner.id} and e.status <> 'left')`,
			})
			.from(learningTracks)
			.leftJoin(learningTrackCourses, eq(learningTrackCourses.trackId, learningTracks.id))
			.where(eq(learningTracks.active, true))
			.groupBy(learningTracks.id)
			.orderBy(asc(learningTracks.position)),
		learnerTargetGroups(db, learner),
		currentEnrolment(db, learner.id),
	])
	const choices = tracks.map(({ targetGroups, ...t }) => ({
		...t,
		courseCount: Number(t.courseCount),
		enrolled: Boolean(t.enrolled),
		forMyGroups: targetGroups.some((g) => groups.includes(g)),
		current: current?.trackId === t.id,
	}))
	return [...choices.filter((c) => c.forMyGroups), ...choices.filter((c) => !c.forMyGroups)]
}

/** The track the learner chose last among those they still follow, or undefined. */
export async function currentEnrolment(db: Database, learnerId: string) {
	const [row] = await db
		.select({
			id: learningEnrolments.id,
			trackId: learningEnrolments.trackId,
			status: learningEnrolments.status,
		})
		.from(learningEnrolments)
		.innerJoin(learningTracks, eq(learningTracks.id, learningEnrolments.trackId))
		.where(
			and(
				eq(learningEnrolments.learnerId, learnerId),
				sql`${learningEnrolments.status} <> 'left'`,
				eq(learningTracks.active, true),
			),
		)
		.orderBy(desc(learningEnrolments.chosenAt))
		.limit(1)
	return row
}

/** Enrols the learner in a track (or makes it their current one again). False for an unknown track. */
export async function chooseTrack(
	db: Database,
	input: { learner: Learner; trackId: string; byUserId: string | null },
): Promise<boolean> {
	const [track] = await db
		.select({ id: learningTracks.id })
		.from(learningTracks)
		.where(and(eq(learningTracks.id, input.trackId), eq(learningTracks.active, true)))
		.limit(1)
	if (!track) return false
	const now = new Date()
	await db
		.insert(learningEnrolments)
		.values({ learnerId: input.learner.id, trackId: track.id, enrolledBy: input.byUserId, chosenAt: now })
		.onConflictDoUpdate({
			target: [learningEnrolments.learnerId, learningEnrolments.trackId],
			set: {
				chosenAt: now,
				status: sql`case when ${learningEnrolments.status} = 'left' then 'active' else ${learningEnrolments.status} end`,
			},
		})
	return true
}
