import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
	insertFixtureCourses,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { learnerLearningSummary, learners, learningLessons, lessonProgress } from '#server/learning/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

// learner_learning_summary is kept by triggers (migration 0017) from lesson_progress and the published
// lessons; the indicators read it instead of every progress row. Whatever writes progress or changes a
// lesson, the table must equal a rebuild from scratch.

let services: TestServices
let wardId: string
let residentA: string

beforeAll(async () => {
	services = await createTestServices()
	await insertFixtureCourses(services.db)
	const fixture = await insertIndicatorFixture(services.db)
	wardId = fixture.wardId
	residentA = fixture.people.A as string
})
afterAll(async () => {
	await services.close()
})

type Row = { learnerId: string; lessons: string[]; courses: string[]; finishedAt: string[] }

async function summaryRows(): Promise<Row[]> {
	const rows = await services.db
		.select()
		.from(learnerLearningSummary)
		.orderBy(learnerLearningSummary.learnerId)
	return rows.map((r) => ({
		learnerId: r.learnerId,
		lessons: r.lessonsCompletedAt.map((d) => new Date(d).toISOString()),
		courses: r.coursesFinished,
		finishedAt: r.coursesFinishedAt.map((d) => new Date(d).toISOString()),
	}))
}

/** The kept table, then the same table rebuilt from lesson_progress for every learner: they must agree. */
async function expectEqualToRebuild(): Promise<Row[]> {
	const kept = await summaryRows()
	await services.db.execute(sql`select learner_learning_summary_refresh(array(select id from learner))`)
	expect(kept).toEqual(await summaryRows())
	return kept
}

async function newLearner(): Promise<string> {
	const [learner] = await services.db.insert(learners).values({ wardId }).returning()
	return learner!.id
}

const at = (day: string) => new Date(`${day}T09:00:00+07:00`)

async function rowOf(learnerId: string): Promise<Row | undefined> {
	return (await summaryRows()).find((r) => r.learnerId === learnerId)
}

test('the fixture’s bulk insert is summarised: lessons sorted by time, finished courses with when', async () => {
	const rows = await expectEqualToRebuild()
	const [learnerA] = await services.db.select().from(learners).where(eq(learners.residentId, residentA))
	const a = rows.find((r) => r.learnerId === learnerA!.id)
	expect(a?.courses.length).toBeGreaterThan(0)
	expect(a?.courses).toContain('ai-basics')
	expect([...(a?.lessons ?? [])].sort()).toEqual(a?.lessons)
	expect(a?.finishedAt).toHaveLength(a?.courses.length ?? -1)
})

test('opening a lesson changes nothing; completing it adds it; finishing every lesson finishes the course', async () => {
	const learner = await newLearner()
	await services.db.insert(lessonProgress).values({
		learnerId: learner,
		lessonId: 'ai-basics-1',
		status: 'started',
		lessonRevision: 1,
		firstOpenedAt: at('2026-03-01'),
		lastOpenedAt: at('2026-03-01'),
	})
	expect(await rowOf(learner)).toBeUndefined()

	await services.db
		.update(lessonProgress)
		.set({ status: 'completed', completedAt: at('2026-03-02') })
		.where(and(eq(lessonProgress.learnerId, learner), eq(lessonProgress.lessonId, 'ai-basics-1')))
	expect(await rowOf(learner)).toEqual({
		learnerId: learner,
		lessons: [at('2026-03-02').toISOString()],
		courses: [],
		finishedAt: [],
	})

	// Reading again (only the reading position and time change): the summary stays as it was.
	await services.db
		.update(lessonProgress)
		.set({ lastOpenedAt: at('2026-03-05'), secondsSpent: 300 })
		.where(eq(lessonProgress.learnerId, learner))
	expect((await rowOf(learner))?.lessons).toEqual([at('2026-03-02').toISOString()])

	await services.db.insert(lessonProgress).values({
		learnerId: learner,
		lessonId: 'ai-basics-2',
		status: 'completed',
		lessonRevision: 1,
		firstOpenedAt: at('2026-03-01'),
		lastOpenedAt: at('2026-03-04'),
		completedAt: at('2026-03-04'),
	})
	expect(await rowOf(learner)).toEqual({
		learnerId: learner,
		lessons: [at('2026-03-02').toISOString(), at('2026-03-04').toISOString()],
		courses: ['ai-basics'],
		finishedAt: [at('2026-03-04').toISOString()],
	})
	await expectEqualToRebuild()
})

