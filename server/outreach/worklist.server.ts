import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { CERTIFICATION_MIN_AGE, type PersonNeed, VNEID_MIN_AGE } from '#server/outreach/person-needs.ts'
import { rowsOf } from '#server/people/import-jobs/rows-of.ts'

/*
 * The volunteer's worklist (issue 7, item 3): for their residential groups, the households where
 * someone still needs something, in walking order — group, street, house number — so the next door
 * is obvious. What each person needs is computed from the registry, the visits and the certificates.
 */

export const WORKLIST_PAGE_SIZE = 40

export interface WorklistPerson {
	id: string
	fullName: string
	birthYear: number
	relationToHead: string | null
	vneidLevel: number
	version: number
	needs: PersonNeed[]
}

export interface WorklistHousehold {
	id: string
	code: string
	address: string | null
	groupId: string
	groupName: string
	lastVisitAt: Date | null
	nextVisitOn: string | null
	followUpDue: boolean
	notReached: boolean
	people: WorklistPerson[]
}

/** Per-person needs as SQL columns, over `resident r` (one definition for the list and the card). */
function needColumns(year: number) {
	return sql`
		(r.vneid_level < 2 and ${year} - r.birth_year >= ${VNEID_MIN_AGE}) as needs_vneid,
		(${year} - r.birth_year >= ${CERTIFICATION_MIN_AGE} and not exists (
			select 1 from certificate c where c.resident_id = r.id and c.status = 'valid')) as needs_certification,
		not exists (select 1 from outreach_visit_person p where p.resident_id = r.id) as not_reached`
}

function groupFilter(column: SQL, groups: 'all' | string[]): SQL {
	if (groups === 'all') return sql`true`
	if (groups.length === 0) return sql`false`
	return sql`${column} = any(${uuidArray(groups)})`
}

/**
 * A list of ids as one array parameter: `col = any($1::uuid[])` lets the planner use the column's index
 * (an `in (select …)` over a JSON array made it scan the whole resident table: 190 ms at 100,000).
 */
function uuidArray(ids: string[]): SQL {
	return sql`${`{${ids.join(',')}}`}::uuid[]`
}

// Walking order inside a group: the street (the address after its house number), then the number.
const walkingOrder = sql`g.sort_order, g.name, regexp_replace(coalesce(h.address, ''), '^[^,]*,\\s*', ''),
	coalesce(nullif(substring(coalesce(h.address, '') from '[0-9]+'), '')::int, 0), h.code`

interface HouseholdRow extends Record<string, unknown> {
	id: string
	code: string
	address: string | null
	group_id: string
	group_name: string
	last_visit_at: string | Date | null
	next_visit_on: string | null
	follow_up_due: boolean
	not_reached: boolean
	total: number | string
}

/** One page of households needing a visit in the given groups, with each person's needs. */
export async function listWorklist(
	db: Database,
	input: {
		wardId: string
		groups: 'all' | string[]
		today: string
		page: number
		groupId?: string
		/**
		 * A condition over the `resident` row (an indicator's left-behind list, issue 8 item 3): only the
		 * households where an active resident meets it, whatever their other needs.
		 */
		focus?: SQL
	},
): Promise<{ households: WorklistHousehold[]; total: number; pageCount: number }> {
	const year = Number(input.today.slice(0, 4))
	const groups =
		input.groupId && (input.groups === 'all' || input.groups.includes(input.groupId))
			? [input.groupId]
			: input.groups
	const offset = (input.page - 1) * WORKLIST_PAGE_SIZE
	const rows = rowsOf<HouseholdRow>(
		await db.execute(sql`
		with people as (
			select r.household_id, ${needColumns(year)}
			from resident r
			where r.ward_id = ${input.wardId} and r.status = 'active' and ${groupFilter(sql`r.residential_group_id`, groups)}
		),
		last_visit as (
			select distinct on (v.household_id) v.household_id, v.visited_at, v.next_visit_on
			from outreach_visit v
			where v.ward_id = ${input.wardId} and ${groupFilter(sql`v.residential_group_id`, groups)}
			order by v.household_id, v.visited_at desc
		),
		needs as (
			select household_id,
				bool_or(needs_vneid) as any_vneid, bool_or(needs_certification) as any_certification,
				bool_and(not_reached) as not_reached
			from people group by household_id
		)
		select h.id, h.code, h.address, g.id as group_id, g.name as group_name,
			lv.visited_at as last_visit_at, lv.next_visit_on::text as next_visit_on,
			coalesce(lv.next_visit_on <= ${input.today}::date, false) as follow_up_due, n.not_reached,
			count(*) over () as total
		from needs n
		join household h on h.id = n.household_id
		join residential_group g on g.id = h.residential_group_id
		left join last_visit lv on lv.household_id = h.id
		where ${
			input.focus
				? sql`h.id in (select household_id from resident where status = 'active' and ${input.focus})`
				: sql`n.any_vneid or n.any_certification or n.not_reached or lv.next_visit_on <= ${input.today}::date`
		}
		order by ${walkingOrder}
		limit ${WORKLIST_PAGE_SIZE} offset ${offset}`),
	)
	const total = rows[0] ? Number(rows[0].total) : 0
	const people = await listPeopleOfHouseholds(
		db,
		rows.map((r) => r.id),
		year,
	)
	return {
		households: rows.map((row) => toHousehold(row, people.get(row.id) ?? [])),
		total,
		pageCount: Math.max(1, Math.ceil(total / WORKLIST_PAGE_SIZE)),
	}
}

interface PersonRow extends Record<string, unknown> {
	id: string
	household_id: string
	full_name: string
	birth_year: number
	relation_to_head: string | null
	vneid_level: number
	version: number
	needs_vneid: boolean
	needs_certification: boolean
	not_reached: boolean
}

/** The active people of some households, head first then by age, with their needs. */
export async function listPeopleOfHouseholds(
	db: Database,
	householdIds: string[],
	year: number,
): Promise<Map<string, WorklistPerson[]>> {
	const byHousehold = new Map<string, WorklistPerson[]>()
	if (householdIds.length === 0) return byHousehold
	const rows = rowsOf<PersonRow>(
		await db.execute(sql`
		select r.id, r.household_id, r.full_name, r.birth_year, r.relation_to_head, r.vneid_level, r.version,
			${needColumns(year)}
		from resident r
		where r.status = 'active' and r.household_id = any(${uuidArray(householdIds)})
		order by (r.relation_to_head = 'Chủ hộ') desc nulls last, r.birth_year, r.full_name`),
	)
	for (const row of rows) {
		const needs: PersonNeed[] = []
		if (row.not_reached) needs.push('notReached')
		if (row.needs_vneid) needs.push('vneid')
		if (row.needs_certification) needs.push('certification')
		const list = byHousehold.get(row.household_id) ?? []
		list.push({
			id: row.id,
			fullName: row.full_name,
			birthYear: Number(row.birth_year),
			relationToHead: row.relation_to_head,
			vneidLevel: Number(row.vneid_level),
			version: Number(row.version),
			needs,
		})
		byHousehold.set(row.household_id, list)
	}
	return byHousehold
}

function toHousehold(row: HouseholdRow, people: WorklistPerson[]): WorklistHousehold {
	return {
		id: row.id,
		code: row.code,
		address: row.address,
		groupId: row.group_id,
		groupName: row.group_name,
		lastVisitAt: row.last_visit_at ? new Date(row.last_visit_at) : null,
		nextVisitOn: row.next_visit_on,
		followUpDue: row.follow_up_due,
		notReached: row.not_reached,
		people,
	}
}
