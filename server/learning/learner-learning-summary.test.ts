import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
	fixtureLesson,
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

/** A lesson_progress row: completed on `day` (opened that day), unless `status` says only started. */
const progress = (
	learnerId: string,
	lessonId: string,
	day: string,
	status: 'started' | 'completed' = 'completed',
) => ({
	learnerId,
	lessonId,
	status,
	lessonRevision: 1,
	firstOpenedAt: at(day),
	lastOpenedAt: at(day),
	completedAt: status === 'completed' ? at(day) : null,
})

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
	await services.db.insert(lessonProgress).values(progress(learner, 'ai-basics-1', '2026-03-01', 'started'))
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

	await services.db.insert(lessonProgress).values(progress(learner, 'ai-basics-2', '2026-03-04'))
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
	await services.db.insert(lessonProgress).values(progress(learner, 'ai-basics-1', '2026-04-01'))
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
	await services.db.insert(lessonProgress).values(progress(finisher, 'vneid-1', '2026-04-02'))
	expect((await rowOf(finisher))?.courses).toEqual(['vneid'])
	await services.db.insert(learningLessons).values(fixtureLesson('vneid-summary-test', 'vneid', 9))
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
	await services.db
		.insert(lessonProgress)
		.values([progress(learner, 'vneid-1', '2026-05-01'), progress(learner, 'ai-basics-1', '2026-05-02')])
	expect((await rowOf(learner))?.lessons).toHaveLength(2)
	await services.db
		.delete(lessonProgress)
		.where(and(eq(lessonProgress.learnerId, learner), eq(lessonProgress.lessonId, 'vneid-1')))
	expect(await rowOf(learner)).toMatchObject({ lessons: [at('2026-05-02').toISOString()], courses: [] })
	await services.db.delete(lessonProgress).where(eq(lessonProgress.learnerId, learner))
	expect(await rowOf(learner)).toBeUndefined()

	await expectEqualToRebuild()
})
