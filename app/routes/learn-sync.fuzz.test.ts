import crypto from 'node:crypto'
import { count } from 'drizzle-orm'
import fc from 'fast-check'
import type { AppLoadContext } from 'react-router'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { action } from '#app/routes/learn-sync.ts'
import { createSession, findActiveSession } from '#server/identity/session.server.ts'
import { createIdentityWard, createUserWithRole } from '#server/identity/testing/identity-fixtures.ts'
import { learningActivities, lessonProgress } from '#server/learning/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

// Property-based fuzz of the JSON body of the one JSON API there is so far, the offline sync
// endpoint `/hoc/dong-bo` (issue 10): whatever a browser, a stale queue or an attacker sends in
// `activities`, the answer is 200 with an outcome per activity or 400 — never a server error — and
// nothing is recorded for an activity that names no published lesson (the test ward has none).

let services: TestServices
let cookie: string
let csrf: string

beforeAll(async () => {
	services = await createTestServices()
	const ward = await createIdentityWard(services)
	const learner = await createUserWithRole(services, ward, 'learner', { residentId: ward.residents[2] })
	const session = await createSession(services, { userId: learner.id, ip: '127.0.0.1', userAgent: 'fuzz' })
	cookie = `hv_session=${session.token}`
	csrf = (await findActiveSession(services.db, session.token))?.csrfSecret ?? ''
})
afterAll(async () => {
	await services.close()
})

const activityLike = fc.record(
	{
		id: fc.oneof(fc.uuid(), fc.string({ maxLength: 80 }), fc.integer()),
		kind: fc.oneof(fc.constantFrom('practiceAnswered', 'lessonCompleted', 'positionSaved'), fc.string()),
		lessonId: fc.oneof(fc.constantFrom('ky-nang-so/bai-1', '../../etc/passwd', "x' or 1=1 --"), fc.string()),
		itemId: fc.oneof(fc.constant('q1'), fc.string()),
		answer: fc.oneof(fc.array(fc.constantFrom('a', 'b', 'z')), fc.tuple(fc.boolean()), fc.jsonValue()),
		position: fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.double()),
		seconds: fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.string()),
		occurredAt: fc.oneof(
			fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
			fc.string(),
		),
	},
	{ requiredKeys: [] },
)
const body = fc.oneof(
	fc.array(fc.oneof(activityLike, fc.jsonValue()), { maxLength: 8 }).map((a) => JSON.stringify(a)),
	fc.jsonValue().map((v) => JSON.stringify(v)),
	fc.string({ unit: 'binary', maxLength: 200 }),
	fc.constant(JSON.stringify(Array.from({ length: 201 }, () => ({})))),
)

async function post(activities: string): Promise<{ status: number; json: unknown }> {
	const request = new Request('http://localhost/hoc/dong-bo', {
		method: 'POST',
		headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ csrf, activities }),
	})
	const context = { app: services, requestId: 'fuzz', clientIp: '127.0.0.1' } as AppLoadContext
	const response = (await action({ request, context, params: {} } as never)) as Response
	return { status: response.status, json: await response.json() }
}

async function recordedActivities(): Promise<number> {
	const [activities] = await services.db.select({ n: count() }).from(learningActivities)
	const [progress] = await services.db.select({ n: count() }).from(lessonProgress)
	return (activities?.n ?? 0) + (progress?.n ?? 0)
}

test('any activities body gets 200 with an outcome per activity, or 400; nothing is recorded', async () => {
	const before = await recordedActivities()
	await fc.assert(
		fc.asyncProperty(body, async (activities) => {
			const { status, json } = await post(activities)
			expect([200, 400]).toContain(status)
			if (status === 400) expect(json).toEqual({ error: 'badRequest' })
			else {
				const results = (json as { results: Array<{ id: unknown; outcome: string }> }).results
				for (const result of results) expect(result.outcome).toBe('rejected')
			}
		}),
		{ numRuns: 300, seed: 10 },
	)
	expect(await recordedActivities()).toBe(before)
	// A well-formed activity about a lesson that is not published is refused the same way.
	const valid = { id: crypto.randomUUID(), kind: 'lessonCompleted', lessonId: 'khong-co/bai-nay' }
	expect(await post(JSON.stringify([valid]))).toEqual({
		status: 200,
		json: { results: [{ id: valid.id, outcome: 'rejected' }] },
	})
})
