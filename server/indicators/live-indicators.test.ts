import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { assessmentItems, oralAssessmentResults, oralAssessments } from '#server/assessment/schema.ts'
import { certificates } from '#server/certification/schema.ts'
import { users } from '#server/identity/schema.ts'
import {
	computeIndicators,
	type IndicatorValue,
	residentFlagsSql,
} from '#server/indicators/compute-indicators.server.ts'
import { conditionModules } from '#server/indicators/conditions/index.ts'
import {
	ensureStandardIndicators,
	listIndicatorDefinitions,
} from '#server/indicators/indicator-definitions.server.ts'
import type { IndicatorDefinition, ResidentIndicatorSpec } from '#server/indicators/indicator-spec.ts'
import { computeLiveIndicators, type LiveRefresh } from '#server/indicators/live-indicators.server.ts'
import { indicatorLiveStates, indicatorResidentFlags } from '#server/indicators/live-schema.ts'
import {
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { learners, lessonProgress } from '#server/learning/schema.ts'
import { residents, residentTargetGroups } from '#server/people/schema.ts'
import { organizationMemberships, organizations } from '#server/ward/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let fixture: IndicatorFixture
let definitions: IndicatorDefinition[]
const asOf = '2026-06-30'

beforeAll(async () => {
	services = await createTestServices()
	fixture = await insertIndicatorFixture(services.db, 'TEST-LIVE')
	await ensureStandardIndicators(services.db, fixture.wardId)
	definitions = await listIndicatorDefinitions(services.db, fixture.wardId)
})
afterAll(async () => {
	await services.close()
})

async function both(
	indicators: readonly IndicatorDefinition[] = definitions,
	day = asOf,
): Promise<{ live: IndicatorValue[]; direct: IndicatorValue[]; refresh: LiveRefresh | undefined }> {
	let refresh: LiveRefresh | undefined
	const live = await computeLiveIndicators(services.db, {
		wardId: fixture.wardId,
		indicators,
		asOf: day,
		onRefresh: (r) => {
			refresh = r
		},
	})
	const direct = await computeIndicators(services.db, { wardId: fixture.wardId, indicators, asOf: day })
	return { live, direct, refresh }
}

describe('the kept state gives what the full computation gives', () => {
	test('built on the first look, then only read while nothing changes', async () => {
		const first = await both()
		expect(first.refresh?.kind).toBe('rebuilt')
		expect(first.live).toEqual(first.direct)
		expect(first.live.find((v) => v.code === '3')?.denominator).toBe(8)
		const second = await both()
		expect(second.refresh).toEqual({ kind: 'refreshed', residents: 0 })
		expect(second.live).toEqual(first.direct)
	})

	test('each kind of change moves only the residents it touched', async () => {
		const db = services.db
		const { people, organizations: orgs, groups } = fixture
		const steps: { name: string; change: () => Promise<unknown>; touched: number }[] = [
			{
				name: 'a target group added',
				change: () =>
					db.insert(residentTargetGroups).values({
						residentId: people.B!,
						targetGroupCode: 'digitalAmbassador',
						source: 'manual',
					}),
				touched: 1,
			},
			{
				name: 'a membership ended',
				change: () =>
					db
						.update(organizationMemberships)
						.set({ endedOn: '2026-05-01' })
						.where(eq(organizationMemberships.residentId, people.A!)),
				touched: 1,
			},
			{
				name: 'a course finished (through the learning summary)',
				change: async () => {
					const [learner] = await db
						.select({ id: learners.id })
						.from(learners)
						.where(eq(learners.residentId, people.B!))
					const at = new Date('2026-06-10T09:00:00+07:00')
					await db.insert(lessonProgress).values(
						[
							'personal-data-1',
							'scams-misinformation-1',
							'workplace-digital-1',
							'ai-basics-1',
							'ai-basics-2',
							'ai-at-work-1',
						].map((lessonId) => ({
							learnerId: learner!.id,
							lessonId,
							status: 'completed' as const,
							lessonRevision: 1,
							firstOpenedAt: at,
							lastOpenedAt: at,
							completedAt: at,
						})),
					)
				},
				touched: 1,
			},
			{
				name: 'a certificate revoked',
				change: () =>
					db
						.update(certificates)
						.set({ status: 'revoked', revokedAt: new Date('2026-06-01T00:00:00Z'), revokedReason: 'Thử' })
						.where(eq(certificates.residentId, people.E!)),
				touched: 1,
			},
			{
				name: 'a resident moved away, another to the other group and older',
				change: async () => {
					await db.update(residents).set({ status: 'movedAway' }).where(eq(residents.id, people.C!))
					await db
						.update(residents)
						.set({ residentialGroupId: groups.g2, birthYear: 1950, sex: 'female' })
						.where(eq(residents.id, people.H!))
				},
				touched: 2,
			},
			{
				name: 'a newcomer with a target group and a membership',
				change: async () => {
					const id = randomUUID()
					await db.insert(residents).values({
						id,
						wardId: fixture.wardId,
						residentialGroupId: groups.g1,
						fullName: 'Người mới',
						searchName: 'nguoi moi',
						sex: 'male',
						birthYear: 1990,
						status: 'active',
					})
					await db
						.insert(residentTargetGroups)
						.values({ residentId: id, targetGroupCode: 'publicEmployee', source: 'manual' })
					await db
						.insert(organizationMemberships)
						.values({ organizationId: orgs.agency, residentId: id, kind: 'staff', startedOn: '2026-01-01' })
				},
				touched: 1,
			},
			{
				name: 'an organisation changes kind (its members, past ones too, are recomputed)',
				change: () =>
					db.update(organizations).set({ kind: 'enterprise' }).where(eq(organizations.id, orgs.agency)),
				touched: 3,
			},
			{
				name: 'an AI practical task confirmed in class',
				change: async () => {
					const [assessor] = await db
						.insert(users)
						.values({ wardId: fixture.wardId, username: 'gv-live', displayName: 'Giảng viên' })
						.returning({ id: users.id })
					await db.insert(assessmentItems).values({
						id: 'live-ai-basics',
						courseId: 'ai-basics',
						competencyCode: '6.2',
						level: 'CB2',
						kind: 'practical',
						prompt: 'Thực hành',
						options: [],
						answer: [],
						explanation: 'Xem người học tự làm',
						origin: 'staff',
						contentHash: 'live-ai-basics',
					})
					const [learner] = await db.select().from(learners).where(eq(learners.residentId, people.E!))
					const [oral] = await db
						.insert(oralAssessments)
						.values({
							wardId: fixture.wardId,
							learnerId: learner!.id,
							residentId: people.E!,
							mode: 'inClass',
							confirmedBy: assessor!.id,
							confirmedAt: new Date('2026-06-20T09:00:00+07:00'),
						})
						.returning()
					await db.insert(oralAssessmentResults).values({
						oralAssessmentId: oral!.id,
						position: 0,
						competencyCode: '6.2',
						outcome: 'proficient',
						itemId: 'live-ai-basics',
					})
				},
				touched: 1,
			},
			{
				name: "the task's item moved to another course",
				change: () =>
					db
						.update(assessmentItems)
						.set({ courseId: 'vneid' })
						.where(eq(assessmentItems.id, 'live-ai-basics')),
				touched: 1,
			},
			{
				name: 'a target group removed',
				change: () =>
					db
						.delete(residentTargetGroups)
						.where(
							and(
								eq(residentTargetGroups.residentId, people.D!),
								eq(residentTargetGroups.targetGroupCode, 'student'),
							),
						),
				touched: 1,
			},
		]
		for (const step of steps) {
			await step.change()
			const { live, direct, refresh } = await both()
			expect(refresh, step.name).toEqual({ kind: 'refreshed', residents: step.touched })
			expect(live, step.name).toEqual(direct)
		}
	})

	test('another day, other definitions or a deleted or erased resident (whose flags go at once) rebuild the ward', async () => {
		const otherDay = await both(definitions, '2026-07-31')
		expect(otherDay.refresh?.kind).toBe('rebuilt')
		expect(otherDay.live).toEqual(otherDay.direct)
		const fewer = definitions.filter((d) => d.code !== '2')
		const edited = await both(fewer, '2026-07-31')
		expect(edited.refresh?.kind).toBe('rebuilt')
		expect(edited.live).toEqual(edited.direct)
		await services.db
			.delete(residentTargetGroups)
			.where(eq(residentTargetGroups.residentId, fixture.people.I!))
		await services.db.delete(residents).where(eq(residents.id, fixture.people.I!))
		const [state] = await services.db
			.select()
			.from(indicatorLiveStates)
			.where(eq(indicatorLiveStates.wardId, fixture.wardId))
		expect(state).toBeUndefined()
		const left = await services.db
			.select()
			.from(indicatorResidentFlags)
			.where(eq(indicatorResidentFlags.residentId, fixture.people.I!))
		expect(left).toEqual([])
		const afterDelete = await both(fewer, '2026-07-31')
		expect(afterDelete.refresh?.kind).toBe('rebuilt')
		expect(afterDelete.live).toEqual(afterDelete.direct)
		// Erasure keeps the row, anonymised: the kept copy of the person's keys goes at once.
		await services.db
			.update(residents)
			.set({ anonymisedAt: new Date() })
			.where(eq(residents.id, fixture.people.B!))
		expect(
			await services.db
				.select()
				.from(indicatorResidentFlags)
				.where(eq(indicatorResidentFlags.residentId, fixture.people.B!)),
		).toEqual([])
		const afterErasure = await both(fewer, '2026-07-31')
		expect(afterErasure.refresh?.kind).toBe('rebuilt')
		expect(afterErasure.live).toEqual(afterErasure.direct)
	})
})

/** One condition of every kind: a new kind must be added here, and its tables get triggers. */
const everyKind: ResidentIndicatorSpec['population'] = [
	{ kind: 'targetGroup', codes: ['student'] },
	{ kind: 'age', min: 18 },
	{ kind: 'sex', sex: 'female' },
	{ kind: 'vneidLevel', atLeast: 2 },
	{ kind: 'membership', organizationKinds: ['agency'] },
	{ kind: 'learner', minLessons: 1 },
	{ kind: 'coursesFinished', courseIds: ['vneid'], mode: 'all' },
	{ kind: 'certified' },
	{ kind: 'practicalTaskConfirmed', courseIds: ['ai-basics'] },
]

test('every table an indicator condition reads notes the residents its changes touch', async () => {
	expect(new Set(everyKind.map((c) => c.kind))).toEqual(new Set(conditionModules.map((m) => m.kind)))
	const spec = { population: everyKind, reached: [] } as unknown as ResidentIndicatorSpec
	const flags = residentFlagsSql([{ code: 'x', spec }], asOf)
	const dialect = new PgDialect({ casing: 'snake_case' })
	const text = dialect.sqlToQuery(
		sql`${flags.withFacts} ${flags.joins} ${sql.join(flags.masks, sql`, `)}`,
	).sql
	const read = new Set([...text.matchAll(/"([a-z_]+)"\."[a-z_]+"/g)].map((m) => m[1]!))
	// The breakdown keys read these too (live-indicators.server.ts, insertFlags).
	for (const table of ['resident', 'resident_target_group', 'organization_membership']) read.add(table)
	const result = (await services.db.execute(sql`select c.relname as table, t.tgname as name
		from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname like 'indicator_dirty_after_%'`)) as unknown as {
		rows: { table: string; name: string }[]
	}
	const triggers = new Map<string, string[]>()
	for (const row of result.rows) triggers.set(row.table, [...(triggers.get(row.table) ?? []), row.name])
	// Reference tables (an organisation's or an item's kind) change by update only; the others by all three.
	const updateOnly = new Set(['organization', 'assessment_item'])
	for (const table of read) {
		const expected = updateOnly.has(table)
			? ['indicator_dirty_after_update']
			: ['indicator_dirty_after_delete', 'indicator_dirty_after_insert', 'indicator_dirty_after_update']
		expect([...(triggers.get(table) ?? [])].sort(), table).toEqual(expected)
	}
	expect(read.size).toBeGreaterThanOrEqual(9)
})
