import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { rowsOf } from '#server/people/import-jobs/rows-of.ts'

/*
 * Volunteer figures for emulation (thi đua; issue 7, item 7): visits made, people helped (met and
 * helped with at least one thing), and certifications they confirmed (valid certificates they issued),
 * per volunteer and per team — the residential group visited, and the organisation the volunteer
 * belongs to (community tech team, youth union …).
 */

/** Whose visits a viewer may count: residential groups visited, or volunteers' organisations. */
export interface FiguresScope {
	groups: 'all' | string[]
	organizations: 'all' | string[]
}

export interface FigureRow {
	id: string
	name: string
	visits: number
	peopleHelped: number
	certified: number
}

export interface VolunteerFigures {
	people: FigureRow[]
	groups: FigureRow[]
	organizations: FigureRow[]
}

/** Ids as one array parameter, so `= any(…)` can use an index. */
function idList(ids: string[]): SQL {
	return sql`${`{${ids.join(',')}}`}::uuid[]`
}

/** Visits (alias v) within the scope: in one of the groups, or made by a member of one of the organisations. */
function scopeCondition(scope: FiguresScope): SQL {
	if (scope.groups === 'all' || scope.organizations === 'all') return sql`true`
	const parts: SQL[] = []
	if (scope.groups.length > 0) parts.push(sql`v.residential_group_id = any(${idList(scope.groups)})`)
	if (scope.organizations.length > 0)
		parts.push(sql`exists (select 1 from user_account u2 join organization_membership m on m.resident_id = u2.resident_id
			where u2.id = v.volunteer_user_id and m.ended_on is null and m.organization_id = any(${idList(scope.organizations)}))`)
	return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`
}

interface Row extends Record<string, unknown> {
	id: string
	name: string
	visits: number | string
	people_helped: number | string
	certified: number | string
}

const toRow = (r: Row): FigureRow => ({
	id: r.id,
	name: r.name,
	visits: Number(r.visits),
	peopleHelped: Number(r.people_helped),
	certified: Number(r.certified),
})

/**
 * The figures since a day (YYYY-MM-DD), most visits first; up to `until` inclusive when given (emulation
 * scores a closed period with the same figures).
 */
export async function readVolunteerFigures(
	db: Database,
	input: { wardId: string; since: string; until?: string; scope: FiguresScope },
): Promise<VolunteerFigures> {
	const visitedBy = input.until ? sql`and v.visited_at < (${input.until}::date + 1)` : sql``
	const issuedBy = input.until ? sql`and c.issued_on <= ${input.until}::date` : sql``
	const visits = sql`
		select v.id, v.volunteer_user_id, v.residential_group_id from outreach_visit v
		where v.ward_id = ${input.wardId} and v.visited_at >= ${input.since}::date ${visitedBy} and ${scopeCondition(input.scope)}`
	const helped = sql`
		select distinct s.volunteer_user_id, s.residential_group_id, p.resident_id
		from scoped s join outreach_visit_person p on p.visit_id = s.id where cardinality(p.actions) > 0`
	const certified = sql`
		select c.issued_by, r.residential_group_id, c.resident_id from certificate c join resident r on r.id = c.resident_id
		where c.ward_id = ${input.wardId} and c.status = 'valid' and c.issued_on >= ${input.since}::date ${issuedBy}
			and c.issued_by in (select volunteer_user_id from scoped)`
	// Aggregates first, then joins: one pass over the visits whatever the number of volunteers.
	const base = sql`scoped as (${visits}), helped as (${helped}), certified as (${certified})`
	const people = rowsOf<Row>(
		await db.execute(sql`
		with ${base},
		v as (select volunteer_user_id as id, count(*) as n from scoped group by 1),
		h as (select volunteer_user_id as id, count(distinct resident_id) as n from helped group by 1),
		c as (select issued_by as id, count(*) as n from certified group by 1)
		select u.id, u.display_name as name, v.n as visits, coalesce(h.n, 0) as people_helped,
			coalesce(c.n, 0) as certified
		from v join user_account u on u.id = v.id left join h on h.id = v.id left join c on c.id = v.id
		order by visits desc, people_helped desc, name`),
	)
	const groups = rowsOf<Row>(
		await db.execute(sql`
		with ${base},
		v as (select residential_group_id as id, count(*) as n from scoped group by 1),
		h as (select residential_group_id as id, count(distinct resident_id) as n from helped group by 1),
		c as (select residential_group_id as id, count(*) as n from certified group by 1)
		select g.id, g.name, v.n as visits, coalesce(h.n, 0) as people_helped, coalesce(c.n, 0) as certified
		from v join residential_group g on g.id = v.id left join h on h.id = v.id left join c on c.id = v.id
		order by visits desc, g.sort_order`),
	)
	const organizations = rowsOf<Row>(
		await db.execute(sql`
		with ${base},
		members as (
			select distinct m.organization_id, u.id as user_id from user_account u
			join organization_membership m on m.resident_id = u.resident_id and m.ended_on is null
			where u.id in (select volunteer_user_id from scoped)
		),
		v as (select m.organization_id as id, count(*) as n from scoped s
			join members m on m.user_id = s.volunteer_user_id group by 1),
		h as (select m.organization_id as id, count(distinct h.resident_id) as n from helped h
			join members m on m.user_id = h.volunteer_user_id group by 1),
		c as (select m.organization_id as id, count(*) as n from certified c
			join members m on m.user_id = c.issued_by group by 1)
		select o.id, o.name, v.n as visits, coalesce(h.n, 0) as people_helped, coalesce(c.n, 0) as certified
		from v join organization o on o.id = v.id left join h on h.id = v.id left join c on c.id = v.id
		order by visits desc, o.name`),
	)
	return { people: people.map(toRow), groups: groups.map(toRow), organizations: organizations.map(toRow) }
}

/** The first day of the figures: the `tu` query parameter if it is a past date, else 1 January this year. */
export function figuresSince(sent: string | null, today: string): string {
	return sent && /^\d{4}-\d{2}-\d{2}$/.test(sent) && !Number.isNaN(Date.parse(sent)) && sent <= today
		? sent
		: `${today.slice(0, 4)}-01-01`
}
