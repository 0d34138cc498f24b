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

function idList(ids: string[]): SQL {
	return sql`select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid`
}

/** Visits (alias v) within the scope: in one of the groups, or made by a member of one of the organisations. */
function scopeCondition(scope: FiguresScope): SQL {
	if (scope.groups === 'all' || scope.organizations === 'all') return sql`true`
	const parts: SQL[] = []
	if (scope.groups.length > 0) parts.push(sql`v.residential_group_id in (${idList(scope.groups)})`)
	if (scope.organizations.length > 0)
		parts.push(sql`exists (select 1 from user_account u2 join organization_membership m on m.resident_id = u2.resident_id
			where u2.id = v.volunteer_user_id and m.ended_on is null and m.organization_id in (${idList(scope.organizations)}))`)
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

/** The figures since a day (YYYY-MM-DD), most visits first. */
export async function readVolunteerFigures(
	db: Database,
	input: { wardId: string; since: string; scope: FiguresScope },
): Promise<VolunteerFigures> {
	const visits = sql`
		select v.id, v.volunteer_user_id, v.residential_group_id from outreach_visit v
		where v.ward_id = ${input.wardId} and v.visited_at >= ${input.since}::date and ${scopeCondition(input.scope)}`
	const helped = sql`
		select distinct s.volunteer_user_id, s.residential_group_id, p.resident_id
		from scoped s join outreach_visit_person p on p.visit_id = s.id where cardinality(p.actions) > 0`
	const certified = sql`
		select c.issued_by, r.residential_group_id, c.resident_id from certificate c join resident r on r.id = c.resident_id
		where c.ward_id = ${input.wardId} and c.status = 'valid' and c.issued_on >= ${input.since}::date
			and c.issued_by in (select volunteer_user_id from scoped)`
	const people = rowsOf<Row>(
		await db.execute(sql`
		with scoped as (${visits}), helped as (${helped}), certified as (${certified})
		select u.id, u.display_name as name,
			(select count(*) from scoped s where s.volunteer_user_id = u.id) as visits,
			(select count(distinct h.resident_id) from helped h where h.volunteer_user_id = u.id) as people_helped,
			(select count(*) from certified c where c.issued_by = u.id) as certified
		from user_account u where u.id in (select volunteer_user_id from scoped)
		order by visits desc, people_helped desc, name`),
	)
	const groups = rowsOf<Row>(
		await db.execute(sql`
		with scoped as (${visits}), helped as (${helped}), certified as (${certified})
		select g.id, g.name,
			(select count(*) from scoped s where s.residential_group_id = g.id) as visits,
			(select count(distinct h.resident_id) from helped h where h.residential_group_id = g.id) as people_helped,
			(select count(*) from certified c where c.residential_group_id = g.id) as certified
		from residential_group g where g.id in (select residential_group_id from scoped)
		order by visits desc, g.sort_order`),
	)
	const organizations = rowsOf<Row>(
		await db.execute(sql`
		with scoped as (${visits}), helped as (${helped}), certified as (${certified}),
		members as (
			select distinct m.organization_id, u.id as user_id from user_account u
			join organization_membership m on m.resident_id = u.resident_id and m.ended_on is null
			where u.id in (select volunteer_user_id from scoped)
		)
		select o.id, o.name,
			(select count(*) from scoped s join members mm on mm.user_id = s.volunteer_user_id and mm.organization_id = o.id) as visits,
			(select count(distinct h.resident_id) from helped h join members mm on mm.user_id = h.volunteer_user_id and mm.organization_id = o.id) as people_helped,
			(select count(*) from certified c join members mm on mm.user_id = c.issued_by and mm.organization_id = o.id) as certified
		from organization o where o.id in (select organization_id from members)
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
