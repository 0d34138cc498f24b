import { z } from 'zod'
import { breakdownDimensions } from '#server/indicators/breakdown-dimensions.ts'
import type { ConditionModule } from '#server/indicators/condition-module.ts'
import { conditionModules, type LeafCondition } from '#server/indicators/conditions/index.ts'

export { type BreakdownDimension, breakdownDimensions } from '#server/indicators/breakdown-dimensions.ts'

const leafSchemas = (conditionModules as readonly ConditionModule[]).map((m) => m.schema) as unknown as [
	z.ZodType<LeafCondition>,
	...z.ZodType<LeafCondition>[],
]

/** One condition from the vocabulary; unknown kinds and extra fields are refused. */
export const LeafConditionSchema: z.ZodType<LeafCondition> = z.union(leafSchemas)

/** At least one of several conditions (one level: enough for "finished any adult track"). */
export const AnyOfSchema = z.object({
	kind: z.literal('anyOf'),
	conditions: z.array(LeafConditionSchema).min(2).max(12),
})

export const ConditionSchema = z.union([LeafConditionSchema, AnyOfSchema])
export type Condition = LeafCondition | z.infer<typeof AnyOfSchema>

const isoDate = z.iso.date()

/**
 * An indicator as data. Residents counted: active residents of the ward meeting every `population`
 * condition (the denominator); among them, those meeting every `reached` condition (the numerator).
 * A share target is a percentage of the denominator; a count target a number of people.
 */
export const IndicatorSpecSchema = z
	.object({
		population: z.array(ConditionSchema).max(8),
		reached: z.array(ConditionSchema).min(1).max(8),
		target: z.discriminatedUnion('kind', [
			z.object({ kind: z.literal('share'), percent: z.number().min(0.1).max(100) }),
			z.object({ kind: z.literal('count'), value: z.number().int().min(1).max(10_000_000) }),
		]),
		/** The plan's period: progress is expected to grow evenly from `from` to `deadline`. */
		period: z.object({ from: isoDate, deadline: isoDate }),
		breakdowns: z.array(z.enum(breakdownDimensions)).max(breakdownDimensions.length),
	})
	.refine((s) => s.period.from < s.period.deadline, {
		message: 'Ngày bắt đầu phải trước hạn hoàn thành',
		path: ['period', 'deadline'],
	})
export type IndicatorSpec = z.infer<typeof IndicatorSpecSchema>

/** A stored definition with its parsed spec. */
export interface IndicatorDefinition {
	id: string
	wardId: string
	code: string
	position: number
	name: string
	explanation: string
	spec: IndicatorSpec
	version: number
	archived: boolean
}
