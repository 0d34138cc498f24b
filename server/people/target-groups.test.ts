import { describe, expect, it } from 'vitest'
import { targetGroupCodes } from '#server/people/schema.ts'
import { derivedTargetGroupCodes, standardTargetGroups } from '#server/people/target-groups.ts'

describe('standardTargetGroups', () => {
	it('has one row for each code in the schema, in a stable order', () => {
		expect(standardTargetGroups.map((g) => g.code).sort()).toEqual([...targetGroupCodes].sort())
		const orders = standardTargetGroups.map((g) => g.sortOrder)
		expect(new Set(orders).size).toBe(orders.length)
	})

	it('names and describes every group in both languages', () => {
		for (const group of standardTargetGroups) {
			expect(group.nameVi).not.toBe(group.nameEn)
			expect(group.descriptionVi.length).toBeGreaterThan(20)
			expect(group.descriptionEn.length).toBeGreaterThan(20)
		}
	})

	it('derives every group but the digital ambassadors', () => {
		expect(derivedTargetGroupCodes).not.toContain('digitalAmbassador')
		expect(derivedTargetGroupCodes).toHaveLength(9)
	})
})
