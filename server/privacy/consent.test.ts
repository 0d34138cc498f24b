import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { createIdentityWard } from '#server/identity/testing/identity-fixtures.ts'
import { residents } from '#server/people/schema.ts'
import {
	ConsentFormSchema,
	hasConsented,
	readConsents,
	recordConsent,
} from '#server/privacy/consent.server.ts'
import { consentRecords } from '#server/privacy/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let ward: Awaited<ReturnType<typeof createIdentityWard>>
const actor = () => ({ userId: null, label: 'test', wardId: ward.wardId })

beforeAll(async () => {
	services = await createTestServices()
	ward = await createIdentityWard(services)
})
afterAll(async () => {
	await services.close()
})

test('each decision is appended; the latest one per purpose is the current state', async () => {
	const residentId = ward.residents[0]!
	const base = { wardId: ward.wardId, residentId, recordedBy: null, actor: actor() }
	expect(await hasConsented(services.db, residentId, 'photos')).toBe(false)
	await recordConsent(services.db, {
		...base,
		purpose: 'photos',
		decision: 'given',
		method: 'paper',
		note: 'Phiếu số 12',
	})
	expect(await hasConsented(services.db, residentId, 'photos')).toBe(true)
	await new Promise((resolve) => setTimeout(resolve, 5))
	await recordConsent(services.db, {
		...base,
		purpose: 'photos',
		decision: 'withdrawn',
		method: 'inPerson',
		note: null,
	})
	expect(await hasConsented(services.db, residentId, 'photos')).toBe(false)

	const states = await readConsents(services.db, residentId)
	const photos = states.find((s) => s.purpose === 'photos')!
	expect(photos.current).toMatchObject({ decision: 'withdrawn', method: 'inPerson' })
	expect(photos.history.map((h) => h.decision)).toEqual(['withdrawn', 'given'])
	expect(states.find((s) => s.purpose === 'outreachContact')!.current).toBeNull()
	expect(
		await services.db.select().from(consentRecords).where(eq(consentRecords.residentId, residentId)),
	).toHaveLength(2)

	const entries = await services.db
		.select()
		.from(auditLog)
		.where(eq(auditLog.action, 'privacy.consentRecorded'))
	expect(entries).toHaveLength(2)
	expect(JSON.stringify(entries.map((e) => e.details))).not.toContain('Phiếu số 12')
})

test('a resident of another ward or whose data was erased cannot be given a decision', async () => {
	const other = await createIdentityWard(services)
	const form = { purpose: 'outreachContact', decision: 'given', method: 'paper', note: null } as const
	expect(
		await recordConsent(services.db, {
			...form,
			wardId: ward.wardId,
			residentId: other.residents[0]!,
			recordedBy: null,
			actor: actor(),
		}),
	).toBe('notFound')
	await services.db
		.update(residents)
		.set({ anonymisedAt: new Date() })
		.where(eq(residents.id, ward.residents[1]!))
	expect(
		await recordConsent(services.db, {
			...form,
			wardId: ward.wardId,
			residentId: ward.residents[1]!,
			recordedBy: null,
			actor: actor(),
		}),
	).toBe('notFound')
})

test('the form refuses unknown purposes and notes that are too long, with message keys', () => {
	const bad = ConsentFormSchema.safeParse({ purpose: 'marketing', decision: 'given', method: 'paper' })
	expect(bad.success).toBe(false)
	expect(bad.error?.issues[0]?.message).toBe('privacy.consent.error.purpose')
	const long = ConsentFormSchema.safeParse({
		purpose: 'photos',
		decision: 'given',
		method: 'paper',
		note: 'x'.repeat(201),
	})
	expect(long.error?.issues[0]?.message).toBe('privacy.consent.error.note')
	expect(
		ConsentFormSchema.parse({ purpose: 'photos', decision: 'given', method: 'paper', note: '  ' }).note,
	).toBeNull()
})
