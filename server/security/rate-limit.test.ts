import { afterAll, beforeAll, expect, test } from 'vitest'
import { clearRateLimit, hitRateLimit, readRateLimit } from '#server/security/rate-limit.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
beforeAll(async () => {
	services = await createTestServices()
})
afterAll(async () => {
	await services.close()
})

const minute = 60_000
const t0 = new Date('2026-11-24T08:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)

test('counts in a fixed window shared through the database, then starts again', async () => {
	const rule = { limit: 3, windowMs: 10 * minute }
	for (const n of [1, 2, 3])
		expect((await hitRateLimit(services.db, 'k1', rule, at(n * minute))).count).toBe(n)
	const blocked = await readRateLimit(services.db, 'k1', rule, at(5 * minute))
	expect(blocked).toMatchObject({ count: 3, blocked: true })
	expect(blocked.resetAt.toISOString()).toBe(at(11 * minute).toISOString())
	expect(await hitRateLimit(services.db, 'k1', rule, at(12 * minute))).toMatchObject({
		count: 1,
		blocked: false,
	})
	await clearRateLimit(services.db, 'k1')
	expect((await readRateLimit(services.db, 'k1', rule, at(12 * minute))).count).toBe(0)
})

test('holdAtLimit keeps a key blocked for a whole window after the limit is reached', async () => {
	const rule = { limit: 3, windowMs: 15 * minute, holdAtLimit: true }
	await hitRateLimit(services.db, 'k2', rule, at(0))
	await hitRateLimit(services.db, 'k2', rule, at(1 * minute))
	const third = await hitRateLimit(services.db, 'k2', rule, at(14 * minute))
	expect(third).toMatchObject({ count: 3, blocked: true })
	expect(third.resetAt.toISOString()).toBe(at(29 * minute).toISOString())
	expect((await readRateLimit(services.db, 'k2', rule, at(28 * minute))).blocked).toBe(true)
	expect((await readRateLimit(services.db, 'k2', rule, at(30 * minute))).blocked).toBe(false)
})

test('concurrent hits are all counted', async () => {
	const rule = { limit: 100, windowMs: minute }
	await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(services.db, 'k3', rule, at(0))))
	expect((await readRateLimit(services.db, 'k3', rule, at(1000))).count).toBe(25)
})
