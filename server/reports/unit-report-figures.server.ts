import { sql } from 'drizzle-orm'
import { classSessions, communityClasses } from '#server/classes/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { users } from '#server/identity/schema.ts'
import { compileAll, inlineContext } from '#server/indicators/compile-indicators.ts'
import { conditionModule } from '#server/indicators/conditions/index.ts'
import type { Condition } from '#server/indicators/indicator-spec.ts'
import { outreachVisits } from '#server/outreach/schema.ts'
import { residents } from '#server/people/schema.ts'
import { pilotModels } from '#server/programmes/schema.ts'
import type { UnitReportFigures } from '#server/reports/unit-report-content.ts'
import { organizationMemberships } from '#server/ward/schema.ts'

/*
 * What the system knows of a unit for a period, to pre-fill its report. "Trained" and "certified" are the
 * indicators' own conditions (server/indicators/conditions: a learner with at least one lesson completed,
 * a certificate valid on the day), compiled for the period's last day, so a unit's figure and the ward's
 * dashboard never disagree on what the words mean.
 */

const trained: Condition[] = [{ kind: 'learner', minLessons: 1 }]
const certified: Condition[] = [{ kind: 'certified' }]
/** Pilot models counted as running, as target 9 counts them (standard-indicators.ts). */
const runningPilotStatuses = sql`('active', 'completed')`

export interface FigurePeriod {
	startsOn: string
	endsOn: string
}

const zeroFigures = (): UnitReportFigures => ({
	membersTotal: 0,
	membersTrained: 0,
	membersCertified: 0,
	classSessionsHeld: 0,
	outreachVisits: 0,
	pilotModels: 0,
})

type Rows<T> = { rows: T[] }

/**
 * Several units' figures for a period in four grouped queries (the demo seed and any list of units), computed
 * now from the registry, learning, certificates, classes, visits and pilot models.
 */
export async function computeUnitsFigures(
	db: Database,
	input: { organizationIds: readonly string[]; period: FigurePeriod },
): Promise<Map<string, UnitReportFigures>> {
	const { period } = input
	const result = new Map(input.organizationIds.map((id) => [id, zeroFigures()]))
	if (result.size === 0) return result
	const ids = sql`${sql.join(
		[...result.keys()].map((id) => sql`${id}`),
		sql`, `,
	)}`
	const options = { asOf: period.endsOn, referenceYear: Number(period.endsOn.slice(0, 4)) }
	const facts = [...trained, ...certified].flatMap((c) => conditionModule(c.kind)?.facts ?? [])
	const ctx = inlineContext(options, facts)
	const m = organizationMemberships
	// Members on the period's last day; someone holding two roles in a unit counts once.
	const members =
		(await db.execute(sql`select ${m.organizationId} as id, count(distinct ${residents.id})::int as total,
			count(distinct ${residents.id}) filter (where ${compileAll(trained, ctx)})::int as trained,
			count(distinct ${residents.id}) filter (where ${compileAll(certified, ctx)})::int as certified
		from ${residents} join ${m} on ${m.residentId} = ${residents.id}
		where ${residents.status} = 'active' and ${m.organizationId} in (${ids})
			and (${m.startedOn} is null or ${m.startedOn} <= ${period.endsOn}::date)
			and (${m.endedOn} is null or ${m.endedOn} > ${period.endsOn}::date)
		group by ${m.organizationId}`)) as unknown as Rows<{
			id: string
			total: number
			trained: number
			certified: number
		}>
	// Days of the period in Vietnam time: sessions and visits are instants. Sessions count once held.
	const from = sql`(${period.startsOn}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`
	const to = sql`(${period.endsOn}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`
	const sessions =
		(await db.execute(sql`select ${communityClasses.organizerOrganizationId} as id, count(*)::int as n
		from ${classSessions} join ${communityClasses} on ${communityClasses.id} = ${classSessions.classId}
		where ${communityClasses.organizerOrganizationId} in (${ids}) and ${classSessions.status} = 'scheduled'
			and ${classSessions.startsAt} >= ${from} and ${classSessions.startsAt} < ${to} and ${classSessions.startsAt} < now()
		group by 1`)) as unknown as Rows<{ id: string; n: number }>
	const visits =
		(await db.execute(sql`select ${m.organizationId} as id, count(distinct ${outreachVisits.id})::int as n
		from ${outreachVisits} join ${users} on ${users.id} = ${outreachVisits.volunteerUserId}
		join ${m} on ${m.residentId} = ${users.residentId} and ${m.endedOn} is null
		where ${m.organizationId} in (${ids}) and ${outreachVisits.visitedAt} >= ${from} and ${outreachVisits.visitedAt} < ${to}
		group by 1`)) as unknown as Rows<{ id: string; n: number }>
	const models =
		(await db.execute(sql`select ${pilotModels.organizationId} as id, count(*)::int as n from ${pilotModels}
		where ${pilotModels.organizationId} in (${ids}) and ${pilotModels.status} in ${runningPilotStatuses}
			and coalesce(${pilotModels.startedOn}, ${pilotModels.createdAt}::date) <= ${period.endsOn}::date
		group by 1`)) as unknown as Rows<{ id: string; n: number }>
	for (const row of members.rows) {
		const figures = result.get(row.id)
		if (!figures) continue
		figures.membersTotal = Number(row.total)
		figures.membersTrained = Number(row.trained)
		figures.membersCertified = Number(row.certified)
	}
	const put = (
		rows: { id: string; n: number }[],
		key: 'classSessionsHeld' | 'outreachVisits' | 'pilotModels',
	) => {
		for (const row of rows) {
			const figures = result.get(row.id)
			if (figures) figures[key] = Number(row.n)
		}
	}
	put(sessions.rows, 'classSessionsHeld')
	put(visits.rows, 'outreachVisits')
	put(models.rows, 'pilotModels')
	return result
}

/** One unit's figures for a period (what its report form is pre-filled with). */
export async function computeUnitFigures(
	db: Database,
	input: { organizationId: string; period: FigurePeriod },
): Promise<UnitReportFigures> {
	const figures = await computeUnitsFigures(db, {
		organizationIds: [input.organizationId],
		period: input.period,
	})
	return figures.get(input.organizationId) ?? zeroFigures()
}
