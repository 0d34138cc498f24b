import type { ConditionModule } from '#server/indicators/condition-module.ts'
import { practicalTaskConfirmed } from '#server/indicators/conditions/assessment-conditions.ts'
import { certified } from '#server/indicators/conditions/certification-conditions.ts'
import { coursesFinished, isLearner } from '#server/indicators/conditions/learning-conditions.ts'
import {
	ageBetween,
	inTargetGroup,
	memberOf,
	ofSex,
	vneidAtLeast,
} from '#server/indicators/conditions/registry-conditions.ts'

/**
 * Every condition kind an indicator may use. A new data source adds its module here (one line); the
 * zod schema of definitions, the editor's list and the compiler all follow from this list.
 */
export const conditionModules = [
	inTargetGroup,
	ageBetween,
	ofSex,
	vneidAtLeast,
	memberOf,
	isLearner,
	coursesFinished,
	certified,
	practicalTaskConfirmed,
] as const

export type LeafCondition = (typeof conditionModules)[number] extends ConditionModule<infer C> ? C : never

export function conditionModule(kind: string): ConditionModule | undefined {
	return (conditionModules as readonly ConditionModule[]).find((m) => m.kind === kind)
}
