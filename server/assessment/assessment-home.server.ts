import { asc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { currentEnrolment } from '#server/learning/learner-tracks.server.ts'
import type { Learner } from '#server/learning/learners.server.ts'
import { learningCourses, learningTrackCourses, learningTracks } from '#server/learning/schema.ts'
import {
	type AttemptTarget,
	attemptSizes,
	canStart,
	courseQuizPassMarkPercent,
	trackPassMark,
} from './attempts.server.ts'
import { retakePolicies } from './retake-rules.ts'

export interface AssessmentStatus {
	/** An unfinished attempt to resume. */
	openAttemptId: string | null
	/** The latest finished attempt. */
	last: { id: string; scorePercent: number | null; passed: boolean | null } | null
	canStart: boolean
	reason: 'passed' | 'wait' | null
	waitUntil: string | null
}

export interface AssessmentHome {
	track: { id: string; nameVi: string; nameEn: string; passMarkPercent: number; placeholder: boolean } | null
	placement: AssessmentStatus | null
	courses: { id: string; title: string; required: boolean; status: AssessmentStatus }[]
	final: AssessmentStatus | null
	sizes: { quiz: number; final: number; finalMinutes: number | null; quizPassMark: number }
}

async function statusOf(
	db: Database,
	learnerId: string,
	target: AttemptTarget,
	now: Date,
): Promise<AssessmentStatus> {
	const { decision, openAttemptId, past } = await canStart(db, learnerId, target, now)
	const last = past.find((p) => p.status === 'submitted') ?? null
	return {
		openAttemptId,
		last: last && { id: last.id, scorePercent: last.scorePercent, passed: last.passed },
		canStart: decision.allowed,
		reason: decision.allowed ? null : decision.reason,
		waitUntil: !decision.allowed && decision.reason === 'wait' ? decision.until.toISOString() : null,
	}
}

/** The learner's tests for their current track: placement, one quiz per course, the final assessment. */
export async function readAssessmentHome(
	db: Database,
	learner: Learner,
	now = new Date(),
): Promise<AssessmentHome> {
	const sizes = {
		quiz: attemptSizes.courseQuiz,
		final: attemptSizes.finalAssessment,
		finalMinutes: retakePolicies.finalAssessment.timeLimitMinutes,
		quizPassMark: courseQuizPassMarkPercent,
	}
	const enrolment = await currentEnrolment(db, learner.id)
	if (!enrolment) return { track: null, placement: null, courses: [], final: null, sizes }
	const trackId = enrolment.trackId
	const [track] = await db
		.select({
			id: learningTracks.id,
			nameVi: learningTracks.nameVi,
			nameEn: learningTracks.nameEn,
			completion: learningTracks.completion,
		})
		.from(learningTracks)
		.where(eq(learningTracks.id, trackId))
	const courses = await db
		.select({ id: learningCourses.id, title: learningCourses.title, required: learningTrackCourses.required })
		.from(learningTrackCourses)
		.innerJoin(learningCourses, eq(learningCourses.id, learningTrackCourses.courseId))
		.where(eq(learningTrackCourses.trackId, trackId))
		.orderBy(asc(learningTrackCourses.position))
	const placeholder =
		(track?.completion as { finalAssessment?: { placeholder?: boolean } } | undefined)?.finalAssessment
			?.placeholder === true
	return {
		track: track
			? {
					id: track.id,
					nameVi: track.nameVi,
					nameEn: track.nameEn,
					passMarkPercent: await trackPassMark(db, trackId),
					placeholder,
				}
			: null,
		placement: await statusOf(db, learner.id, { kind: 'placement', trackId }, now),
		courses: await Promise.all(
			courses.map(async (c) => ({
				...c,
				status: await statusOf(db, learner.id, { kind: 'courseQuiz', courseId: c.id }, now),
			})),
		),
		final: await statusOf(db, learner.id, { kind: 'finalAssessment', trackId }, now),
		sizes,
	}
}
