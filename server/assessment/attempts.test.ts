import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createIdentityWard, createUserWithRole } from '#server/identity/testing/identity-fixtures.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import { ensureLearnerForUser, type Learner } from '#server/learning/learners.server.ts'
import { learningLessons, learningTrackCourses } from '#server/learning/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'
import { readAttemptView } from './attempt-view.server.ts'
import {
	answerPlacement,
	attemptSizes,
	canStart,
	skippableLessonIds,
	startAttempt,
	submitAttempt,
} from './attempts.server.ts'
import { importQuestionBank } from './import-questions.server.ts'
import { readMastery } from './mastery.server.ts'
import type { PostedAnswer } from './option-tokens.ts'
import { assessmentAttemptItems, assessmentItems, competencyMastery } from './schema.ts'

let services: TestServices
let learner: Learner

beforeAll(async () => {
	services = await createTestServices()
	await importLearningContent(services.db)
	const summary = await importQuestionBank(services.db)
	expect(summary.created).toBeGreaterThanOrEqual(300)
	const ward = await createIdentityWard(services)
	const user = await createUserWithRole(services, ward, 'learner', { residentId: ward.residents[1] })
	learner = await ensureLearnerForUser(services.db, {
		id: user.id,
		wardId: ward.wardId,
		residentId: ward.residents[1],
	})
})
afterAll(async () => {
	await services.close()
})

/** The answer a learner who knows (or, with `wrong`, gets it wrong) would post for a served item. */
async function answerFor(attemptId: string, position: number, wrong = false): Promise<PostedAnswer> {
	const [served] = await services.db
		.select({
			optionTokens: assessmentAttemptItems.optionTokens,
			targetTokens: assessmentAttemptItems.targetTokens,
			kind: assessmentItems.kind,
			key: assessmentItems.answer,
		})
		.from(assessmentAttemptItems)
		.innerJoin(assessmentItems, eq(assessmentItems.id, assessmentAttemptItems.itemId))
		.where(
			and(eq(assessmentAttemptItems.attemptId, attemptId), eq(assessmentAttemptItems.position, position)),
		)
	const s = served!
	const tokenOf = (id: string) => s.optionTokens.find((t) => t.optionId === id)!.token
	if (s.kind === 'ordering') {
		const order = wrong ? [...s.key].reverse() : s.key
		return {
			kind: 'ranks',
			ranks: Object.fromEntries(order.map((id, i) => [tokenOf(String(id)), String(i + 1)])),
		}
	}
	if (s.kind === 'matching') {
		const pairs = s.key.map((p) => String(p).split(':') as [string, string])
		const targets = pairs.map(([, t]) => t)
		if (wrong) targets.push(targets.shift()!)
		return {
			kind: 'pairs',
			pairs: Object.fromEntries(
				pairs.map(([o], i) => [tokenOf(o), s.targetTokens!.find((t) => t.targetId === targets[i])!.token]),
			),
		}
	}
	const key = s.key.map(String)
	const right = s.optionTokens.filter((t) => key.includes(t.optionId)).map((t) => t.token)
	const other = s.optionTokens.filter((t) => !key.includes(t.optionId)).map((t) => t.token)
	return { kind: 'choice', tokens: wrong ? [other[0]!] : right }
}

