import { getTableColumns } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { clearOnErasure, keepOnErasure } from '#server/privacy/erasure-columns.ts'
import { residentLinks } from '#server/privacy/resident-links.ts'

// The data export and erasure find a resident's tables from the schema's foreign keys; what erasure does
// to their free text is decided by name. These tests make a new table's author decide.

test('the links reach the person’s records two steps away, and never the machinery or what they did as staff', () => {
	const names = residentLinks().map((link) => `${link.parent}>${link.name}`)
	expect(names).toEqual(
		expect.arrayContaining([
			'resident>learner',
			'resident>organization_membership',
			'resident>user_account',
			'learner>lesson_progress',
			'user_account>role_assignment',
		]),
	)
	expect(names.filter((n) => /session|rate_limit|oidc_login_state/.test(n))).toEqual([])
	expect(names.filter((n) => n.startsWith('user_account>') && n !== 'user_account>role_assignment')).toEqual(
		[],
	)
})

test('every nullable free-text column of a linked table is classified: cleared on erasure, or kept', () => {
	const unclassified: string[] = []
	for (const link of residentLinks()) {
		for (const [key, column] of Object.entries(getTableColumns(link.table))) {
			const freeText =
				column.dataType === 'string' &&
				(column.columnType === 'PgText' || column.columnType === 'PgVarchar') &&
				!column.enumValues?.length &&
				!column.notNull
			if (!freeText) continue
			const known = clearOnErasure[link.name]?.includes(key) || keepOnErasure[link.name]?.includes(key)
			if (!known) unclassified.push(`${link.name}.${key}`)
		}
	}
	expect(unclassified, 'add these to server/privacy/erasure-columns.ts').toEqual([])
})

test('the classification names only columns that exist', () => {
	const tables = new Map(residentLinks().map((link) => [link.name, getTableColumns(link.table)]))
	for (const list of [clearOnErasure, keepOnErasure])
		for (const [table, keys] of Object.entries(list))
			for (const key of keys) expect(tables.get(table), `${table}.${key}`).toHaveProperty(key)
})
