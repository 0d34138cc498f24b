import { afterAll, beforeAll, expect, test } from 'vitest'
import { startJobRunner } from '#server/jobs/job-runner.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices

beforeAll(async () => {
	services = await createTestServices()
})
afterAll(async () => {
	await services.close()
})

test('a job enqueued in the database is picked up and run exactly once', async () => {
	const seen: unknown[] = []
	const runner = await startJobRunner(services, [
		{
			name: 'test.echo',
			run: async (_services, data) => {
				seen.push(data.value)
			},
		},
	])
	try {
		const id = await runner.enqueue('test.echo', { value: 42 })
		expect(id).toBeTruthy()
		await expect.poll(() => seen, { timeout: 20_000, interval: 200 }).toEqual([42])
		const readState = async () =>
			(
				await services.database.query<{ state: string }>('select state from pgboss.job where id = $1', [id])
			)[0]?.state
		await expect.poll(readState, { timeout: 10_000 }).toBe('completed')
		expect(seen).toEqual([42])
	} finally {
		await runner.stop()
	}
})
