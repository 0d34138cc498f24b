import crypto from 'node:crypto'
import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createIdentityWard, createUserWithRole } from '#server/identity/testing/identity-fixtures.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import { readLearnerHome } from '#server/learning/learner-home.server.ts'
import { chooseTrack, listTrackChoices } from '#server/learning/learner-tracks.server.ts'
import { ensureLearnerForUser, type Learner } from '#server/learning/learners.server.ts'
import { readLessonProgress, readPracticeForLearner } from '#server/learning/lesson-view.server.ts'
import { recordActivity } from '#server/learning/record-activity.server.ts'
import { learners, learningActivities, lessonProgress } from '#server/learning/schema.ts'
import { syncActivities } from '#server/learning/sync-activities.server.ts'
import { residentTargetGroups } from '#server/people/schema.ts'
import { ensureStandardTargetGroups } from '#server/people/target-groups.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let learner: Learner
let userId: string

beforeAll(async () => {
	services = await createTestServices()
	await importLearningContent(services.db)
	await ensureStandardTargetGroups(services.db)
	const ward = await createIdentityWard(services)
	await services.db
		.insert(residentTargetGroups)
		.values({ residentId: ward.residents[2], targetGroupCode: 'elderly', source: 'manual' })
	const user = await createUserWithRole(services, ward, 'learner', { residentId: ward.residents[2] })
	userId = user.id
	learner = await ensureLearnerForUser(services.db, {
		id: user.id,
		wardId: ward.wardId,
		residentId: ward.residents[2],
	})
})
afterAll(async () => {
	await services.close()
})

const lessonId = 'vneid-what-is'
const uuid = () => crypto.randomUUID()

async function activityCount(where = eq(learningActivities.learnerId, learner.id)) {
	const [row] = await services.db.select({ n: count() }).from(learningActivities).where(where)
	return row!.n
}

describe('the learner', () => {
	test('is one row per account, however many first visits happen at once', async () => {
		const account = { id: userId, wardId: learner.wardId, residentId: learner.residentId }
		const again = await Promise.all([1, 2, 3].map(() => ensureLearnerForUser(services.db, account)))
		expect(new Set(again.map((l) => l.id))).toEqual(new Set([learner.id]))
		const [rows] = await services.db.select({ n: count() }).from(learners).where(eq(learners.userId, userId))
		expect(rows!.n).toBe(1)
	})

	test("is offered their target groups' tracks first, and the chosen track leads the home page", async () => {
		const choices = await listTrackChoices(services.db, learner)
		expect(choices[0]).toMatchObject({ id: 'elderly', forMyGroups: true, enrolled: false })
		expect(await chooseTrack(services.db, { learner, trackId: 'elderly', byUserId: userId })).toBe(true)
		expect(await chooseTrack(services.db, { learner, trackId: 'no-such-track', byUserId: userId })).toBe(
			false,
		)
		const home = await readLearnerHome(services.db, learner)
		expect(home.track?.id).toBe('elderly')
		expect(home.next).toMatchObject({ lessonId: 'phone-turn-on', resume: false })
		expect(home.lessons).toBeGreaterThan(20)
		expect(home.domains.length).toBeGreaterThan(2)
		expect(home.domains.every((d) => d.completed === 0)).toBe(true)
	})
})

