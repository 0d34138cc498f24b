import { expect, test } from 'vitest'
import {
	daysBetween,
	dueDateOf,
	proposedPeriod,
	reminderThresholdOn,
	unitMayEdit,
	unitStanding,
	wardMayReview,
} from '#server/reports/reporting-rules.ts'

test('due days default to the plan’s 15 May and 15 November, clamped to the month', () => {
	expect(proposedPeriod('semiannual', 2026, { month: 5, day: 15 })).toEqual({
		label: 'Báo cáo 6 tháng đầu năm 2026',
		startsOn: '2026-01-01',
		endsOn: '2026-05-15',
		dueOn: '2026-05-15',
	})
	expect(dueDateOf(2026, { month: 11, day: 15 })).toBe('2026-11-15')
	expect(dueDateOf(2026, { month: 2, day: 31 })).toBe('2026-02-28')
	expect(dueDateOf(2028, { month: 2, day: 31 })).toBe('2028-02-29')
})

test('reminder thresholds: 7 days before, 2 days before, overdue after the due day', () => {
	const due = '2026-11-15'
	expect(daysBetween('2026-11-07', due)).toBe(8)
	expect(reminderThresholdOn('2026-11-07', due)).toBeNull()
	expect(reminderThresholdOn('2026-11-08', due)).toBe('d7')
	expect(reminderThresholdOn('2026-11-12', due)).toBe('d7')
	expect(reminderThresholdOn('2026-11-13', due)).toBe('d2')
	expect(reminderThresholdOn('2026-11-15', due)).toBe('d2')
	expect(reminderThresholdOn('2026-11-16', due)).toBe('overdue')
	expect(reminderThresholdOn('2027-01-01', due)).toBe('overdue')
})

test('states: who may act, and where a unit stands on the ward’s list', () => {
	expect([null, 'draft', 'returned', 'submitted', 'accepted'].map((s) => unitMayEdit(s as never))).toEqual([
		true,
		true,
		true,
		false,
		false,
	])
	expect(wardMayReview('submitted')).toBe(true)
	expect(wardMayReview('returned')).toBe(false)
	expect(unitStanding(null, '2026-11-15', '2026-11-15')).toBe('notStarted')
	expect(unitStanding('draft', '2026-11-15', '2026-11-16')).toBe('overdue')
	expect(unitStanding('returned', '2026-11-15', '2026-12-07')).toBe('overdue')
	expect(unitStanding('submitted', '2026-11-15', '2026-12-07')).toBe('submitted')
})
