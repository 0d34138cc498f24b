import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { skippableLessonIds } from '#server/assessment/attempts.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { currentEnrolment } from '#server/learning/learner-tracks.server.ts'
import type { Learner } from '#server/learning/learners.server.ts'
import {
	learningCourses,
	learningLessonCompetencies,
	learningLessons,
	learningTrackCourses,
	learningTracks,
	lessonProgress,
	skillCompetencies,
	skillFrameworks,
} from '#server/learning/schema.ts'

export interface HomeCourse {
	id: string
	title: string
	required: boolean
	lessons: number
	completed: number
}

export interface NextLesson {
	lessonId: string
	title: string
	courseTitle: string
	/** The learner started it and did not finish: take them back where they stopped. */
	resume: boolean
	position: number
}

/** Progress in one domain of the framework, counted over the track's lessons. */
export interface DomainProgress {
	code: string
	/** Everyday wording when the framework has one, else the official name. */
	nameVi: string
	nameEn: string
	lessons: number
	completed: number
}

export interface LearnerHome {
	track: { id: string; nameVi: string; nameEn: string; meaning: string } | null
	courses: HomeCourse[]
	lessons: number
	completed: number
	next: NextLesson | null
	domains: DomainProgress[]
}

/** Everything the learner home shows: the current track, what to learn next and progress by domain. */
export async function readLearnerHome(db: Database, learner: Learner): Promise<LearnerHome> {
	const [enrolment, resume] = await Promise.all([
		currentEnrolment(db, learner.id),
		lastUnfinished(db, learner),
	])
	if (!enrolment) return { track: null, courses: [], lessons: 0, completed: 0, next: resume, domains: [] }
	const [track, rows] = await Promise.all([
		db
			.select({
				id: learningTracks.id,
				nameVi: learningTracks.nameVi,
				nameEn: learningTracks.nameEn,
				completion: learningTracks.completion,
			})
			.from(learningTracks)
			.where(eq(learningTracks.id, enrolment.trackId))
			.then((r) => r[0]!),
		db
			.select({
				courseId: learningCourses.id,
				courseTitle: learningCourses.title,
				required: learningTrackCourses.required,
				lessonId: learningLessons.id,
				title: learningLessons.title,
				status: lessonProgress.status,
			})
			.from(learningTrackCourses)
			.innerJoin(learningCourses, eq(learningCourses.id, learningTrackCourses.courseId))
			.innerJoin(
				learningLessons,
				and(eq(learningLessons.courseId, learningCourses.id), eq(learningLessons.status, 'published')),
			)
			.leftJoin(
				lessonProgress,
				and(eq(lessonProgress.lessonId, learningLessons.id), eq(lessonProgress.learnerId, learner.id)),
			)
			.where(eq(learningTrackCourses.trackId, enrolment.trackId))
			.orderBy(asc(learningTrackCourses.position), asc(learningLessons.position)),
	])
	const courses = new Map<string, HomeCourse>()
	for (const row of rows) {
		const course = courses.get(row.courseId) ?? {
			id: row.courseId,
			title: row.courseTitle,
			required: row.required,
			lessons: 0,
			completed: 0,
		}
		course.lessons += 1
		if (row.status === 'completed') course.completed += 1
		courses.set(row.courseId, course)
	}
	// Lessons the placement test showed the learner already knows are not suggested next (still listed).
	const skip = new Set(await skippableLessonIds(db, learner.id, enrolment.trackId))
	const firstOpen =
		rows.find((r) => r.status !== 'completed' && !skip.has(r.lessonId)) ??
		rows.find((r) => r.status !== 'completed')
	const next =
		resume ??
		(firstOpen
			? {
					lessonId: firstOpen.lessonId,
					title: firstOpen.title,
					courseTitle: firstOpen.courseTitle,
					resume: false,
					position: 0,
				}
			: null)
	const completedIds = new Set(rows.filter((r) => r.status === 'completed').map((r) => r.lessonId))
	const domains = await domainProgress(
		db,
		rows.map((r) => r.lessonId),
		completedIds,
	)
	return {
		track: {
			id: track.id,
			nameVi: track.nameVi,
			nameEn: track.nameEn,
			meaning: String((track.completion as { meaning?: string }).meaning ?? ''),
		},
		courses: [...courses.values()],
		lessons: rows.length,
		completed: completedIds.size,
		next,
		domains,
	}
}

/** The lesson the learner opened last without finishing it, if any. */
async function lastUnfinished(db: Database, learner: Learner): Promise<NextLesson | null> {
	const [row] = await db
		.select({
			lessonId: learningLessons.id,
			title: learningLessons.title,
			courseTitle: learningCourses.title,
			position: lessonProgress.lastPosition,
		})
		.from(lessonProgress)
		.innerJoin(learningLessons, eq(learningLessons.id, lessonProgress.lessonId))
		.innerJoin(learningCourses, eq(learningCourses.id, learningLessons.courseId))
		.where(
			and(
				eq(lessonProgress.learnerId, learner.id),
				eq(lessonProgress.status, 'started'),
				eq(learningLessons.status, 'published'),
			),
		)
		.orderBy(desc(lessonProgress.lastOpenedAt))
		.limit(1)
	return row ? { ...row, resume: true } : null
}

interface FrameworkDomainData {
	code: string
	name: { vi: string; en: string }
	plainName?: { vi: string; en: string }
}

/** Lessons done per domain of the competence framework, over the given lessons. */
async function domainProgress(
	db: Database,
	lessonIds: string[],
	completed: ReadonlySet<string>,
): Promise<DomainProgress[]> {
	if (lessonIds.length === 0) return []
	const [framework, tags] = await Promise.all([
		db
			.select({ domains: sql<FrameworkDomainData[]>`${skillFrameworks.data}->'domains'` })
			.from(skillFrameworks)
			.where(eq(skillFrameworks.kind, 'competenceFramework'))
			.limit(1)
			.then((r) => r[0]?.domains ?? []),
		db
			.selectDistinct({
				lessonId: learningLessonCompetencies.lessonId,
				domainCode: skillCompetencies.domainCode,
			})
			.from(learningLessonCompetencies)
			.innerJoin(skillCompetencies, eq(skillCompetencies.code, learningLessonCompetencies.competencyCode))
			.where(inArray(learningLessonCompetencies.lessonId, lessonIds)),
	])
	return framework
		.map((domain) => {
			const lessons = tags.filter((t) => t.domainCode === domain.code)
			return {
				code: domain.code,
				nameVi: domain.plainName?.vi ?? domain.name.vi,
				nameEn: domain.plainName?.en ?? domain.name.en,
				lessons: lessons.length,
				completed: lessons.filter((t) => completed.has(t.lessonId)).length,
			}
		})
		.filter((d) => d.lessons > 0)
}
