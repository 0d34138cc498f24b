import type { AttemptKind } from './schema.ts'

/** How often an assessment may be taken. Durations in minutes. */
export interface RetakePolicy {
	/** Attempts allowed within `windowMinutes`; the next one waits until the oldest leaves the window. */
	maxAttempts: number
	windowMinutes: number
	/** Wait after a failed attempt before the next (time to go back to the lessons). */
	waitAfterFailMinutes: number
	/** Whether a passed assessment may be taken again (practice) or is done for good. */
	retakeAfterPass: boolean
	/** Time limit of one attempt; null: none. */
	timeLimitMinutes: number | null
}

/*
 * Defaults chosen for people who learn slowly: a course quiz can be tried three times a day with a short
 * pause after a fail, the final assessment has a day's wait after a fail and three tries a month, and only
 * the final assessment is timed (generously). A ward can change these in one place.
 */
export const retakePolicies: Record<AttemptKind, RetakePolicy> = {
	placement: {
		maxAttempts: 2,
		windowMinutes: 30 * 24 * 60,
		waitAfterFailMinutes: 0,
		retakeAfterPass: true,
		timeLimitMinutes: null,
	},
	courseQuiz: {
		maxAttempts: 3,
		windowMinutes: 24 * 60,
		waitAfterFailMinutes: 10,
		retakeAfterPass: true,
		timeLimitMinutes: null,
	},
	finalAssessment: {
		maxAttempts: 3,
		windowMinutes: 30 * 24 * 60,
		waitAfterFailMinutes: 24 * 60,
		retakeAfterPass: false,
		timeLimitMinutes: 40,
	},
}

export interface PastAttempt {
	startedAt: Date
	submittedAt: Date | null
	passed: boolean | null
}

export type RetakeDecision =
	| { allowed: true }
	| { allowed: false; reason: 'passed' }
	| { allowed: false; reason: 'wait'; until: Date }

const minute = 60_000

/** Whether a learner may start a new attempt now, given their earlier attempts at the same assessment. */
export function retakeDecision(
	policy: RetakePolicy,
	past: readonly PastAttempt[],
	now: Date,
): RetakeDecision {
	if (!policy.retakeAfterPass && past.some((a) => a.passed === true))
		return { allowed: false, reason: 'passed' }
	let until = 0
	const submitted = past.filter((a) => a.submittedAt).sort((a, b) => +a.submittedAt! - +b.submittedAt!)
	const last = submitted.at(-1)
	if (last && last.passed === false) until = +last.submittedAt! + policy.waitAfterFailMinutes * minute
	const windowStart = +now - policy.windowMinutes * minute
	const inWindow = past.filter((a) => +a.startedAt > windowStart).sort((a, b) => +a.startedAt - +b.startedAt)
	if (inWindow.length >= policy.maxAttempts) {
		const oldestCounting = inWindow[inWindow.length - policy.maxAttempts]!
		until = Math.max(until, +oldestCounting.startedAt + policy.windowMinutes * minute)
	}
	return until > +now ? { allowed: false, reason: 'wait', until: new Date(until) } : { allowed: true }
}
