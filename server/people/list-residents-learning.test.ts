import { afterAll, beforeAll, expect, test } from 'vitest'
import {
	fixturePeople,
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { listResidents } from '#server/people/list-residents.server.ts'
import { type LearningStatus, parseResidentListQuery } from '#server/people/resident-filters.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

// The resident list's learning filter on the indicators' hand-built ward, whose people have known
// lessons and certificates (some revoked): each person falls in exactly one status.

let services: TestServices
let fixture: IndicatorFixture

beforeAll(async () => {
	services = await createTestServices()
	fixture = await insertIndicatorFixture(services.db)
})
afterAll(async () => {
	await services.close()
})

function expectedStatus(letter: string): LearningStatus {
	const person = fixturePeople[letter]!
	if ((person.certificates ?? []).some((c) => !c.revokedAt)) return 'certified'
	if ((person.finished ?? []).length > 0 || (person.lessons ?? []).length > 0) return 'learning'
	return 'notStarted'
}

async function lettersWith(learning: LearningStatus): Promise<string[]> {
	const page = await listResidents(services.db, {
		wardId: fixture.wardId,
		query: parseResidentListQuery(new URLSearchParams({ learning, status: 'all', pageSize: '100' })),
	})
	const byId = new Map(Object.entries(fixture.people).map(([letter, id]) => [id, letter]))
	return page.items.map((item) => byId.get(item.id) ?? '?').sort()
}

test('every person is listed under exactly one learning status: certified, learning or not started', async () => {
	const letters = Object.keys(fixture.people).sort()
	const expected = (status: LearningStatus) => letters.filter((l) => expectedStatus(l) === status)
	// The fixture must exercise all three, and a revoked certificate (which no longer counts).
	for (const status of ['certified', 'learning', 'notStarted'] as const)
		expect(expected(status)).not.toEqual([])
	expect(letters.some((l) => fixturePeople[l]!.certificates?.some((c) => c.revokedAt))).toBe(true)

	expect(await lettersWith('certified')).toEqual(expected('certified'))
	expect(await lettersWith('learning')).toEqual(expected('learning'))
	expect(await lettersWith('notStarted')).toEqual(expected('notStarted'))
})

test('an unknown learning status in the address is ignored rather than an error', () => {
	expect(
		parseResidentListQuery(new URLSearchParams({ learning: "'; drop table resident; --" })).learning,
	).toBe(undefined)
})
