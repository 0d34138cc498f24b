import { is } from 'drizzle-orm'
import { getTableConfig, type PgColumn, PgTable } from 'drizzle-orm/pg-core'
import * as schema from '#server/db/schema.ts'
import { residents } from '#server/people/schema.ts'

/*
 * Where a resident's data lives, found from the schema's foreign keys rather than listed by hand, so a
 * table a new capability adds is covered by the data export and the erasure the day it lands (and the
 * classification test in resident-links.test.ts fails until its text columns are classified).
 */

export interface TableLink {
	table: PgTable
	name: string
	/** The column on `table` matched against the parent rows' `parentKey`. */
	column: PgColumn
	/** The parent: `resident` for direct links, another linked table for the second level. */
	parent: string
	/** The parent rows' property (camelCase) whose values `column` must equal: `id` but for upward links. */
	parentKey: string
}

/**
 * Link tables whose parent row is itself about the person: the visit a participation belongs to (its
 * note may describe them). Other parents (an organisation, a pilot model, a track) are the ward's own.
 */
const upward: { from: string; key: string; to: PgTable }[] = [
	{ from: 'outreach_visit_person', key: 'visitId', to: schema.outreachVisits },
]

/** Tables that are the system's machinery, not data about a person (tokens, counters, sessions). */
const notPersonalData = new Set(['session', 'rate_limit', 'oidc_login_state'])

const tables: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
	is(value, PgTable),
)

function linksTo(target: PgTable): { table: PgTable; column: PgColumn }[] {
	const found: { table: PgTable; column: PgColumn }[] = []
	for (const table of tables) {
		const config = getTableConfig(table)
		if (notPersonalData.has(config.name)) continue
		for (const fk of config.foreignKeys) {
			const reference = fk.reference()
			if (reference.foreignTable !== target || reference.columns.length !== 1) continue
			found.push({ table, column: reference.columns[0] as PgColumn })
		}
	}
	return found
}

let cached: TableLink[] | null = null

/**
 * Every table holding rows about a resident: those referencing `resident` directly (learner, membership,
 * certificate, visit participation…) and those referencing one of these (lesson progress through the
 * learner, sessions excepted), in that order.
 */
export function residentLinks(): TableLink[] {
	if (cached) return cached
	const direct = linksTo(residents).map(({ table, column }) => ({
		table,
		column,
		name: getTableConfig(table).name,
		parent: 'resident',
		parentKey: 'id',
	}))
	const second = direct.flatMap((link) =>
		linksTo(link.table)
			.filter(({ table }) => table !== residents)
			.map(({ table, column }) => ({
				table,
				column,
				name: getTableConfig(table).name,
				parent: link.name,
				parentKey: 'id',
			}))
			// Through the person's account only their roles: what they did as staff (certificates issued,
			// imports made) is the ward's record and may hold other people's data.
			.filter((second) => link.name !== 'user_account' || second.name === 'role_assignment'),
	)
	const parents = upward
		.filter((u) => direct.some((link) => link.name === u.from))
		.map((u) => ({
			table: u.to,
			column: getTableConfig(u.to).columns.find((c) => c.name === 'id') as PgColumn,
			name: getTableConfig(u.to).name,
			parent: u.from,
			parentKey: u.key,
		}))
	cached = [...direct, ...second, ...parents]
	return cached
}

/** Columns never shown in an export: secrets and look-up hashes (the clear values are given instead). */
export function isSecretColumn(name: string): boolean {
	return /(hash|cipher|secret|token|password|encrypted)$/i.test(name)
}