describe('course quiz', () => {
	test('serves items without the key, scores on submit, shows explanations and moves mastery', async () => {
		const started = await startAttempt(services.db, learner, { kind: 'courseQuiz', courseId: 'vneid' })
		expect(started).toMatchObject({ ok: true, resumed: false })
		if (!started.ok) return
		const again = await startAttempt(services.db, learner, { kind: 'courseQuiz', courseId: 'vneid' })
		expect(again).toEqual({ ok: true, attemptId: started.attemptId, resumed: true })

		const view = (await readAttemptView(services.db, learner.id, started.attemptId))!
		expect(view.items).toHaveLength(attemptSizes.courseQuiz)
		expect(new Set(view.items.map((i) => i.kind)).has('practical')).toBe(false)
		for (const item of view.items) expect(item.review).toBeNull()
		const json = JSON.stringify(view)
		expect(json).not.toMatch(/"(answer|key|explanation|optionId|correct)"/)

		const missing = await submitAttempt(services.db, learner, started.attemptId, new Map())
		expect(missing).toMatchObject({ ok: false, reason: 'missing' })

		const posted = new Map<number, PostedAnswer>()
		for (const item of view.items)
			posted.set(item.position, await answerFor(started.attemptId, item.position, item.position < 2))
		const result = await submitAttempt(services.db, learner, started.attemptId, posted)
		expect(result).toMatchObject({ ok: true, passed: true, scorePercent: 80 })
		expect(await submitAttempt(services.db, learner, started.attemptId, posted)).toMatchObject({
			reason: 'alreadySubmitted',
		})

		const after = (await readAttemptView(services.db, learner.id, started.attemptId))!
		expect(after.items.filter((i) => i.review?.correct)).toHaveLength(8)
		for (const item of after.items) expect(item.review!.explanation.length).toBeGreaterThan(10)
		const mastery = await readMastery(services.db, learner.id)
		expect(mastery.filter((m) => m.state !== 'notStarted').length).toBeGreaterThan(0)
		expect(await readAttemptView(services.db, crypto.randomUUID(), started.attemptId)).toBeNull()
	})

	test('makes a learner wait after a failed quiz', async () => {
		const started = await startAttempt(services.db, learner, {
			kind: 'courseQuiz',
			courseId: 'personal-data',
		})
		if (!started.ok) throw new Error('not started')
		const view = (await readAttemptView(services.db, learner.id, started.attemptId))!
		const posted = new Map<number, PostedAnswer>()
		for (const item of view.items)
			posted.set(item.position, await answerFor(started.attemptId, item.position, true))
		expect(await submitAttempt(services.db, learner, started.attemptId, posted)).toMatchObject({
			passed: false,
			scorePercent: 0,
		})
		const blocked = await startAttempt(services.db, learner, {
			kind: 'courseQuiz',
			courseId: 'personal-data',
		})
		expect(blocked).toMatchObject({ ok: false, reason: 'notAllowed', decision: { reason: 'wait' } })
		const later = new Date(Date.now() + 11 * 60_000)
		expect(
			(await canStart(services.db, learner.id, { kind: 'courseQuiz', courseId: 'personal-data' }, later))
				.decision,
		).toEqual({
			allowed: true,
		})
	})
})

describe('final assessment', () => {
	test('passes, issues through the hook once, and then cannot be retaken', async () => {
		const target = { kind: 'finalAssessment', trackId: 'citizen' } as const
		const started = await startAttempt(services.db, learner, target)
		if (!started.ok) throw new Error('not started')
		const view = (await readAttemptView(services.db, learner.id, started.attemptId))!
		expect(view.items).toHaveLength(attemptSizes.finalAssessment)
		expect(view.deadlineAt).not.toBeNull()
		const posted = new Map<number, PostedAnswer>()
		for (const item of view.items)
			posted.set(item.position, await answerFor(started.attemptId, item.position))
		const calls: string[] = []
		const result = await submitAttempt(services.db, learner, started.attemptId, posted, {
			issueOnPass: async (_tx, input) => {
				calls.push(input.attemptId)
				return { issued: true, code: 'TEST' }
			},
		})
		expect(result).toMatchObject({ ok: true, passed: true, scorePercent: 100, certificate: { issued: true } })
		expect(calls).toEqual([started.attemptId])
		expect(await startAttempt(services.db, learner, target)).toMatchObject({
			ok: false,
			decision: { reason: 'passed' },
		})
	})

	test('closes a late attempt with nothing counted', async () => {
		const other = await ensureLearnerForUser(services.db, {
			id: (await createOtherUser()).id,
			wardId: learner.wardId,
			residentId: null,
		})
		const started = await startAttempt(services.db, other, { kind: 'finalAssessment', trackId: 'elderly' })
		if (!started.ok) throw new Error('not started')
		const result = await submitAttempt(services.db, other, started.attemptId, new Map(), {
			now: new Date(Date.now() + 60 * 60_000),
		})
		expect(result).toMatchObject({ ok: true, passed: false, scorePercent: 0, late: true })
	})
})

async function createOtherUser() {
	const ward = await createIdentityWard(services)
	return createUserWithRole(services, ward, 'learner')
}

