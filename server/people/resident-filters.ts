import { z } from 'zod'
import { ageBands } from '#server/people/age-bands.ts'
import { targetGroupCodes } from '#server/people/schema.ts'

/**
 * Where a person stands in the movement: no lesson finished yet, learning (at least one lesson finished),
 * or holding a valid certificate (earned here or confirmed elsewhere).
 */
export const learningStatuses = ['notStarted', 'learning', 'certified'] as const
export type LearningStatus = (typeof learningStatuses)[number]

const ageBandCodes = ageBands.map((b) => b.code) as [string, ...string[]]

/** Query-string filters of the resident list; unknown or malformed values are dropped, not errors. */
export const ResidentListQuerySchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	group: z.uuid().optional().catch(undefined),
	targetGroup: z.enum(targetGroupCodes).optional().catch(undefined),
	ageBand: z.enum(ageBandCodes).optional().catch(undefined),
	sex: z.enum(['male', 'female']).optional().catch(undefined),
	vneid: z.enum(['0', '1', '2']).optional().catch(undefined),
	learning: z.enum(learningStatuses).optional().catch(undefined),
	status: z.enum(['active', 'movedAway', 'deceased', 'all']).catch('active'),
	sort: z.enum(['name', '-name', 'age', '-age', 'group']).catch('name'),
	trang: z.coerce.number().int().min(1).max(100_000).catch(1),
	pageSize: z.coerce.number().int().min(10).max(100).catch(25),
})
export type ResidentListQuery = z.infer<typeof ResidentListQuerySchema>

/** Parses the list's query string (URLSearchParams) into validated filters. */
export function parseResidentListQuery(params: URLSearchParams): ResidentListQuery {
	const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''))
	return ResidentListQuerySchema.parse(raw)
}
