import type { IndicatorSpec } from '#server/indicators/indicator-spec.ts'

/** met: target reached; onTrack: at or above the even pace to the deadline; behind: below it. */
export type ProgressStatus = 'met' | 'onTrack' | 'behind' | 'noData'

export interface Progress {
	status: ProgressStatus
	/** Percent of the denominator (share targets) or the count (count targets); null without data. */
	value: number | null
	/** What the even pace expects by the day counted to, in the same unit. */
	expected: number
}

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000

/**
 * Where an indicator stands: progress is expected to grow evenly from the period's start to its
 * deadline, so in June a 100% target expects about half. Pure, so the tile and the tests agree.
 */
export function progressOf(
	spec: IndicatorSpec,
	counts: { numerator: number; denominator: number },
	asOf: string,
): Progress {
	const span = dayNumber(spec.period.deadline) - dayNumber(spec.period.from)
	const elapsed = Math.min(1, Math.max(0, (dayNumber(asOf) - dayNumber(spec.period.from) + 1) / (span + 1)))
	const target = spec.target.kind === 'share' ? spec.target.percent : spec.target.value
	const expected = Math.round(target * elapsed * 10) / 10
	let value: number | null
	if (spec.target.kind === 'count') value = counts.numerator
	else value = counts.denominator === 0 ? null : (counts.numerator / counts.denominator) * 100
	if (value === null) return { status: 'noData', value, expected }
	const rounded = Math.round(value * 10) / 10
	if (value >= target) return { status: 'met', value: rounded, expected }
	return { status: value >= expected ? 'onTrack' : 'behind', value: rounded, expected }
}
