import { and, desc, eq, gte } from 'drizzle-orm'
import type { AssistantAnswer } from '#server/assistant/answer-types.ts'
import type { LessonLibrary } from '#server/assistant/learning/lesson-library.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { readLearnerHome } from '#server/learning/learner-home.server.ts'
import { learners, learningActivities, lessonProgress } from '#server/learning/schema.ts'

type Recommendation = AssistantAnswer['nextLessons'][number]
const MAX = 3
const RECENT_DAYS = 60

/** The lesson player's address (routes/lesson.tsx). */
export function lessonUrl(lessonId: string): string {
	return `/hoc/bai/${encodeURIComponent(lessonId)}`
}

/**
 * What to learn next. Signed in with learning progress: the next lesson of the learner's track (the
 * learner home's choice), a lesson whose practice they answered wrongly, and a lesson from the framework
 * domain they have covered least (their mastery gaps). Otherwise: the lesson after the one the answer
 * quoted, in its course.
 */
export async function recommendNextLessons(
	db: Database,
	library: LessonLibrary,
	input: { userId: string | null; aboutLessonId: string | null },
): Promise<Recommendation[]> {
	const out: Recommendation[] = []
	const add = (lessonId: string | undefined | null, reason: string) => {
		const lesson = lessonId ? library.lessons.get(lessonId) : undefined
		if (!lesson || out.some((r) => r.id === lesson.id) || out.length >= MAX) return
		out.push({ id: lesson.id, title: lesson.title, courseTitle: lesson.courseTitle, reason })
	}
	if (input.userId) {
		try {
			await addFromProgress(db, library, input.userId, add)
		} catch {
			// Learning progress is a bonus here: an assistant answer never fails because of it.
		}
	}
	if (input.aboutLessonId) {
		const about = library.lessons.get(input.aboutLessonId)
		const course = about ? library.courses.get(about.courseId) : undefined
		const next = course?.lessons.find((l) => l.order === (about?.order ?? 0) + 1)
		if (next && course) add(next.id, `Bài tiếp theo trong khóa "${course.title}"`)
	}
	return out
}

async function addFromProgress(
	db: Database,
	library: LessonLibrary,
	userId: string,
	add: (lessonId: string | null | undefined, reason: string) => void,
): Promise<void> {
	const [learner] = await db
		.select({
			id: learners.id,
			wardId: learners.wardId,
			userId: learners.userId,
			residentId: learners.residentId,
		})
		.from(learners)
		.where(eq(learners.userId, userId))
		.limit(1)
	if (!learner) return
	const home = await readLearnerHome(db, learner)
	if (home.next)
		add(home.next.lessonId, home.next.resume ? 'Bài bạn đang học dở' : 'Bài tiếp theo trong lộ trình của bạn')
	const since = new Date(Date.now() - RECENT_DAYS * 86_400_000)
	const [wrong] = await db
		.select({ lessonId: learningActivities.lessonId })
		.from(learningActivities)
		.where(
			and(
				eq(learningActivities.learnerId, learner.id),
				eq(learningActivities.kind, 'practiceAnswered'),
				eq(learningActivities.correct, false),
				gte(learningActivities.occurredAt, since),
			),
		)
		.orderBy(desc(learningActivities.occurredAt))
		.limit(1)
	add(wrong?.lessonId, 'Bạn trả lời chưa đúng câu luyện tập của bài này: nên ôn lại')
	// The domain with the smallest share of completed lessons is the learner's largest gap.
	const gap = home.domains
		.filter((d) => d.lessons > 0 && d.completed < d.lessons)
		.sort((a, b) => a.completed / a.lessons - b.completed / b.lessons)[0]
	if (!gap) return
	const done = new Set(
		(
			await db
				.select({ lessonId: lessonProgress.lessonId })
				.from(lessonProgress)
				.where(and(eq(lessonProgress.learnerId, learner.id), eq(lessonProgress.status, 'completed')))
		).map((r) => r.lessonId),
	)
	for (const lesson of library.lessons.values()) {
		if (done.has(lesson.id)) continue
		if (lesson.competencies.some((c) => c.split('.')[0] === gap.code)) {
			add(lesson.id, `Bạn mới học ít ở mảng "${gap.nameVi}"`)
			return
		}
	}
}