test('a lesson withdrawn, published again, or added to a course changes who has finished it', async () => {
	const learner = await newLearner()
	await services.db.insert(lessonProgress).values({
		learnerId: learner,
		lessonId: 'ai-basics-1',
		status: 'completed',
		lessonRevision: 1,
		firstOpenedAt: at('2026-04-01'),
		lastOpenedAt: at('2026-04-01'),
		completedAt: at('2026-04-01'),
	})
	expect((await rowOf(learner))?.courses).toEqual([])

	// The lesson they have not done is withdrawn: what is published of the course, they have done.
	await services.db
		.update(learningLessons)
		.set({ status: 'withdrawn' })
		.where(eq(learningLessons.id, 'ai-basics-2'))
	expect((await rowOf(learner))?.courses).toEqual(['ai-basics'])
	await expectEqualToRebuild()

	await services.db
		.update(learningLessons)
		.set({ status: 'published' })
		.where(eq(learningLessons.id, 'ai-basics-2'))
	expect((await rowOf(learner))?.courses).toEqual([])

	// A new lesson published in a course someone finished: they have not finished it any more.
	const finisher = await newLearner()
	await services.db.insert(lessonProgress).values({
		learnerId: finisher,
		lessonId: 'vneid-1',
		status: 'completed',
		lessonRevision: 1,
		firstOpenedAt: at('2026-04-02'),
		lastOpenedAt: at('2026-04-02'),
		completedAt: at('2026-04-02'),
	})
	expect((await rowOf(finisher))?.courses).toEqual(['vneid'])
	await services.db.insert(learningLessons).values({
		id: 'vneid-summary-test',
		courseId: 'vneid',
		position: 9,
		status: 'published',
		title: 'Bài mới',
		summary: 'Bài mới',
		minutes: 5,
		level: 'CB1',
		competencies: [],
		basicSkills: [],
		body: 'Nội dung',
		images: [],
		sources: [],
		revision: 1,
		contentHash: 'vneid-summary-test',
	})
	expect((await rowOf(finisher))?.courses).toEqual([])
	await services.db
		.update(learningLessons)
		.set({ status: 'withdrawn' })
		.where(eq(learningLessons.id, 'vneid-summary-test'))
	expect((await rowOf(finisher))?.courses).toEqual(['vneid'])
	await expectEqualToRebuild()
})

test('progress deleted (erasure) leaves the summary: one lesson, then the whole row', async () => {
	const learner = await newLearner()
	await services.db.insert(lessonProgress).values(
		['vneid-1', 'ai-basics-1'].map((lessonId, i) => ({
			learnerId: learner,
			lessonId,
			status: 'completed' as const,
			lessonRevision: 1,
			firstOpenedAt: at(`2026-05-0${i + 1}`),
			lastOpenedAt: at(`2026-05-0${i + 1}`),
			completedAt: at(`2026-05-0${i + 1}`),
		})),
	)
	expect((await rowOf(learner))?.lessons).toHaveLength(2)
	await services.db
		.delete(lessonProgress)
		.where(and(eq(lessonProgress.learnerId, learner), eq(lessonProgress.lessonId, 'vneid-1')))
	expect(await rowOf(learner)).toMatchObject({ lessons: [at('2026-05-02').toISOString()], courses: [] })
	await services.db.delete(lessonProgress).where(eq(lessonProgress.learnerId, learner))
	expect(await rowOf(learner)).toBeUndefined()

	await expectEqualToRebuild()
})
