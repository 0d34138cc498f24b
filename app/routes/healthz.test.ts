import type { AppLoadContext } from 'react-router'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { DatabaseHandle } from '#server/db/client.server.ts'
import { createTestServices, type TestServices, testEngine } from '#tests/support/test-services.ts'
import { loader } from './healthz.ts'

// /healthz on each engine: the database kind it reports is the one the process really opened, and the
// migration state comes from the database's own record of applied migrations.

let services: TestServices
beforeAll(async () => {
	services = await createTestServices()
})
afterAll(async () => {
	await services.close()
})

async function healthz(database: DatabaseHandle) {
	const context = { app: { ...services, database } } as unknown as AppLoadContext
	const response = (await loader({
		request: new Request('http://localhost/healthz'),
		context,
		params: {},
	} as never)) as Response
	return {
		status: response.status,
		cache: response.headers.get('Cache-Control'),
		body: await response.json(),
	}
}

describe('GET /healthz', () => {
	test('answers the database kind of this run and that every shipped migration is applied', async () => {
		const answer = await healthz(services.database)
		expect(answer.status).toBe(200)
		expect(answer.cache).toBe('no-store')
		expect(answer.body).toMatchObject({
			status: 'ok',
			database: { kind: testEngine(), reachable: true },
			migrations: { upToDate: true },
		})
		expect(answer.body.migrations.applied).toBe(answer.body.migrations.available)
		expect(answer.body.migrations.latest).toMatch(/^\d{4}_/)
	})

	test('reports pending migrations (503) when the database lacks the newest one', async () => {
		// This file's database is its own copy: forget the last applied migration, as after an upgrade
		// of the code whose `hocvuso migrate` has not run yet.
		await services.database.query(
			'delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)',
		)
		const answer = await healthz(services.database)
		expect(answer.status).toBe(503)
		expect(answer.body).toMatchObject({
			status: 'migrations-pending',
			database: { kind: testEngine(), reachable: true },
			migrations: { upToDate: false },
		})
		expect(answer.body.migrations.applied).toBe(answer.body.migrations.available - 1)
	})

	test('says the database is unreachable (503) without any error text', async () => {
		const away = { ...services.database, query: () => Promise.reject(new Error('ECONNREFUSED 10.0.0.1')) }
		const answer = await healthz(away as DatabaseHandle)
		expect(answer.status).toBe(503)
		expect(answer.body).toEqual({ status: 'error', database: { kind: testEngine(), reachable: false } })
	})
})
