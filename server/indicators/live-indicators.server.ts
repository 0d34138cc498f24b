import { createHash } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import {
	countPilotModels,
	countsFromMasks,
	type IndicatorValue,
	maskCountOf,
	type ResidentIndicator,
	residentFlagsSql,
	valuesFromCountRows,
} from '#server/indicators/compute-indicators.server.ts'
import {
	ensureStandardIndicators,
	listIndicatorDefinitions,
} from '#server/indicators/indicator-definitions.server.ts'
import {
	type IndicatorSpec,
	isResidentSpec,
	type PilotModelIndicatorSpec,
} from '#server/indicators/indicator-spec.ts'
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

/** More changed residents than this share of the ward: rebuilding is cheaper than moving them one by one. */
const rebuildShare = 0.2

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
	const people = input.indicators.filter((i): i is ResidentIndicator => isResidentSpec(i.spec))
	const [peopleValues, modelValues] = await Promise.all([
		people.length === 0
			? []
			: db.transaction(async (tx) => {
					const refresh = await bringUpToDate(tx as unknown as Database, input.wardId, people, input.asOf)
					input.onRefresh?.(refresh)
					return readCells(tx as unknown as Database, input.wardId, people)
				}),
		Promise.all(
			input.indicators
				.filter((i) => !isResidentSpec(i.spec))
				.map((i) =>
					countPilotModels(db, input.wardId, i.code, i.spec as PilotModelIndicatorSpec, input.asOf),
				),
		),
	])
	const byCode = new Map([...peopleValues, ...modelValues].map((v) => [v.code, v]))
	return input.indicators.map((i) => byCode.get(i.code) as IndicatorValue)
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
export async function bringUpToDate(
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
	const taken = (await db.execute(sql`delete from ${indicatorDirtyResidents} d
		where d.resident_id in (select ${residents.id} from ${residents} where ${residents.wardId} = ${wardId})
			or d.resident_id in (select ${indicatorResidentFlags.residentId} from ${indicatorResidentFlags}
				where ${indicatorResidentFlags.wardId} = ${wardId})
		returning d.resident_id`)) as unknown as { rows: { resident_id: string }[] }
	const changed = taken.rows.map((r) => r.resident_id)
	if (changed.length === 0) return { kind: 'refreshed', residents: 0 }
	const [size] = (
		(await db.execute(
			sql`select count(*)::int as n from ${indicatorResidentFlags} where ${indicatorResidentFlags.wardId} = ${wardId}`,
		)) as unknown as { rows: { n: number }[] }
	).rows
	if (changed.length > Math.max(50, (size?.n ?? 0) * rebuildShare))
		return rebuild(db, wardId, indicators, asOf, key)
	const ids = sql`${`{${changed.join(',')}}`}::uuid[]`
	const f = indicatorResidentFlags
	// Their old flags leave their cells, their new ones join theirs.
	await db.execute(sql`with old as (
			delete from ${f} where ${f.wardId} = ${wardId} and ${f.residentId} = any(${ids}) returning *
		), ${upsertCells(wardId, 'old', -1)}`)
	await db.execute(sql`with new as (
			${insertFlags(wardId, indicators, asOf, sql`and ${residents.id} = any(${ids})`)} returning *
		), ${upsertCells(wardId, 'new', 1)}`)
	await db.execute(
		sql`delete from ${indicatorCells} where ${indicatorCells.wardId} = ${wardId} and ${indicatorCells.residents} = 0`,
	)
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
	await db.execute(sql`delete from ${indicatorDirtyResidents} d
		where d.resident_id in (select ${residents.id} from ${residents} where ${residents.wardId} = ${wardId})
			or d.resident_id in (select ${indicatorResidentFlags.residentId} from ${indicatorResidentFlags}
				where ${indicatorResidentFlags.wardId} = ${wardId})`)
	await db.execute(
		sql`delete from ${indicatorResidentFlags} where ${indicatorResidentFlags.wardId} = ${wardId}`,
	)
	await db.execute(sql`delete from ${indicatorCells} where ${indicatorCells.wardId} = ${wardId}`)
	const inserted = (await db.execute(insertFlags(wardId, indicators, asOf, sql``))) as unknown as {
		affectedRows?: number
		rowCount?: number
	}
	await db.execute(sql`with ward_flags as (
			select * from ${indicatorResidentFlags} where ${indicatorResidentFlags.wardId} = ${wardId}
		), ${upsertCells(wardId, 'ward_flags', 1)}`)
	await db
		.insert(indicatorLiveStates)
		.values({ wardId, asOf, definitionsKey: key })
		.onConflictDoUpdate({
			target: indicatorLiveStates.wardId,
			set: { asOf, definitionsKey: key, builtAt: sql`now()` },
		})
	return { kind: 'rebuilt', residents: Number(inserted.affectedRows ?? inserted.rowCount ?? 0) }
}

