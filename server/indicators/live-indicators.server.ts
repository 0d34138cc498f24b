import { createHash } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import {
	computeAlongsidePilotModels,
	type IndicatorValue,
	type ResidentIndicator,
	residentFlagsSql,
	valuesFromCountRows,
} from '#server/indicators/compute-indicators.server.ts'
import {
	ensureStandardIndicators,
	listIndicatorDefinitions,
} from '#server/indicators/indicator-definitions.server.ts'
import type { IndicatorSpec } from '#server/indicators/indicator-spec.ts'
import {
	indicatorCells,
	indicatorDirtyResidents,
	indicatorLiveStates,
	indicatorResidentFlags,
} from '#server/indicators/live-schema.ts'
import { todayInVietnam } from '#server/indicators/snapshots.server.ts'
import { residents, residentTargetGroups } from '#server/people/schema.ts'
import { organizationMemberships } from '#server/ward/schema.ts'

/*
 * The ward's indicators for today from the kept state (decision 022): each active resident's flags and
 * the counts per breakdown cell are stored; the residents a change touched (noted by triggers) are
 * recomputed and their counts moved; a new day or other definitions rebuild the ward. The result equals
 * computeIndicators for the same day and definitions without a scope (live-indicators.test.ts).
 */

/** Raised when what the kept rows mean changes, so states built by an older version are rebuilt. */
const stateVersion = 'v1'

/** More changed residents than this (an import, a bulk edit): rebuilding is cheaper than moving each. */
const rebuildAbove = 5000

export interface LiveRefresh {
	/** 'rebuilt': the whole ward was recomputed; 'refreshed': only the residents changed since. */
	kind: 'rebuilt' | 'refreshed'
	residents: number
}

export async function computeLiveIndicators(
	db: Database,
	input: {
		wardId: string
		indicators: readonly { code: string; spec: IndicatorSpec }[]
		/** Today in the ward (`YYYY-MM-DD`): the kept state is for one day. */
		asOf: string
		onRefresh?: (refresh: LiveRefresh) => void
	},
): Promise<IndicatorValue[]> {
	return computeAlongsidePilotModels(db, input, (people) =>
		db.transaction(async (tx) => {
			const refresh = await bringUpToDate(tx as unknown as Database, input.wardId, people, input.asOf)
			input.onRefresh?.(refresh)
			return readCells(tx as unknown as Database, input.wardId, people)
		}),
	)
}

/**
 * Every ward's state brought to the new day (the nightly job), so the first look of the morning reads
 * it instead of rebuilding it. Returns how many wards were rebuilt.
 */
export async function refreshLiveIndicatorsForAllWards(db: Database, now = new Date()): Promise<number> {
	const asOf = todayInVietnam(now)
	const wards = (await db.execute(sql`select id from ward order by code`)) as unknown as {
		rows: { id: string }[]
	}
	let rebuilt = 0
	for (const ward of wards.rows) {
		await ensureStandardIndicators(db, ward.id)
		const indicators = await listIndicatorDefinitions(db, ward.id)
		await computeLiveIndicators(db, {
			wardId: ward.id,
			indicators,
			asOf,
			onRefresh: (r) => {
				if (r.kind === 'rebuilt') rebuilt++
			},
		})
	}
	return rebuilt
}

