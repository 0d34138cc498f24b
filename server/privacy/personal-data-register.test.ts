import { is } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import { describe, expect, test } from 'vitest'
import * as schema from '#server/db/schema.ts'
import { personalDataRegister, systemTables } from '#server/privacy/personal-data-register.ts'
import { residentLinks } from '#server/privacy/resident-links.ts'

const schemaTables = (Object.values(schema) as unknown[])
	.filter((value): value is PgTable => is(value, PgTable))
	.map((table) => getTableConfig(table).name)
const registered = personalDataRegister.flatMap((entry) => entry.tables)

describe('the personal-data register', () => {
	test('names every table of the schema exactly once, as personal data or as the system’s own', () => {
		const named = [...registered, ...systemTables]
		const unclassified = schemaTables.filter((name) => !named.includes(name))
		expect(unclassified, 'add these tables to server/privacy/personal-data-register.ts').toEqual([])
		const twice = named.filter((name, i) => named.indexOf(name) !== i)
		expect(twice).toEqual([])
		expect(
			named.filter((name) => !schemaTables.includes(name)),
			'no such table',
		).toEqual([])
	})

	test('every table linked to a resident is registered as personal data', () => {
		const linked = [...new Set(residentLinks().map((link) => link.name))]
		expect(linked.filter((name) => !registered.includes(name))).toEqual([])
	})

	test('every entry says, in both languages, what is kept, why and for how long', () => {
		for (const entry of personalDataRegister) {
			for (const text of [entry.category, entry.data, entry.purpose, entry.access, entry.retention]) {
				expect(text.vi.length, entry.id).toBeGreaterThan(2)
				expect(text.en.length, entry.id).toBeGreaterThan(2)
			}
			expect(entry.tables.length, entry.id).toBeGreaterThan(0)
		}
		expect(personalDataRegister.filter((e) => e.sensitive).map((e) => e.id)).toContain('targetGroups')
	})
})
