import type { Criterion } from '#server/emulation/criterion-rules.ts'

/*
 * From values to points, totals and ranks (pure, unit-tested). A computed criterion earns its maximum
 * at the rule's `fullAt` value and in proportion below it; a hand-scored one earns what staff gave,
 * within [0, maximum]. Total = Σ weight × points. Equal totals share a rank (1, 2, 2, 4): the plan
 * commends on merit, and no hidden tie-break should decide between two units with the same score.
 */

/** What was measured for one subject on one criterion: a share in %, a count, or hand points (null: none). */
export type CriterionValue = number | null

export interface SubjectValues {
	subjectId: string
	name: string
	/** Optional second line shown under the name (the unit's kind, the person's group). */
	detail?: string | null
	values: Record<string, CriterionValue>
}

export interface ScoredCell {
	criterionId: string
	value: CriterionValue
	points: number
}

export interface RankedSubject {
	subjectId: string
	name: string
	detail: string | null
	cells: ScoredCell[]
	total: number
	rank: number
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** The points one value earns on one criterion. */
export function pointsFor(criterion: Pick<Criterion, 'maxPoints' | 'rule'>, value: CriterionValue): number {
	if (value === null || !Number.isFinite(value) || value <= 0) return 0
	const { rule, maxPoints } = criterion
	if (rule.kind === 'manual') return round2(Math.min(maxPoints, value))
	return round2(maxPoints * Math.min(1, value / rule.fullAt))
}

/** The highest total a subject can reach with these criteria. */
export function maximumTotal(criteria: readonly Pick<Criterion, 'weight' | 'maxPoints'>[]): number {
	return round2(criteria.reduce((sum, c) => sum + c.weight * c.maxPoints, 0))
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' })

/** Scores every subject and ranks them: highest total first, equal totals share a rank, then by name. */
export function rankSubjects(
	criteria: readonly Criterion[],
	subjects: readonly SubjectValues[],
): RankedSubject[] {
	const scored = subjects.map((s) => {
		const cells = criteria.map((c) => {
			const value = s.values[c.id] ?? null
			return { criterionId: c.id, value, points: pointsFor(c, value) }
		})
		const total = round2(cells.reduce((sum, cell, i) => sum + criteria[i]!.weight * cell.points, 0))
		return { subjectId: s.subjectId, name: s.name, detail: s.detail ?? null, cells, total, rank: 0 }
	})
	scored.sort((a, b) => b.total - a.total || collator.compare(a.name, b.name))
	scored.forEach((row, i) => {
		const previous = scored[i - 1]
		row.rank = previous && previous.total === row.total ? previous.rank : i + 1
	})
	return scored
}

/** How a ranking table may be ordered: by rank, name, total, or one criterion's points. */
export type RankingSort = { key: 'rank' | 'name' | 'total' } | { key: 'criterion'; criterionId: string }

/** The ranked rows in the order asked (the rank column itself never changes). */
export function sortRanking(rows: readonly RankedSubject[], sort: RankingSort, descending: boolean) {
	const sign = descending ? -1 : 1
	const byRank = (a: RankedSubject, b: RankedSubject) => a.rank - b.rank || collator.compare(a.name, b.name)
	const compare = (a: RankedSubject, b: RankedSubject): number => {
		switch (sort.key) {
			case 'rank':
				return sign * byRank(a, b)
			case 'name':
				return sign * collator.compare(a.name, b.name)
			case 'total':
				return sign * (a.total - b.total) || byRank(a, b)
			case 'criterion': {
				const points = (r: RankedSubject) =>
					r.cells.find((c) => c.criterionId === sort.criterionId)?.points ?? 0
				return sign * (points(a) - points(b)) || byRank(a, b)
			}
		}
	}
	return [...rows].sort(compare)
}
