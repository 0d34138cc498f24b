import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { TargetGroupCode } from '#server/people/schema.ts'
import { ensureStandardTargetGroups } from '#server/people/target-groups.server.ts'
import { derivedTargetGroupCodes } from '#server/people/target-groups.ts'

export interface RefreshTargetGroupsOptions {
	/** Ages and memberships are taken as of this day, `YYYY-MM-DD`. */
	asOf: string
	/** Only the residents of this ward; every ward when omitted. */
	wardId?: string
}

export interface RefreshTargetGroupsResult {
	added: number
	removed: number
}

// Age when only the birth year is known: counted from 1 January, i.e. the age reached during the year.
const birthDay = sql.raw('coalesce(s.birth_date, make_date(s.birth_year, 1, 1))')

function reachedAge(years: number, code: TargetGroupCode): SQL {
	const span = sql.raw(`interval '${years} years'`)
	return sql`select s.id, ${code}::text, (${birthDay} + ${span})::date from scope s, params p
		where ${birthDay} <= p.as_of - ${span}`
}

function activeMembership(
	code: TargetGroupCode,
	organizationKinds: readonly string[],
	membershipKinds: readonly string[],
	extra: SQL = sql``,
): SQL {
	const list = (values: readonly string[]) =>
		sql.join(
			values.map((value) => sql`${value}`),
			sql`, `,
		)
	return sql`select s.id, ${code}::text, coalesce(min(m.started_on), p.as_of) from scope s
		join organization_membership m on m.resident_id = s.id
		join organization o on o.id = m.organization_id
		cross join params p
		where o.kind in (${list(organizationKinds)}) and m.kind in (${list(membershipKinds)})
			and (m.started_on is null or m.started_on <= p.as_of)
			and (m.ended_on is null or m.ended_on > p.as_of) ${extra}
		group by s.id, p.as_of`
}

/**
 * Recomputes the derived target groups of active residents in a few set-based statements: adds the
 * memberships that now hold, removes derived ones that no longer do. Manual assignments (digital
 * ambassadors, or a group set by hand) are never touched. Rules:
 * - age: adultCitizen from 18, elderly from 60 (Luật Người cao tuổi 2009);
 * - household: poorHousehold for members of poor and near-poor households;
 * - membership: publicEmployee = staff or leader of an agency, school or health facility; student = pupil of
 *   a school from the year they turn 6 (not pre-school); enterpriseWorker = worker, staff or leader of an
 *   enterprise or cooperative; communityTechTeam = any member of a community digital technology team;
 * - profile: disabled = recorded disability; ethnicMinority = ethnicity other than Kinh.
 */
export async function refreshDerivedTargetGroups(
	db: Database,
	{ asOf, wardId }: RefreshTargetGroupsOptions,
): Promise<RefreshTargetGroupsResult> {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`asOf must be YYYY-MM-DD, not ${asOf}`)
	await ensureStandardTargetGroups(db)
	const inWard = wardId === undefined ? sql`` : sql`and r.ward_id = ${wardId}`
	const derivedCodes = sql.join(
		derivedTargetGroupCodes.map((code) => sql`${code}`),
		sql`, `,
	)
	const rules: SQL[] = [
		reachedAge(18, 'adultCitizen'),
		reachedAge(60, 'elderly'),
		sql`select s.id, ${'poorHousehold'}::text, p.as_of from scope s join household h on h.id = s.household_id
			cross join params p where h.poverty_status in ('poor', 'nearPoor')`,
		activeMembership('publicEmployee', ['agency', 'school', 'healthFacility'], ['staff', 'leader']),
		activeMembership(
			'student',
			['school'],
			['student'],
			sql`and s.birth_year <= extract(year from p.as_of)::int - 6`,
		),
		activeMembership('enterpriseWorker', ['enterprise', 'cooperative'], ['worker', 'staff', 'leader']),
		activeMembership('communityTechTeam', ['communityTechTeam'], ['member', 'leader', 'staff']),
		sql`select s.id, ${'disabled'}::text, p.as_of from scope s, params p where s.has_disability`,
		sql`select s.id, ${'ethnicMinority'}::text, p.as_of from scope s, params p
			where lower(btrim(s.ethnicity)) not in ('kinh', '')`,
	]
	const result = await db.execute(sql`
		with params as (select ${asOf}::date as as_of),
		scope as (
			select r.id, r.birth_date, r.birth_year, r.household_id, r.ethnicity, r.has_disability
			from resident r where r.status = 'active' ${inWard}
		),
		desired (resident_id, target_group_code, since) as (
			${sql.join(rules, sql`\nunion all\n`)}
		),
		removed as (
			delete from resident_target_group t
			where t.source = 'derived' and t.target_group_code in (${derivedCodes})
				and exists (select 1 from resident r where r.id = t.resident_id ${inWard})
				and not exists (
					select 1 from desired d
					where d.resident_id = t.resident_id and d.target_group_code = t.target_group_code
				)
			returning 1
		),
		added as (
			insert into resident_target_group (resident_id, target_group_code, source, since)
			select resident_id, target_group_code, 'derived', since from desired
			on conflict (resident_id, target_group_code) do nothing
			returning 1
		)
		select (select count(*) from added)::int as added, (select count(*) from removed)::int as removed
	`)
	const row = (result as unknown as { rows: { added: number; removed: number }[] }).rows[0]
	return { added: Number(row?.added ?? 0), removed: Number(row?.removed ?? 0) }
}
