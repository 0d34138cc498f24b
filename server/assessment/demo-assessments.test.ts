import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { seedDemoIndicators } from '#server/indicators/demo-indicators.server.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'
import { readAttemptView } from './attempt-view.server.ts'
import { seedDemoAssessments } from './demo-assessments.server.ts'
import { importQuestionBank } from './import-questions.server.ts'
import { readConfirmedTasks } from './oral-assessment.server.ts'
import { assessmentAttempts, competencyMastery, oralAssessments } from './schema.ts'

let services: TestServices

beforeAll(async () => {
	services = await createTestServices()
	await seedDemoWard(services, { residents: 200, seed: 7 })
	await importLearningContent(services.db)
	await importQuestionBank(services.db)
	await seedDemoIndicators(services.db, { seed: 7, now: new Date('2026-11-30T05:00:00Z') })
})
afterAll(async () => {
	await services.close()
})

describe('demo quiz history', () => {
	test('learners who finished a course have quiz attempts, reviewable, and mastery that follows from them', async () => {
		const summary = await seedDemoAssessments(services.db, { seed: 7 })
		expect(summary.attempts).toBeGreaterThan(0)
		expect(summary.learners).toBeGreaterThan(0)
		const [attempts] = await services.db.select({ n: count() }).from(assessmentAttempts)
		expect(attempts?.n).toBe(summary.attempts)
		const [passed] = await services.db
			.select({ n: count() })
			.from(assessmentAttempts)
			.where(eq(assessmentAttempts.passed, true))
		expect(passed!.n).toBeGreaterThan(0)
		expect(passed!.n).toBeLessThan(summary.attempts)
		const states = await services.db
			.selectDistinct({ state: competencyMastery.state })
			.from(competencyMastery)
		expect(states.length).toBeGreaterThanOrEqual(2)
		const [one] = await services.db.select().from(assessmentAttempts).limit(1)
		const view = (await readAttemptView(services.db, one!.learnerId, one!.id))!
		expect(view.items).toHaveLength(10)
		for (const item of view.items) expect(item.review!.yourAnswer.length).toBeGreaterThan(0)
		expect(view.items.filter((i) => i.review!.correct).length).toBe(one!.correctCount)
		// AI practical tasks confirmed in class (target 8), listed to each of those learners.
		expect(summary.aiTasksConfirmed).toBeGreaterThan(0)
		const [oral] = await services.db.select().from(oralAssessments).limit(1)
		const tasks = await readConfirmedTasks(services.db, oral!.learnerId)
		expect(tasks.length).toBeGreaterThan(0)
		expect(tasks.every((t) => t.ai && t.confirmedByName.length > 0)).toBe(true)
	})
})
