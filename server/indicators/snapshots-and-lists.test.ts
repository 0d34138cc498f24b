import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { PolicySubject } from '#server/identity/permissions.ts'
import { residentScopeCondition } from '#server/identity/policy.server.ts'
import { computeIndicators } from '#server/indicators/compute-indicators.server.ts'
import { listIndicatorPeople } from '#server/indicators/drill-down.server.ts'
import {
	ensureStandardIndicators,
	getIndicatorDefinition,
	listIndicatorDefinitions,
} from '#server/indicators/indicator-definitions.server.ts'
import { parseIndicatorForm } from '#server/indicators/indicator-form.ts'
import { saveIndicator } from '#server/indicators/save-indicator.server.ts'
import { indicatorSnapshots } from '#server/indicators/schema.ts'
import {
	listScopedSnapshots,
	runMonthlySnapshots,
	takeMonthlySnapshots,
} from '#server/indicators/snapshots.server.ts'
import {
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let fixture: IndicatorFixture
const steering = (): PolicySubject => ({
	id: 'u',
	wardId: fixture.wardId,
	residentId: null,
	roles: [{ role: 'steeringStaff', scopeKind: 'ward', scopeId: null }],
})
const leaderOfG2 = (): PolicySubject => ({
	id: 'u',
	wardId: fixture.wardId,
	residentId: null,
	roles: [{ role: 'groupLeader', scopeKind: 'residentialGroup', scopeId: fixture.groups.g2 }],
})

beforeAll(async () => {
	services = await createTestServices()
	fixture = await insertIndicatorFixture(services.db, 'TEST-SNAP')
	await ensureStandardIndicators(services.db, fixture.wardId)
})
afterAll(async () => {
	await services.close()
})

test('a month is taken once, and the database refuses to rewrite or delete it', async () => {
	expect(
		await takeMonthlySnapshots(services.db, { wardId: fixture.wardId, month: '2026-06', origin: 'job' }),
	).toBe(10)
	expect(
		await takeMonthlySnapshots(services.db, { wardId: fixture.wardId, month: '2026-06', origin: 'job' }),
	).toBe(0)
	const [three] = await services.db
		.select()
		.from(indicatorSnapshots)
		.where(sql`${indicatorSnapshots.indicatorCode} = '3' and ${indicatorSnapshots.month} = '2026-06-01'`)
	expect([three!.numerator, three!.denominator, three!.asOf]).toEqual([3, 8, '2026-06-30'])
	await expect(services.db.execute(sql`update indicator_snapshot set numerator = 99`)).rejects.toThrow()
	await expect(services.db.execute(sql`delete from indicator_snapshot`)).rejects.toThrow()
	await expect(services.db.execute(sql`truncate indicator_snapshot`)).rejects.toThrow()
	const [again] = await services.db
		.select({ n: indicatorSnapshots.numerator })
		.from(indicatorSnapshots)
		.where(sql`${indicatorSnapshots.indicatorCode} = '3' and ${indicatorSnapshots.month} = '2026-06-01'`)
	expect(again!.n).toBe(3)
})

test('the monthly job takes last month for every ward; a group leader sees their group in the trend', async () => {
	// 3 August 2026 in Vietnam: July closes.
	expect(
		await runMonthlySnapshots(services.db, new Date('2026-08-03T01:00:00+07:00')),
	).toBeGreaterThanOrEqual(10)
	const points = await listScopedSnapshots(services.db, {
		wardId: fixture.wardId,
		user: leaderOfG2(),
		fromMonth: '2026-01',
		toMonth: '2026-12',
	})
	const three = points.filter((p) => p.code === '3').map((p) => [p.month, p.numerator, p.denominator])
	// Group 2's adults: E, G, I, K; E reached by June; G finishes the enterprise track in July.
	expect(three).toEqual([
		['2026-06', 1, 4],
		['2026-07', 2, 4],
	])
	const ward = await listScopedSnapshots(services.db, {
		wardId: fixture.wardId,
		user: steering(),
		fromMonth: '2026-07',
		toMonth: '2026-07',
	})
	expect(ward.find((p) => p.code === '3')).toMatchObject({ numerator: 4, denominator: 8 })
})

test("a drill-down list's count equals the tile, for those reached and those left behind, in scope", async () => {
	const definitions = await listIndicatorDefinitions(services.db, fixture.wardId)
	for (const user of [steering(), leaderOfG2()]) {
		const values = await computeIndicators(services.db, {
			wardId: fixture.wardId,
			indicators: definitions,
			asOf: '2026-06-30',
			scope: residentScopeCondition(user, 'indicators.read'),
		})
		for (const [i, definition] of definitions.entries()) {
			if (definition.spec.subject === 'pilotModels') continue
			const list = (cohort: 'reached' | 'leftBehind') =>
				listIndicatorPeople(services.db, {
					user,
					definition,
					cohort,
					asOf: '2026-06-30',
					page: 1,
					pageSize: 100,
					withPeople: true,
				})
			const reached = await list('reached')
			const behind = await list('leftBehind')
			expect(reached.total, definition.code).toBe(values[i]!.numerator)
			expect(reached.items).toHaveLength(reached.total)
			expect(behind.total, definition.code).toBe(values[i]!.denominator - values[i]!.numerator)
		}
	}
	const seven = (await getIndicatorDefinition(services.db, fixture.wardId, '7b'))!
	const left = await listIndicatorPeople(services.db, {
		user: steering(),
		definition: seven,
		cohort: 'leftBehind',
		asOf: '2026-06-30',
		page: 1,
		pageSize: 10,
		withPeople: true,
	})
	expect(left.items.map((p) => p.fullName)).toEqual(['Người I'])
	// One cell of a breakdown: group 1's people not reached on target 1 (B).
	const one = (await getIndicatorDefinition(services.db, fixture.wardId, '1'))!
	const cell = await listIndicatorPeople(services.db, {
		user: steering(),
		definition: one,
		cohort: 'leftBehind',
		dimension: 'residentialGroup',
		key: fixture.groups.g1,
		asOf: '2026-06-30',
		page: 1,
		pageSize: 10,
		withPeople: true,
	})
	expect(cell.items.map((p) => p.fullName)).toEqual(['Người B'])
})

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData()
	for (const [name, value] of Object.entries(fields))
		for (const v of Array.isArray(value) ? value : [value]) data.append(name, v)
	return data
}