describe('placement test', () => {
	async function run(who: Learner, knows: (competency: string, level: string) => boolean) {
		const started = await startAttempt(services.db, who, { kind: 'placement', trackId: 'citizen' })
		if (!started.ok) throw new Error('not started')
		let asked = 0
		for (;;) {
			const view = (await readAttemptView(services.db, who.id, started.attemptId))!
			if (view.status === 'submitted') return { view, asked, attemptId: started.attemptId }
			expect(view.items).toHaveLength(1)
			const item = view.items[0]!
			const [served] = await services.db
				.select({
					competencyCode: assessmentAttemptItems.competencyCode,
					level: assessmentAttemptItems.level,
				})
				.from(assessmentAttemptItems)
				.where(
					and(
						eq(assessmentAttemptItems.attemptId, started.attemptId),
						eq(assessmentAttemptItems.position, item.position),
					),
				)
			const posted = await answerFor(
				started.attemptId,
				item.position,
				!knows(served!.competencyCode, served!.level),
			)
			expect(await answerPlacement(services.db, who, started.attemptId, item.position, posted)).toMatchObject(
				{ ok: true },
			)
			// The same form posted twice changes nothing.
			expect(await answerPlacement(services.db, who, started.attemptId, item.position, posted)).toMatchObject(
				{ ok: false },
			)
			asked += 1
			if (asked > 20) throw new Error('placement did not stop')
		}
	}

	test('stops within 15 questions, places a strong learner high and lists lessons to skip', async () => {
		const strong = await ensureLearnerForUser(services.db, {
			id: (await createOtherUser()).id,
			wardId: learner.wardId,
			residentId: null,
		})
		const { view, asked, attemptId } = await run(strong, () => true)
		expect(asked).toBeLessThanOrEqual(15)
		expect(view.placement!.competencies.length).toBeGreaterThan(0)
		for (const c of view.placement!.competencies) expect(c.levelVi).not.toBeNull()
		expect(view.placement!.skippable.length).toBeGreaterThan(0)
		expect(view.items.every((i) => i.review !== null)).toBe(true)
		expect(new Set(await skippableLessonIds(services.db, strong.id, 'citizen'))).toEqual(
			new Set(view.placement!.skippable.map((l) => l.id)),
		)
		expect(attemptId).toBeTruthy()
	})

	test('places a beginner at the start with nothing to skip', async () => {
		const beginner = await ensureLearnerForUser(services.db, {
			id: (await createOtherUser()).id,
			wardId: learner.wardId,
			residentId: null,
		})
		const { view, asked } = await run(beginner, () => false)
		expect(asked).toBeLessThanOrEqual(15)
		for (const c of view.placement!.competencies) expect(c.levelVi).toBeNull()
		expect(view.placement!.skippable).toEqual([])
	})

	test('a lesson whose every competency is mastered since is not suggested, until mastery falls back', async () => {
		const other = await ensureLearnerForUser(services.db, {
			id: (await createOtherUser()).id,
			wardId: learner.wardId,
			residentId: null,
		})
		expect(await skippableLessonIds(services.db, other.id, 'citizen')).toEqual([])
		const [lesson] = await services.db
			.select({ id: learningLessons.id, competencies: learningLessons.competencies })
			.from(learningLessons)
			.innerJoin(learningTrackCourses, eq(learningTrackCourses.courseId, learningLessons.courseId))
			.where(and(eq(learningTrackCourses.trackId, 'citizen'), eq(learningLessons.status, 'published')))
			.orderBy(learningLessons.id)
			.limit(1)
		expect(lesson!.competencies.length).toBeGreaterThan(0)
		await services.db.insert(competencyMastery).values(
			lesson!.competencies.map((competencyCode) => ({
				learnerId: other.id,
				wardId: other.wardId,
				competencyCode,
				state: 'mastered' as const,
				recent: [true, true, true, true, true, true],
			})),
		)
		expect(await skippableLessonIds(services.db, other.id, 'citizen')).toContain(lesson!.id)
		// One competency falls back (later mistakes): the lesson is suggested again.
		await services.db
			.update(competencyMastery)
			.set({ state: 'proficient' })
			.where(
				and(
					eq(competencyMastery.learnerId, other.id),
					eq(competencyMastery.competencyCode, lesson!.competencies[0]!),
				),
			)
		expect(await skippableLessonIds(services.db, other.id, 'citizen')).not.toContain(lesson!.id)
	})
})
