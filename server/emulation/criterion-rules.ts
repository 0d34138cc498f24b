import { z } from 'zod'
import type { EmulationSubject } from '#server/emulation/schema.ts'
import { ConditionSchema } from '#server/indicators/indicator-spec.ts'

/*
 * Emulation criteria (thi đua; issue 11 item 5, seed Part IV.2.2: "xây dựng tiêu chí đánh giá, chấm điểm
 * thi đua … làm căn cứ khen thưởng các tập thể, cá nhân"). A criterion is scored either from the data —
 * one rule kind per figure the system already counts elsewhere — or by hand by ward staff with evidence.
 * Rules are a closed vocabulary validated with zod: nothing typed on a screen becomes SQL.
 */

export { type EmulationSubject, emulationSubjects } from '#server/emulation/schema.ts'

/** The value that earns the criterion's full points: a percentage for shares, a number for counts. */
const fullAt = z.number({ error: 'emulation.error.fullAt' }).positive({ error: 'emulation.error.fullAt' })

/** Rules for units. `memberShare` reads the indicators' condition vocabulary (the same definitions). */
export const unitRuleKinds = [
	'memberShare',
	'classSessionsHeld',
	'memberVisits',
	'memberPeopleHelped',
	'memberCertifications',
	'manual',
] as const
/** Rules for individuals (a user account: volunteer, group leader, instructor, ambassador with an account). */
export const individualRuleKinds = [
	'visits',
	'peopleHelped',
	'certificationsConfirmed',
	'sessionsTaught',
	'householdsAccompanied',
	'manual',
] as const
export type RuleKind = (typeof unitRuleKinds)[number] | (typeof individualRuleKinds)[number]

const countRule = <K extends string>(kind: K) =>
	z.object({ kind: z.literal(kind), fullAt: fullAt.int({ error: 'emulation.error.fullAt' }).max(100_000) })

export const UnitRuleSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('memberShare'),
		/** Members (active memberships of active residents) meeting every condition, as a share of all members. */
		reached: z.array(ConditionSchema).min(1).max(4),
		fullAt: fullAt.max(100, { error: 'emulation.error.fullAt' }),
	}),
	countRule('classSessionsHeld'),
	countRule('memberVisits'),
	countRule('memberPeopleHelped'),
	countRule('memberCertifications'),
	z.object({ kind: z.literal('manual') }),
])
export type UnitRule = z.infer<typeof UnitRuleSchema>

export const IndividualRuleSchema = z.discriminatedUnion('kind', [
	countRule('visits'),
	countRule('peopleHelped'),
	countRule('certificationsConfirmed'),
	countRule('sessionsTaught'),
	countRule('householdsAccompanied'),
	z.object({ kind: z.literal('manual') }),
])
export type IndividualRule = z.infer<typeof IndividualRuleSchema>
export type CriterionRule = UnitRule | IndividualRule

/** A criterion as stored and scored. Total = Σ weight × points; points lie in [0, maxPoints]. */
export interface Criterion {
	id: string
	code: string
	title: string
	weight: number
	maxPoints: number
	rule: CriterionRule
}

const code = z
	.string()
	.trim()
	.regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { error: 'emulation.error.code' })
const title = z
	.string()
	.trim()
	.min(3, { error: 'emulation.error.title' })
	.max(200, { error: 'emulation.error.title' })
/** Numbers typed the Vietnamese way ("1,5") or the English way ("1.5"). */
const decimalText = (v: unknown) => (typeof v === 'string' ? v.trim().replace(',', '.') : v)
const weight = z.preprocess(
	decimalText,
	z.coerce
		.number({ error: 'emulation.error.weight' })
		.min(0.1, { error: 'emulation.error.weight' })
		.max(10, { error: 'emulation.error.weight' }),
)
const maxPoints = z.coerce
	.number({ error: 'emulation.error.maxPoints' })
	.int({ error: 'emulation.error.maxPoints' })
	.min(1, { error: 'emulation.error.maxPoints' })
	.max(100, { error: 'emulation.error.maxPoints' })

/** A criterion's definition for one subject (used by the defaults, the seed and the editor). */
export function criterionDefinitionSchema(subject: EmulationSubject) {
	return z.object({
		code,
		title,
		weight,
		maxPoints,
		rule: subject === 'unit' ? UnitRuleSchema : IndividualRuleSchema,
	})
}
export type CriterionDefinition = Omit<Criterion, 'id'>

/** The editor's form: weight, maximum and (for computed rules) the value for full points. */
export const CriterionEditFormSchema = z.object({
	title,
	weight,
	maxPoints,
	fullAt: z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (v === undefined || v === '') return undefined
			const n = Number(v.replace(',', '.'))
			if (!Number.isFinite(n) || n <= 0 || n > 100_000) {
				ctx.addIssue({ code: 'custom', message: 'emulation.error.fullAt' })
				return z.NEVER
			}
			return n
		}),
})

/** A new hand-scored criterion added by staff. */
export const ManualCriterionFormSchema = z.object({ code, title, weight, maxPoints })

/** Whether a rule is scored by hand. */
export function isManual(rule: CriterionRule): rule is { kind: 'manual' } {
	return rule.kind === 'manual'
}

/** The rule with a new full-marks value (computed rules only); a share is capped at 100 %. */
export function withFullAt(rule: CriterionRule, value: number): CriterionRule {
	if (rule.kind === 'manual') return rule
	if (rule.kind === 'memberShare') return { ...rule, fullAt: Math.min(100, value) }
	return { ...rule, fullAt: Math.max(1, Math.round(value)) }
}
