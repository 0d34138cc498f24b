// The words of a visit, shared by the schema, the server and the pages (no database code here).

/** What a volunteer did for one person (the visit form's tick boxes and quick buttons). */
export const visitActions = [
	'vneidInstalled',
	'vneidLevel2Activated',
	'publicServiceAccount',
	'onlineProcedure',
	'cashlessPayment',
	'scamAwareness',
	'aiToolShown',
	'lessonTaught',
	'assessmentGiven',
] as const
export type VisitAction = (typeof visitActions)[number]

/** How the visit went, for the household as a whole. */
export const visitOutcomes = ['helped', 'nothingNeeded', 'notHome', 'declined', 'comeBack'] as const
export type VisitOutcome = (typeof visitOutcomes)[number]

/**
 * What became of a VNeID level the volunteer reported: applied to the resident; already so on the
 * server; or a conflict (the level was changed on the server since the volunteer's copy was made) kept
 * for the volunteer to settle — then `resolvedApplied` or `resolvedKept`.
 */
export const vneidReportResults = [
	'applied',
	'alreadySet',
	'conflict',
	'resolvedApplied',
	'resolvedKept',
] as const
export type VneidReportResult = (typeof vneidReportResults)[number]
