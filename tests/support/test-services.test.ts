import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMigrationState } from '#server/db/migrate.server.ts'
import { createTestServices, type TestServices, testEngine } from '#tests/support/test-services.ts'

// The harness itself: each file gets its own migrated database on the project's engine.
describe('createTestServices', () => {
	let services: TestServices
	beforeAll(async () => {
		services = await createTestServices()
	})
	afterAll(async () => {
		await services.close()
	})

	it('opens the engine the Vitest project asks for', async () => {
		expect(services.database.kind).toBe(testEngine())
		expect(services.env.databaseKind).toBe(testEngine())
		const [row] = await services.database.query<{ server_version: string }>('show server_version')
		expect(row?.server_version).toMatch(testEngine() === 'postgres' ? /^15\./ : /^\d+\./)
	})

	it('gives a fully migrated database', async () => {
		const state = await readMigrationState(services.database)
		expect(state.upToDate).toBe(true)
		expect(state.applied).toBe(state.available)
		expect(state.applied).toBeGreaterThan(0)
	})

	it('has the extensions the search needs', async () => {
		const rows = await services.database.query<{ extname: string }>(
			"select extname from pg_extension where extname in ('unaccent', 'pg_trgm') order by extname",
		)
		expect(rows.map((r) => r.extname)).toEqual(['pg_trgm', 'unaccent'])
		const [folded] = await services.database.query<{ folded: string }>(
			"select unaccent('Bình dân học vụ số') as folded",
		)
		expect(folded?.folded).toBe('Binh dan hoc vu so')
	})

	it('starts with an empty ward table and keeps what a test writes for the rest of the file', async () => {
		const before = await services.db.query.wards.findMany({ columns: { id: true } })
		expect(before).toEqual([])
		await services.db.execute(sql`create table harness_probe (id int primary key)`)
		await services.db.execute(sql`insert into harness_probe values (1)`)
		const rows = await services.database.query<{ id: number }>('select id from harness_probe')
		expect(rows).toEqual([{ id: 1 }])
	})

	it('gives each call its own database', async () => {
		const other = await createTestServices()
		try {
			const rows = await other.database.query<{ name: string | null }>(
				"select to_regclass('harness_probe')::text as name",
			)
			expect(rows).toEqual([{ name: null }])
		} finally {
			await other.close()
		}
	})
})