/** Brings the ward's kept state to this day and these definitions; app servers take turns per ward. */
async function bringUpToDate(
	db: Database,
	wardId: string,
	indicators: readonly ResidentIndicator[],
	asOf: string,
): Promise<LiveRefresh> {
	await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`indicator-live:${wardId}`}, 0))`)
	const key = definitionsKey(indicators)
	const [state] = await db
		.select()
		.from(indicatorLiveStates)
		.where(sql`${indicatorLiveStates.wardId} = ${wardId}`)
	if (!state || state.asOf !== asOf || state.definitionsKey !== key)
		return rebuild(db, wardId, indicators, asOf, key)
	const changed = await takeNotes(db, wardId)
	if (changed.length === 0) return { kind: 'refreshed', residents: 0 }
	if (changed.length > rebuildAbove) return rebuild(db, wardId, indicators, asOf, key)
	const ids = sql`${`{${changed.join(',')}}`}::uuid[]`
	const f = indicatorResidentFlags
	// Their old flags leave their cells, their new ones join theirs.
	await db.execute(sql`with old as (
			delete from ${f} where ${f.wardId} = ${wardId} and ${f.residentId} = any(${ids}) returning *
		), ${upsertCells(wardId, 'old', -1, indicators)}`)
	await db.execute(sql`with new as (
			${insertFlags(wardId, indicators, asOf, ids)} returning *
		), ${upsertCells(wardId, 'new', 1, indicators)}`)
	return { kind: 'refreshed', residents: changed.length }
}

async function rebuild(
	db: Database,
	wardId: string,
	indicators: readonly ResidentIndicator[],
	asOf: string,
	key: string,
): Promise<LiveRefresh> {
	// Changes committed from here on are seen by the statements below; their notes stay for the next look.
	await takeNotes(db, wardId)
	await db.execute(
		sql`delete from ${indicatorResidentFlags} where ${indicatorResidentFlags.wardId} = ${wardId}`,
	)
	await db.execute(sql`delete from ${indicatorCells} where ${indicatorCells.wardId} = ${wardId}`)
	const inserted = (await db.execute(insertFlags(wardId, indicators, asOf))) as unknown as {
		affectedRows?: number
		rowCount?: number
	}
	await db.execute(sql`with ward_flags as (
			select * from ${indicatorResidentFlags} where ${indicatorResidentFlags.wardId} = ${wardId}
		), ${upsertCells(wardId, 'ward_flags', 1, indicators)}`)
	await db
		.insert(indicatorLiveStates)
		.values({ wardId, asOf, definitionsKey: key })
		.onConflictDoUpdate({
			target: indicatorLiveStates.wardId,
			set: { asOf, definitionsKey: key, builtAt: sql`now()` },
		})
	return { kind: 'rebuilt', residents: Number(inserted.affectedRows ?? inserted.rowCount ?? 0) }
}

/**
 * INSERT of the flags of the ward's active residents, or of those in `only` (a uuid[]). For the few a look
 * recomputes, the facts are inlined so the planner follows the residents' keys instead of computing each
 * fact for the whole ward; a rebuild computes each fact once for everyone.
 */
function insertFlags(
	wardId: string,
	indicators: readonly ResidentIndicator[],
	asOf: string,
	only?: SQL,
): SQL {
	const flags = residentFlagsSql(indicators, asOf, { materialized: !only })
	const f = indicatorResidentFlags
	const t = residentTargetGroups
	const m = organizationMemberships
	// The breakdown keys as the statement of computeIndicators groups them: every target group, and the
	// organisations of the current (not ended) memberships.
	const keys = only
		? {
				ctes: sql``,
				joins: sql``,
				targetGroups: sql`array(select ${t.targetGroupCode} from ${t} where ${t.residentId} = ${residents.id} order by 1)`,
				organizations: sql`array(select distinct ${m.organizationId} from ${m} where ${m.residentId} = ${residents.id} and ${m.endedOn} is null order by 1)`,
			}
		: {
				ctes: sql`flag_target_groups as (select ${t.residentId} as resident_id, array_agg(${t.targetGroupCode} order by ${t.targetGroupCode}) as codes
					from ${t} group by ${t.residentId}),
				flag_organizations as (select resident_id, array_agg(organization_id order by organization_id) as ids
					from (select distinct ${m.residentId} as resident_id, ${m.organizationId} as organization_id from ${m} where ${m.endedOn} is null) current
					group by resident_id),`,
				joins: sql`left join flag_target_groups on flag_target_groups.resident_id = ${residents.id}
					left join flag_organizations on flag_organizations.resident_id = ${residents.id}`,
				targetGroups: sql`coalesce(flag_target_groups.codes, '{}')`,
				organizations: sql`coalesce(flag_organizations.ids, '{}')`,
			}
	return sql`insert into ${f} (resident_id, ward_id, group_id, sex, age_band, target_groups, organizations, masks)
		with ${flags.withFacts} ${keys.ctes} flag_rows as (
			select ${residents.id}, ${residents.wardId}, ${residents.residentialGroupId}, ${residents.sex}, ${flags.ageBand},
				${keys.targetGroups}, ${keys.organizations}, array[${sql.join(flags.masks, sql`, `)}]::bigint[]
			from ${residents} ${flags.joins} ${keys.joins}
			where ${residents.wardId} = ${wardId} and ${residents.status} = 'active' ${only ? sql`and ${residents.id} = any(${only})` : sql``}
		)
		select * from flag_rows`
}

/**
 * Takes the notes of this ward's residents (those living here now or counted here before). The notes are
 * few between looks, so they are read whole and matched by key; DELETE then waits for any writer still
 * holding one (see indicator_mark_dirty in drizzle/0019).
 */
async function takeNotes(db: Database, wardId: string): Promise<string[]> {
	const noted = (await db.execute(
		sql`select ${indicatorDirtyResidents.residentId} as id from ${indicatorDirtyResidents}`,
	)) as unknown as { rows: { id: string }[] }
	if (noted.rows.length === 0) return []
	const all = sql`${`{${noted.rows.map((r) => r.id).join(',')}}`}::uuid[]`
	const f = indicatorResidentFlags
	const taken = (await db.execute(sql`delete from ${indicatorDirtyResidents}
		where ${indicatorDirtyResidents.residentId} in (
			select ${residents.id} from ${residents} where ${residents.id} = any(${all}) and ${residents.wardId} = ${wardId}
			union select ${f.residentId} from ${f} where ${f.residentId} = any(${all}) and ${f.wardId} = ${wardId})
		returning ${indicatorDirtyResidents.residentId} as id`)) as unknown as { rows: { id: string }[] }
	return taken.rows.map((r) => r.id)
}

/**
 * After a CTE `source` of flags rows: adds `sign` × each row to the counts of its breakdown cells. Rows
 * with the same cell and flags are counted together first, so a rebuild turns 100,000 residents into the
 * few tens of thousands of (cell, flags) pairs before splitting the flags per indicator.
 */
function upsertCells(
	wardId: string,
	source: string,
	sign: 1 | -1,
	indicators: readonly ResidentIndicator[],
): SQL {
	const c = indicatorCells
	const from = sql.identifier(source)
	const last = sql.raw(String(indicators.length - 1))
	const plus = (column: 'denominators' | 'numerators') =>
		sql`array(select a + b from unnest(${c}.${sql.identifier(column)}, excluded.${sql.identifier(column)}) with ordinality as u(a, b, i) order by i)`
	return sql`expanded as (
			select 'all' as dim, '' as key, masks from ${from}
			union all select 'residentialGroup', coalesce(group_id::text, ''), masks from ${from}
			union all select 'sex', coalesce(sex, ''), masks from ${from}
			union all select 'ageBand', age_band, masks from ${from}
			union all select 'targetGroup', code, masks from ${from} cross join unnest(target_groups) as code
			union all select 'organization', organization::text, masks from ${from} cross join unnest(organizations) as organization
		),
		grouped as (select dim, key, masks, count(*)::int as n from expanded group by dim, key, masks),
		per_indicator as (
			select dim, key, i,
				sum(n * ((masks[i / 31 + 1] >> (2 * (i % 31))) & 1))::int as denominator,
				sum(n * ((masks[i / 31 + 1] >> (2 * (i % 31) + 1)) & 1))::int as numerator
			from grouped cross join generate_series(0, ${last}) as i
			group by dim, key, i
		)
		insert into ${c} (ward_id, dimension, key, denominators, numerators)
		select ${wardId}::uuid, dim, key, array_agg(${sql.raw(String(sign))} * denominator order by i),
			array_agg(${sql.raw(String(sign))} * numerator order by i)
		from per_indicator group by dim, key
		on conflict (ward_id, dimension, key) do update
			set denominators = ${plus('denominators')}, numerators = ${plus('numerators')}`
}

/** The counts as computeIndicators returns them (a cell whose counts fell to zero is left out there too). */
async function readCells(
	db: Database,
	wardId: string,
	indicators: readonly ResidentIndicator[],
): Promise<IndicatorValue[]> {
	const c = indicatorCells
	const cells = await db
		.select({ dim: c.dimension, key: c.key, denominators: c.denominators, numerators: c.numerators })
		.from(c)
		.where(sql`${c.wardId} = ${wardId}`)
	const rows = cells.map((cell) => {
		const row: Record<string, unknown> = { dim: cell.dim, key: cell.key }
		indicators.forEach((_, i) => {
			row[`cd${i}`] = cell.denominators[i] ?? 0
			row[`cn${i}`] = cell.numerators[i] ?? 0
		})
		return row
	})
	return valuesFromCountRows(indicators, rows)
}

function definitionsKey(indicators: readonly ResidentIndicator[]): string {
	return createHash('sha256')
		.update(JSON.stringify([stateVersion, indicators.map((i) => [i.code, i.spec])]))
		.digest('base64url')
}
