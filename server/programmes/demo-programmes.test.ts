import { count, eq, type SQL } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { classAttendances, communityClasses } from '#server/classes/schema.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import { learningActivities } from '#server/learning/schema.ts'
import {
	computeDigitalFamilies,
	readDigitalFamilyCriteria,
} from '#server/programmes/digital-family.server.ts'
import { ambassadorAssignments, pilotModels } from '#server/programmes/schema.ts'
import { seedDemoClassesAndProgrammesAtStart } from '#server/programmes/seed-demo-programmes-at-start.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
beforeAll(async () => {
	services = await createTestServices()
	await seedDemoWard(services, { residents: 300, seed: 2026 })
	await importLearningContent(services.db)
})
afterAll(async () => {
	await services.close()
})

test('the demo ward gets classes with attendance in the learning record, ambassadors, practices and pilot models', async () => {
	const summary = await seedDemoClassesAndProgrammesAtStart(services.db, { seed: 2026 })
	expect(summary.classes).toBe(4)
	expect(summary.attendances).toBeGreaterThan(10)
	expect(summary.assignments).toBeGreaterThan(0)
	expect(summary.practices).toBeGreaterThan(0)
	const n = async (table: Parameters<ReturnType<TestServices['db']['select']>['from']>[0], where?: SQL) =>
		(await services.db.select({ n: count() }).from(table).where(where))[0]?.n
	expect(await n(communityClasses)).toBe(4)
	expect(await n(classAttendances)).toBe(summary.attendances)
	// Every attendance at a session with a lesson is in the learning record, under the attendance's id.
	const [linked] = await services.db
		.select({ n: count() })
		.from(classAttendances)
		.innerJoin(learningActivities, eq(learningActivities.id, classAttendances.id))
		.where(eq(learningActivities.kind, 'classAttended'))
	expect(linked?.n).toBe(summary.attendances)
	expect(await n(ambassadorAssignments)).toBe(summary.assignments)
	expect(await n(pilotModels, eq(pilotModels.kind, 'aiLiteracy'))).toBe(2)
	const ward = await services.db.query.wards.findFirst()
	const family = await computeDigitalFamilies(services.db, {
		wardId: ward!.id,
		groupIds: 'all',
		criteria: await readDigitalFamilyCriteria(services.db, ward!.id),
	})
	expect(family.households).toBeGreaterThan(50)
	expect(family.byGroup.length).toBeGreaterThan(1)
})
