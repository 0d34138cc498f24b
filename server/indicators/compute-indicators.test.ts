import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { assessmentItems, oralAssessmentResults, oralAssessments } from '#server/assessment/schema.ts'
import type { PolicySubject } from '#server/identity/permissions.ts'
import { residentScopeCondition } from '#server/identity/policy.server.ts'
import { users } from '#server/identity/schema.ts'
import { computeIndicators, type IndicatorValue } from '#server/indicators/compute-indicators.server.ts'
import {
	ensureStandardIndicators,
	listIndicatorDefinitions,
} from '#server/indicators/indicator-definitions.server.ts'
import type { IndicatorDefinition } from '#server/indicators/indicator-spec.ts'
import {
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { learners } from '#server/learning/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let fixture: IndicatorFixture
let definitions: IndicatorDefinition[]

beforeAll(async () => {
	services = await createTestServices()
	fixture = await insertIndicatorFixture(services.db)
	await ensureStandardIndicators(services.db, fixture.wardId)
	definitions = await listIndicatorDefinitions(services.db, fixture.wardId)
})
afterAll(async () => {
	await services.close()
})

async function compute(asOf: string, scope?: PolicySubject): Promise<Record<string, IndicatorValue>> {
	const values = await computeIndicators(services.db, {
		wardId: fixture.wardId,
		indicators: definitions,
		asOf,
		scope: scope ? residentScopeCondition(scope, 'indicators.read') : undefined,
	})
	return Object.fromEntries(values.map((v) => [v.code, v]))
}

const counts = (v: IndicatorValue | undefined) => [v?.numerator, v?.denominator]

test('the standard indicators are seeded once, whatever the number of runs', async () => {
	expect(definitions.map((d) => d.code)).toEqual(['1', '2', '3', '4', '5', '6', '7a', '7b', '8', '9'])
	expect(await ensureStandardIndicators(services.db, fixture.wardId)).toBe(0)
	expect(await listIndicatorDefinitions(services.db, fixture.wardId)).toHaveLength(10)
})

describe('each indicator on the hand-built ward, as of 30 June 2026', () => {
	let v: Record<string, IndicatorValue>
	beforeAll(async () => {
		v = await compute('2026-06-30')
	})
	// The comments name the people of testing/indicator-fixtures.ts: reached / counted.
	test('1: public employees who finished their track (A / A, B)', () =>
		expect(counts(v['1'])).toEqual([1, 2]))
	test('2: students who finished theirs (C / C, D)', () => expect(counts(v['2'])).toEqual([1, 2]))
	test('3: adults who finished any adult track (A, E, H / 8 active adults; J moved away)', () =>
		expect(counts(v['3'])).toEqual([3, 8]))
	test('4: adults certified on VNeID by then (E; F later, K revoked, J moved away)', () =>
		expect(counts(v['4'])).toEqual([1, 8]))
	test('5: enterprise workers (G finishes only in July)', () => expect(counts(v['5'])).toEqual([0, 1]))
	test('6: community tech team (H)', () => expect(counts(v['6'])).toEqual([1, 1]))
	test('7a: ward agency staff trained on AI at work (A / A, B)', () =>
		expect(counts(v['7a'])).toEqual([1, 2]))
	test('7b: digital ambassadors (H / H, I)', () => expect(counts(v['7b'])).toEqual([1, 2]))
	test('8: learners who finished the AI course (A, C, H / A, B, C, D, E, G, H)', () =>
		expect(counts(v['8'])).toEqual([3, 7]))
	test("9: 'Bình dân học AI' pilot models running by then (the one started in March; not the planned one)", () =>
		expect(v['9']?.numerator).toBe(1))

	test('breakdowns add up and split as expected', () => {
		const one = v['1']!
		expect(one.breakdowns.residentialGroup).toEqual([
			{ key: fixture.groups.g1, numerator: 1, denominator: 2 },
		])
		expect(one.breakdowns.organization).toEqual([
			{ key: fixture.organizations.agency, numerator: 1, denominator: 2 },
		])
		expect(one.breakdowns.targetGroup).toEqual([{ key: 'publicEmployee', numerator: 1, denominator: 2 }])
		const three = v['3']!
		const sum = (cells: { numerator: number; denominator: number }[]) =>
			cells.reduce((a, c) => [a[0]! + c.numerator, a[1]! + c.denominator], [0, 0])
		expect(sum(three.breakdowns.residentialGroup)).toEqual([3, 8])
		expect(sum(three.breakdowns.sex)).toEqual([3, 8])
		expect(sum(three.breakdowns.ageBand)).toEqual([3, 8])
		const bySex = Object.fromEntries(three.breakdowns.sex.map((c) => [c.key, [c.numerator, c.denominator]]))
		expect(bySex).toEqual({ male: [2, 4], female: [1, 4] })
		const byBand = Object.fromEntries(
			three.breakdowns.ageBand.map((c) => [c.key, [c.numerator, c.denominator]]),
		)
		// E (76) is the only one from 75; F (56), A (46), G (41), K (38), B (36) are 36–59; H, I are 18–35.
		expect(byBand).toEqual({ '75+': [1, 1], '36-59': [1, 5], '18-35': [1, 2] })
	})
})

test('dated events count from the day they happened: in July G finishes, F is certified', async () => {
	const v = await compute('2026-08-31')
	expect(counts(v['5'])).toEqual([1, 1])
	expect(counts(v['4'])).toEqual([2, 8])
	expect(counts(v['8'])).toEqual([4, 7])
	const january = await compute('2026-01-31')
	expect(counts(january['8'])).toEqual([0, 0])
	expect(january['9']?.numerator).toBe(0)
})

describe('scope', () => {
	const subject = (role: PolicySubject['roles'][number]): PolicySubject => ({
		id: 'u',
		wardId: fixture.wardId,
		residentId: null,
		roles: [role],
	})
	test('a group leader counts only their group', async () => {
		const v = await compute(
			'2026-06-30',
			subject({ role: 'groupLeader', scopeKind: 'residentialGroup', scopeId: fixture.groups.g2 }),
		)
		// Adults of group 2: E, G, I, K; reached: E.
		expect(counts(v['3'])).toEqual([1, 4])
		expect(counts(v['1'])).toEqual([0, 0])
		expect(v['3']!.breakdowns.residentialGroup.map((c) => c.key)).toEqual([fixture.groups.g2])
	})
	test("a focal point counts only their organisation's current members", async () => {
		const v = await compute(
			'2026-06-30',
			subject({ role: 'focalPoint', scopeKind: 'organization', scopeId: fixture.organizations.agency }),
		)
		expect(counts(v['1'])).toEqual([1, 2])
		expect(counts(v['3'])).toEqual([1, 2])
		expect(counts(v['2'])).toEqual([0, 0])
	})
	test('steering staff count the whole ward; a role without indicators.read counts nobody', async () => {
		const ward = await compute(
			'2026-06-30',
			subject({ role: 'steeringStaff', scopeKind: 'ward', scopeId: null }),
		)
		expect(counts(ward['3'])).toEqual([3, 8])
		const none = await compute(
			'2026-06-30',
			subject({ role: 'volunteer', scopeKind: 'residentialGroup', scopeId: fixture.groups.g1 }),
		)
		expect(counts(none['3'])).toEqual([0, 0])
	})
})

test('8: an AI practical task confirmed by an instructor counts, from the day it was confirmed (Vietnam time)', async () => {
	const db = services.db
	const [assessor] = await db
		.insert(users)
		.values({ wardId: fixture.wardId, username: 'gv-ind-8', displayName: 'Giảng viên' })
		.returning({ id: users.id })
	await db
		.insert(assessmentItems)
		.values(
			(['ai-basics', 'vneid'] as const).map((courseId) => ({
				id: `ind8-${courseId}`,
				courseId,
				competencyCode: '6.2',
				level: 'CB2',
				kind: 'practical' as const,
				prompt: 'Thực hành',
				options: [],
				answer: [],
				explanation: 'Xem người học tự làm',
				origin: 'staff' as const,
				contentHash: courseId,
			})),
		)
		.onConflictDoNothing()
	const confirm = async (letter: string, itemId: string, at: string) => {
		const residentId = fixture.people[letter]!
		let [learner] = await db.select().from(learners).where(eq(learners.residentId, residentId))
		learner ??= (await db.insert(learners).values({ wardId: fixture.wardId, residentId }).returning())[0]!
		const [oral] = await db
			.insert(oralAssessments)
			.values({
				wardId: fixture.wardId,
				learnerId: learner.id,
				residentId,
				mode: 'inClass',
				confirmedBy: assessor!.id,
				confirmedAt: new Date(at),
			})
			.returning()
		await db.insert(oralAssessmentResults).values({
			oralAssessmentId: oral!.id,
			position: 0,
			competencyCode: '6.2',
			outcome: 'proficient',
			itemId,
		})
	}
	// E (a learner who never finished the AI course) showed an AI task late on 30 June, Vietnam time;
	// B did a task of another course only: no AI competence shown.
	await confirm('E', 'ind8-ai-basics', '2026-06-30T23:30:00+07:00')
	await confirm('B', 'ind8-vneid', '2026-06-10T09:00:00+07:00')
	expect(counts((await compute('2026-06-29'))['8'])).toEqual([3, 7])
	expect(counts((await compute('2026-06-30'))['8'])).toEqual([4, 7])
})

test('more indicators than one bit mask holds (31 to a mask): each is counted as when computed alone', async () => {
	const many = Array.from({ length: 70 }, (_, i) => {
		const definition = definitions[i % definitions.length]!
		return { ...definition, code: `${definition.code}#${i}` }
	})
	const together = await computeIndicators(services.db, {
		wardId: fixture.wardId,
		indicators: many,
		asOf: '2026-06-30',
	})
	const alone = await compute('2026-06-30')
	expect(together).toHaveLength(70)
	for (const value of together) {
		const own = alone[value.code.split('#')[0]!]!
		expect({ ...value, code: own.code }).toEqual(own)
	}
})

test('on PostgreSQL the app’s connections run without JIT (it cost more than the statement)', async () => {
	const rows = (await services.db.execute(sql`show jit`)) as unknown as { rows: { jit: string }[] }
	// PGlite is built without a JIT provider: its setting stays at the default and compiles nothing.
	expect(rows.rows[0]?.jit).toBe(services.database.kind === 'postgres' ? 'off' : 'on')
})
