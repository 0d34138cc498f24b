import { describe, expect, test } from 'vitest'
import {
	type Criterion,
	CriterionEditFormSchema,
	criterionDefinitionSchema,
	withFullAt,
} from '#server/emulation/criterion-rules.ts'
import { defaultCriteria } from '#server/emulation/default-criteria.ts'
import { maximumTotal, pointsFor, rankSubjects, sortRanking } from '#server/emulation/scoring.ts'

const share: Criterion = {
	id: 'c1',
	code: 'ty-le',
	title: 'Tỷ lệ chứng nhận',
	weight: 3,
	maxPoints: 10,
	rule: { kind: 'memberShare', reached: [{ kind: 'certified' }], fullAt: 80 },
}
const count: Criterion = {
	id: 'c2',
	code: 'buoi-hoc',
	title: 'Buổi học',
	weight: 1,
	maxPoints: 10,
	rule: { kind: 'classSessionsHeld', fullAt: 4 },
}
const manual: Criterion = {
	id: 'c3',
	code: 'mo-hinh',
	title: 'Mô hình',
	weight: 2,
	maxPoints: 5,
	rule: { kind: 'manual' },
}

describe('points', () => {
	test('a computed criterion earns its maximum at the full-marks value and in proportion below', () => {
		expect(pointsFor(share, 80)).toBe(10)
		expect(pointsFor(share, 100)).toBe(10)
		expect(pointsFor(share, 40)).toBe(5)
		expect(pointsFor(share, 0)).toBe(0)
		expect(pointsFor(count, 1)).toBe(2.5)
		expect(pointsFor(count, 3)).toBe(7.5)
		expect(pointsFor(count, 9)).toBe(10)
	})

	test('hand points count as given within [0, maximum]; none given is 0', () => {
		expect(pointsFor(manual, 4)).toBe(4)
		expect(pointsFor(manual, 7)).toBe(5)
		expect(pointsFor(manual, null)).toBe(0)
		expect(pointsFor(manual, -3)).toBe(0)
	})

	test('points are rounded to two decimals', () => {
		expect(pointsFor(share, 10)).toBe(1.25)
		expect(pointsFor({ ...count, rule: { kind: 'classSessionsHeld', fullAt: 3 } }, 1)).toBe(3.33)
	})

	test('the maximum total is Σ weight × maximum', () => {
		expect(maximumTotal([share, count, manual])).toBe(30 + 10 + 10)
	})
})

describe('ranking', () => {
	const criteria = [share, count, manual]
	const subjects = [
		{ subjectId: 'a', name: 'Trường Tiểu học A', values: { c1: 80, c2: 2, c3: 5 } }, // 30 + 5 + 10 = 45
		{ subjectId: 'b', name: 'Chi bộ B', values: { c1: 40, c2: 4, c3: null } }, // 15 + 10 + 0 = 25
		{ subjectId: 'c', name: 'Ấp C', values: { c1: 40, c2: 4, c3: 0 } }, // 25, ties with B
		{ subjectId: 'd', name: 'Đoàn D', values: { c1: 0, c2: 0, c3: null } }, // 0
	]

	test('weights multiply points; the highest total ranks first', () => {
		const ranked = rankSubjects(criteria, subjects)
		expect(ranked.map((r) => [r.subjectId, r.total, r.rank])).toEqual([
			['a', 45, 1],
			['c', 25, 2],
			['b', 25, 2],
			['d', 0, 4],
		])
		expect(ranked[0]!.cells).toEqual([
			{ criterionId: 'c1', value: 80, points: 10 },
			{ criterionId: 'c2', value: 2, points: 5 },
			{ criterionId: 'c3', value: 5, points: 5 },
		])
	})

	test('equal totals share a rank and the next rank skips (1, 2, 2, 4); names in Vietnamese order', () => {
		const ranked = rankSubjects(criteria, subjects)
		// "Ấp" sorts before "Chi" in Vietnamese (A-family letters first).
		expect(ranked.slice(1, 3).map((r) => r.name)).toEqual(['Ấp C', 'Chi bộ B'])
	})

	test('a changed weight changes the order', () => {
		const heavyClasses = [share, { ...count, weight: 10 }, manual]
		const ranked = rankSubjects(heavyClasses, subjects)
		expect(ranked.map((r) => [r.subjectId, r.total, r.rank])).toEqual([
			['c', 115, 1],
			['b', 115, 1],
			['a', 90, 3],
			['d', 0, 4],
		])
	})

	test('sorting by a criterion or the name keeps each row its rank', () => {
		const ranked = rankSubjects(criteria, subjects)
		const byClasses = sortRanking(ranked, { key: 'criterion', criterionId: 'c2' }, true)
		expect(byClasses.map((r) => r.subjectId)).toEqual(['c', 'b', 'a', 'd'])
		const byName = sortRanking(ranked, { key: 'name' }, false)
		expect(byName.map((r) => [r.name, r.rank])).toEqual([
			['Ấp C', 2],
			['Chi bộ B', 2],
			['Đoàn D', 4],
			['Trường Tiểu học A', 1],
		])
		expect(sortRanking(ranked, { key: 'total' }, false).map((r) => r.subjectId)).toEqual(['d', 'c', 'b', 'a'])
	})
})

describe('criteria', () => {
	test('the defaults of both subjects are valid definitions', () => {
		for (const subject of ['unit', 'individual'] as const)
			for (const c of defaultCriteria(subject))
				expect(criterionDefinitionSchema(subject).safeParse(c).success, c.code).toBe(true)
	})

	test('a unit rule is refused for individuals, free SQL and unknown conditions for everyone', () => {
		const unitOnly = defaultCriteria('unit')[0]!
		expect(criterionDefinitionSchema('individual').safeParse(unitOnly).success).toBe(false)
		const injected = {
			...unitOnly,
			rule: { kind: 'memberShare', reached: [{ kind: 'sql', text: '1=1' }], fullAt: 50 },
		}
		expect(criterionDefinitionSchema('unit').safeParse(injected).success).toBe(false)
		expect(criterionDefinitionSchema('unit').safeParse({ ...unitOnly, weight: 0 }).success).toBe(false)
		expect(criterionDefinitionSchema('unit').safeParse({ ...unitOnly, code: 'Có dấu' }).success).toBe(false)
	})

	test('the edit form parses Vietnamese decimals and refuses a full-marks value out of range', () => {
		expect(
			CriterionEditFormSchema.parse({ title: 'Tỷ lệ', weight: '1.5', maxPoints: '10', fullAt: '85,5' }),
		).toEqual({
			title: 'Tỷ lệ',
			weight: 1.5,
			maxPoints: 10,
			fullAt: 85.5,
		})
		expect(
			CriterionEditFormSchema.safeParse({ title: 'Tỷ lệ', weight: '1', maxPoints: '10', fullAt: '-2' })
				.success,
		).toBe(false)
		expect(CriterionEditFormSchema.safeParse({ title: 'Tỷ lệ', weight: '20', maxPoints: '10' }).success).toBe(
			false,
		)
	})

	test('a share is capped at 100 % and a count rounded when its full-marks value changes', () => {
		expect(withFullAt(share.rule, 150)).toEqual({ ...share.rule, fullAt: 100 })
		expect(withFullAt(count.rule, 5.4)).toEqual({ kind: 'classSessionsHeld', fullAt: 5 })
		expect(withFullAt(manual.rule, 5)).toEqual({ kind: 'manual' })
	})
})