const validFields = {
	code: '10',
	name: 'Người từ 16 tuổi có VNeID mức 2',
	explanation: 'Tính trên người dân từ đủ 16 tuổi; đạt khi có tài khoản VNeID mức 2.',
	targetKind: 'share',
	targetValue: '95',
	from: '2026-01-01',
	deadline: '2026-12-31',
	breakdowns: ['residentialGroup', 'sex'],
	population: '[{"kind":"age","min":16}]',
	reached: '[{"kind":"vneidLevel","atLeast":2}]',
	version: '0',
}

test('the editor refuses what is not in the vocabulary, with a Vietnamese reason, and saves what is', async () => {
	const badJson = parseIndicatorForm(form({ ...validFields, reached: '[{"kind":' }))
	expect(badJson.ok).toBe(false)
	expect(!badJson.ok && badJson.errors.reached).toMatch(/Không đọc được JSON/)
	const freeSql = parseIndicatorForm(form({ ...validFields, reached: '[{"kind":"sql","text":"select 1"}]' }))
	expect(freeSql.ok).toBe(false)
	expect(!freeSql.ok && freeSql.errors.reached).toBeTruthy()
	const injected = parseIndicatorForm(
		form({ ...validFields, population: `[{"kind":"targetGroup","codes":["x') or true --"]}]` }),
	)
	expect(injected.ok).toBe(false)
	const badPeriod = parseIndicatorForm(form({ ...validFields, deadline: '2025-01-01' }))
	expect(!badPeriod.ok && badPeriod.errors.deadline).toMatch(/trước hạn/)

	const parsed = parseIndicatorForm(form(validFields))
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
	const audit = { actor: { userId: null, label: 'test', wardId: fixture.wardId } }
	expect(await saveIndicator(services.db, { wardId: fixture.wardId, value: parsed.value, audit })).toBe(
		'created',
	)
	expect(await saveIndicator(services.db, { wardId: fixture.wardId, value: parsed.value, audit })).toBe(
		'codeTaken',
	)
	const update = { ...parsed.value, version: 1, name: 'Đổi tên' }
	expect(
		await saveIndicator(services.db, { wardId: fixture.wardId, existingCode: '10', value: update, audit }),
	).toBe('updated')
	// A second save naming the version already replaced changes nothing.
	expect(
		await saveIndicator(services.db, { wardId: fixture.wardId, existingCode: '10', value: update, audit }),
	).toBe('conflict')
	const saved = await getIndicatorDefinition(services.db, fixture.wardId, '10')
	expect([saved?.name, saved?.version, saved?.spec.target]).toEqual([
		'Đổi tên',
		2,
		{ kind: 'share', percent: 95 },
	])
})
