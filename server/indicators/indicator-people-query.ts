import { z } from 'zod'
import { breakdownDimensions } from '#server/indicators/indicator-spec.ts'

/** Query string of the drill-down list and its export; malformed values fall back, never error. */
export const IndicatorPeopleQuerySchema = z.object({
	nhom: z.enum(['dat', 'chua-dat']).catch('chua-dat'),
	theo: z.enum(breakdownDimensions).optional().catch(undefined),
	/** A group or organisation id, a target-group code, a sex or an age-band code. */
	khoa: z
		.string()
		.max(64)
		.regex(/^[A-Za-z0-9+_-]*$/)
		.catch(''),
	thang: z
		.string()
		.regex(/^\d{4}-\d{2}$/)
		.optional()
		.catch(undefined),
	trang: z.coerce.number().int().min(1).max(100_000).catch(1),
})
export type IndicatorPeopleQuery = z.infer<typeof IndicatorPeopleQuerySchema>

const uuid = z.uuid()

/** Whether a breakdown key can name a cell of its dimension (ids must be UUIDs; '' is "no group"). */
export function isValidBreakdownKey(dimension: (typeof breakdownDimensions)[number], key: string): boolean {
	if (dimension === 'residentialGroup') return key === '' || uuid.safeParse(key).success
	if (dimension === 'organization') return uuid.safeParse(key).success
	return key !== ''
}