describe('practice answers', () => {
	test('carry no answer key before the learner answers', async () => {
		const practice = await readPracticeForLearner(services.db, { lessonId, learnerId: learner.id })
		expect(practice.length).toBeGreaterThanOrEqual(2)
		expect(practice.every((p) => p.result === null)).toBe(true)
		expect(JSON.stringify(practice)).not.toMatch(/answer|explanation|key/)
	})

	test('are scored on the server and recorded once, however often the form is posted', async () => {
		const id = uuid()
		const answer = { id, kind: 'practiceAnswered' as const, lessonId, itemId: 'q1', answer: ['a'] }
		expect(await recordActivity(services.db, learner, answer, 'online')).toEqual({
			outcome: 'applied',
			correct: true,
		})
		expect(await recordActivity(services.db, learner, answer, 'online')).toEqual({ outcome: 'duplicate' })
		expect(await activityCount(eq(learningActivities.id, id))).toBe(1)
		const practice = await readPracticeForLearner(services.db, { lessonId, learnerId: learner.id })
		expect(practice[0]!.result).toMatchObject({ answer: ['a'], correct: true, key: ['a'] })
		expect(practice[1]!.result).toBeNull()
		const retry = await readPracticeForLearner(services.db, { lessonId, learnerId: learner.id, retry: 'q1' })
		expect(retry[0]!.result).toBeNull()
		expect((await readLessonProgress(services.db, learner.id, lessonId))?.status).toBe('started')
	})

	test('that do not fit the question, or name an unpublished lesson, are refused', async () => {
		const wrongShape = {
			id: uuid(),
			kind: 'practiceAnswered' as const,
			lessonId,
			itemId: 'q1',
			answer: ['a', 'b'],
		}
		const noOption = { id: uuid(), kind: 'practiceAnswered' as const, lessonId, itemId: 'q1', answer: ['z'] }
		const noLesson = { id: uuid(), kind: 'lessonCompleted' as const, lessonId: 'no-such-lesson' }
		for (const input of [wrongShape, noOption, noLesson]) {
			expect(await recordActivity(services.db, learner, input, 'online')).toEqual({ outcome: 'rejected' })
			expect(await activityCount(eq(learningActivities.id, input.id))).toBe(0)
		}
	})
})

describe('an offline queue', () => {
	const lesson = 'vneid-level2-police'
	const queue = [
		{
			id: uuid(),
			kind: 'positionSaved',
			lessonId: lesson,
			position: 2,
			seconds: 90,
			occurredAt: new Date().toISOString(),
		},
		{ id: uuid(), kind: 'practiceAnswered', lessonId: lesson, itemId: 'q1', answer: ['b'] },
		{ id: uuid(), kind: 'lessonCompleted', lessonId: lesson, seconds: 300 },
		{ id: uuid(), kind: 'sayHello', lessonId: lesson },
	]

	test('is applied exactly once, even when sent again or twice at the same time', async () => {
		const first = await syncActivities(services.db, learner, queue)
		expect(first.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied', 'rejected'])
		const resent = await syncActivities(services.db, learner, queue)
		expect(resent.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate', 'rejected'])
		const ofLesson = and(
			eq(learningActivities.learnerId, learner.id),
			eq(learningActivities.lessonId, lesson),
		)
		expect(await activityCount(ofLesson)).toBe(3)
		const progress = await services.db.query.lessonProgress.findFirst({
			where: and(eq(lessonProgress.learnerId, learner.id), eq(lessonProgress.lessonId, lesson)),
		})
		expect(progress).toMatchObject({ status: 'completed', lastPosition: 2, secondsSpent: 300 })

		const second = queue.slice(0, 3).map((a) => ({ ...a, id: uuid() }))
		const both = await Promise.all([
			syncActivities(services.db, learner, second),
			syncActivities(services.db, learner, second),
		])
		const applied = both.flat().filter((r) => r.outcome === 'applied')
		expect(applied.map((r) => r.id).sort()).toEqual(second.map((a) => a.id).sort())
		expect(await activityCount(ofLesson)).toBe(6)
	})

	test('records the offline origin and completes the lesson on the home page', async () => {
		const [row] = await services.db
			.select({ origin: learningActivities.origin })
			.from(learningActivities)
			.where(eq(learningActivities.id, queue[2]!.id))
		expect(row?.origin).toBe('offline')
		const home = await readLearnerHome(services.db, learner)
		expect(home.completed).toBe(1)
		expect(home.domains.some((d) => d.completed === 1)).toBe(true)
	})
})
