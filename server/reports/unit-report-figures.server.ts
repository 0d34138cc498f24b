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

/** The unit's figures for a period, computed now from the registry, learning, classes, visits and models. */
export async function computeUnitFigures(
	db: Database,
	input: { organizationId: string; period: FigurePeriod },
): Promise<UnitReportFigures> {
	const { organizationId, period } = input
	const options = { asOf: period.endsOn, referenceYear: Number(period.endsOn.slice(0, 4)) }
	const facts = [...trained, ...certified].flatMap((c) => conditionModule(c.kind)?.facts ?? [])
	const ctx = inlineContext(options, facts)
	const m = organizationMemberships
	const members = (await db.execute(sql`select count(*)::int as total,
			count(*) filter (where ${compileAll(trained, ctx)})::int as trained,
			count(*) filter (where ${compileAll(certified, ctx)})::int as certified
		from ${residents}
		where ${residents.status} = 'active' and ${residents.id} in (
			select ${m.residentId} from ${m} where ${m.organizationId} = ${organizationId}
			and (${m.startedOn} is null or ${m.startedOn} <= ${period.endsOn}::date)
			and (${m.endedOn} is null or ${m.endedOn} > ${period.endsOn}::date))`)) as unknown as {
		rows: { total: number; trained: number; certified: number }[]
	}
	// Days of the period in Vietnam time: sessions and visits are instants.
	const from = sql`(${period.startsOn}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`
	const to = sql`(${period.endsOn}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`
	const others = (await db.execute(sql`select
		(select count(*)::int from ${classSessions} join ${communityClasses} on ${communityClasses.id} = ${classSessions.classId}
			where ${communityClasses.organizerOrganizationId} = ${organizationId} and ${classSessions.status} = 'scheduled'
			and ${classSessions.startsAt} >= ${from} and ${classSessions.startsAt} < ${to}
			and ${classSessions.startsAt} < now()) as sessions,
		(select count(*)::int from ${outreachVisits} join ${users} on ${users.id} = ${outreachVisits.volunteerUserId}
			join ${m} on ${m.residentId} = ${users.residentId} and ${m.organizationId} = ${organizationId} and ${m.endedOn} is null
			where ${outreachVisits.visitedAt} >= ${from} and ${outreachVisits.visitedAt} < ${to}) as visits,
		(select count(*)::int from ${pilotModels} where ${pilotModels.organizationId} = ${organizationId}
			and ${pilotModels.status} in ${runningPilotStatuses}
			and coalesce(${pilotModels.startedOn}, ${pilotModels.createdAt}::date) <= ${period.endsOn}::date) as models`)) as unknown as {
		rows: { sessions: number; visits: number; models: number }[]
	}
	const memberRow = members.rows[0]
	const otherRow = others.rows[0]
	return {
		membersTotal: Number(memberRow?.total ?? 0),
		membersTrained: Number(memberRow?.trained ?? 0),
		membersCertified: Number(memberRow?.certified ?? 0),
		classSessionsHeld: Number(otherRow?.sessions ?? 0),
		outreachVisits: Number(otherRow?.visits ?? 0),
		pilotModels: Number(otherRow?.models ?? 0),
	}
}