/** INSERT of the flags of the ward's active residents (those matching `restrict`, an `and …` clause). */
function insertFlags(
	wardId: string,
	indicators: readonly ResidentIndicator[],
	asOf: string,
	restrict: SQL,
): SQL {
	const flags = residentFlagsSql(indicators, asOf)
	const f = indicatorResidentFlags
	const t = residentTargetGroups
	const m = organizationMemberships
	// The breakdown keys as the statement of computeIndicators groups them: every target group, and the
	// organisations of the current (not ended) memberships.
	return sql`insert into ${f} (resident_id, ward_id, group_id, sex, age_band, target_groups, organizations, masks)
		with ${flags.withFacts} flag_rows as (
			select ${residents.id}, ${residents.wardId}, ${residents.residentialGroupId}, ${residents.sex}, ${flags.ageBand},
				array(select ${t.targetGroupCode} from ${t} where ${t.residentId} = ${residents.id} order by 1),
				array(select distinct ${m.organizationId} from ${m} where ${m.residentId} = ${residents.id} and ${m.endedOn} is null order by 1),
				array[${sql.join(flags.masks, sql`, `)}]::bigint[]
			from ${residents} ${flags.joins}
			where ${residents.wardId} = ${wardId} and ${residents.status} = 'active' ${restrict}
		)
		select * from flag_rows`
}

/** After a CTE `source` of flags rows: adds `sign` × each row to the cells of its breakdown keys. */
function upsertCells(wardId: string, source: string, sign: 1 | -1): SQL {
	const c = indicatorCells
	const from = sql.identifier(source)
	return sql`expanded as (
			select 'all' as dim, '' as key, masks from ${from}
			union all select 'residentialGroup', coalesce(group_id::text, ''), masks from ${from}
			union all select 'sex', coalesce(sex, ''), masks from ${from}
			union all select 'ageBand', age_band, masks from ${from}
			union all select 'targetGroup', code, masks from ${from} cross join unnest(target_groups) as code
			union all select 'organization', organization::text, masks from ${from} cross join unnest(organizations) as organization
		)
		insert into ${c} (ward_id, dimension, key, masks, residents)
		select ${wardId}::uuid, dim, key, masks, ${sql.raw(String(sign))} * count(*)::int from expanded group by dim, key, masks
		on conflict (ward_id, dimension, key, masks) do update set residents = ${c}.residents + excluded.residents`
}

async function readCells(
	db: Database,
	wardId: string,
	indicators: readonly ResidentIndicator[],
): Promise<IndicatorValue[]> {
	const c = indicatorCells
	const masks = sql.join(
		Array.from(
			{ length: maskCountOf(indicators) },
			(_, m) => sql`masks[${sql.raw(String(m + 1))}] as ${sql.identifier(`m${m}`)}`,
		),
		sql`, `,
	)
	const result = await db.execute(sql`select dim, key, ${countsFromMasks(indicators)}
		from (select dimension as dim, key, ${masks}, residents as n from ${c} where ${c.wardId} = ${wardId}) cells
		group by dim, key`)
	return valuesFromCountRows(indicators, (result as unknown as { rows: Record<string, unknown>[] }).rows)
}

function definitionsKey(indicators: readonly ResidentIndicator[]): string {
	return createHash('sha256')
		.update(JSON.stringify([stateVersion, indicators.map((i) => [i.code, i.spec])]))
		.digest('base64url')
}
