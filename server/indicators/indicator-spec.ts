import { z } from 'zod'
import { breakdownDimensions } from '#server/indicators/breakdown-dimensions.ts'
import type { ConditionModule } from '#server/indicators/condition-module.ts'
import { conditionModules, type LeafCondition } from '#server/indicators/conditions/index.ts'
import { pilotModelKinds, pilotModelStatuses } from '#server/programmes/schema.ts'

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

const TargetSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('share'), percent: z.number().min(0.1).max(100) }),
	z.object({ kind: z.literal('count'), value: z.number().int().min(1).max(10_000_000) }),
])
/** The plan's period: progress is expected to grow evenly from `from` to `deadline`. */
const PeriodSchema = z.object({ from: isoDate, deadline: isoDate }).refine((p) => p.from < p.deadline, {
	message: 'Ngày bắt đầu phải trước hạn hoàn thành',
	path: ['deadline'],
})

/**
 * An indicator over people. Counted: active residents of the ward meeting every `population` condition
 * (the denominator); among them, those meeting every `reached` condition (the numerator). A share
 * target is a percentage of the denominator; a count target a number of people.
 */
export const ResidentIndicatorSpecSchema = z.object({
	subject: z.literal('residents').optional(),
	population: z.array(ConditionSchema).max(8),
	reached: z.array(ConditionSchema).min(1).max(8),
	target: TargetSchema,
	period: PeriodSchema,
	breakdowns: z.array(z.enum(breakdownDimensions)).max(breakdownDimensions.length),
})
export type ResidentIndicatorSpec = z.infer<typeof ResidentIndicatorSpecSchema>

/**
 * An indicator over pilot models (target 9: "at least one 'Bình dân học AI' model"): how many models of
 * these kinds and statuses the ward runs, counted from the day they started (server/programmes).
 */
export const PilotModelIndicatorSpecSchema = z.object({
	subject: z.literal('pilotModels'),
	models: z.object({
		kinds: z.array(z.enum(pilotModelKinds)).min(1),
		statuses: z.array(z.enum(pilotModelStatuses)).min(1),
	}),
	target: z.object({ kind: z.literal('count'), value: z.number().int().min(1).max(10_000) }),
	period: PeriodSchema,
	breakdowns: z.array(z.enum(breakdownDimensions)).max(0),
})
export type PilotModelIndicatorSpec = z.infer<typeof PilotModelIndicatorSpecSchema>

export const IndicatorSpecSchema = z.union([ResidentIndicatorSpecSchema, PilotModelIndicatorSpecSchema])
export type IndicatorSpec = ResidentIndicatorSpec | PilotModelIndicatorSpec

export function isResidentSpec(spec: IndicatorSpec): spec is ResidentIndicatorSpec {
	return spec.subject !== 'pilotModels'
}

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
