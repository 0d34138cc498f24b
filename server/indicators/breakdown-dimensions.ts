/** How a number can be broken down on the dashboard (no imports: the editor's page uses it in the browser). */
export const breakdownDimensions = [
	'residentialGroup',
	'organization',
	'targetGroup',
	'sex',
	'ageBand',
] as const
export type BreakdownDimension = (typeof breakdownDimensions)[number]
