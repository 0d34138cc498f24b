import type { ConditionModule } from '#server/indicators/condition-module.ts'
import { conditionModule } from '#server/indicators/conditions/index.ts'
import { type Condition, type IndicatorSpec, isResidentSpec } from '#server/indicators/indicator-spec.ts'

function describeOne(condition: Condition, locale: 'vi' | 'en'): string {
	if (condition.kind === 'anyOf') {
		const parts = condition.conditions.map((c) => describeOne(c, locale))
		return locale === 'vi'
			? `một trong các điều kiện: (${parts.join('); hoặc (')})`
			: `any of: (${parts.join('); or (')})`
	}
	const module = conditionModule(condition.kind) as ConditionModule | undefined
	return module ? module.describe(condition as never, locale) : condition.kind
}

/** The spec's conditions in plain words, for the indicator page and the editor's preview. */
export function describeConditions(
	spec: IndicatorSpec,
	locale: 'vi' | 'en',
): { population: string; reached: string } {
	if (!isResidentSpec(spec)) {
		const kinds = spec.models.kinds.join(', ')
		const statuses = spec.models.statuses.join(', ')
		return locale === 'vi'
			? {
					population: '',
					reached: `mô hình điểm loại ${kinds}, trạng thái ${statuses}, tính từ ngày bắt đầu`,
				}
			: {
					population: '',
					reached: `pilot models of kind ${kinds}, status ${statuses}, from the day they started`,
				}
	}
	const and = locale === 'vi' ? '; và ' : '; and '
	return {
		population: spec.population.map((c) => describeOne(c, locale)).join(and),
		reached: spec.reached.map((c) => describeOne(c, locale)).join(and),
	}
}
