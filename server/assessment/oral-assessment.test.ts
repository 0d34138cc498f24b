import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { certificates } from '#server/certification/schema.ts'
import type { PolicySubject } from '#server/identity/permissions.ts'
import {
	createIdentityWard,
	createUserWithRole,
	type IdentityWard,
} from '#server/identity/testing/identity-fixtures.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import { learners } from '#server/learning/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'
import { importQuestionBank } from './import-questions.server.ts'
import { issueOnOralPass } from './issue-on-pass.server.ts'
import { readMastery } from './mastery.server.ts'
import {
	type OralAssessmentInput,
	readConfirmedTasks,
	readOralHistory,
	recordOralAssessment,
} from './oral-assessment.server.ts'

let services: TestServices
let ward: IdentityWard
let volunteer: PolicySubject
let instructor: PolicySubject

beforeAll(async () => {
	services = await createTestServices()
	await importLearningContent(services.db)
	await importQuestionBank(services.db)
	ward = await createIdentityWard(services)
	const v = await createUserWithRole(services, ward, 'volunteer')
	const i = await createUserWithRole(services, ward, 'instructor')
	volunteer = {
		id: v.id,
		wardId: ward.wardId,
		residentId: null,
		roles: [{ role: 'volunteer', scopeKind: 'residentialGroup', scopeId: ward.groups[0] }],
	}
	instructor = {
		id: i.id,
		wardId: ward.wardId,
		residentId: null,
		roles: [{ role: 'instructor', scopeKind: 'ward', scopeId: null }],
	}
})
afterAll(async () => {
	await services.close()
})

const audit = (label: string) => ({ actor: { userId: null, label, wardId: null }, ip: null, requestId: null })
const base: OralAssessmentInput = {
	mode: 'oral',
	results: [],
	practicalItemIds: [],
	trackId: null,
	passed: false,
	note: null,
}

describe('oral and in-class assessment', () => {
	test('a volunteer records competencies and a practical AI task for a resident of their group', async () => {
		const residentId = ward.residents[0]
		const result = await recordOralAssessment(
			services.db,
			volunteer,
			residentId,
			{
				...base,
				results: [
					{ competencyCode: '4.2', outcome: 'mastered' },
					{ competencyCode: '5.1', outcome: 'familiar' },
				],
				practicalItemIds: ['ai-basics-19'],
				note: 'Bác làm chậm nhưng tự làm được.',
			},
			{ ...audit('tinhnguyen'), actor: { userId: volunteer.id, label: 'tinhnguyen', wardId: ward.wardId } },
		)
		expect(result).toMatchObject({ ok: true, certificate: null })
		if (!result.ok) return
		const [learner] = await services.db.select().from(learners).where(eq(learners.residentId, residentId))
		expect(learner?.userId).toBeNull()
		const mastery = new Map((await readMastery(services.db, learner!.id)).map((m) => [m.code, m]))
		expect(mastery.get('4.2')).toMatchObject({ state: 'mastered', confirmed: true })
		expect(mastery.get('5.1')?.state).toBe('familiar')
		expect(mastery.get('6.2')?.state).toBe('familiar')
		const [history] = await readOralHistory(services.db, residentId)
		expect(history?.results.map((r) => r.competencyCode)).toEqual(['4.2', '5.1', '6.2'])
		expect(history?.results[2]?.itemPrompt).toMatch(/dịch/)
		// Recorded per learner as AI-tool competence (target 8), with who confirmed it.
		const tasks = await readConfirmedTasks(services.db, learner!.id)
		expect(tasks).toEqual([
			expect.objectContaining({ itemId: 'ai-basics-19', courseId: 'ai-basics', ai: true }),
		])
		expect(tasks[0]?.confirmedByName).toMatch(/volunteer/)
		const [entry] = await services.db.select().from(auditLog).where(eq(auditLog.entityId, result.id))
		expect(entry?.action).toBe('assessment.oralRecorded')
		expect(JSON.stringify(entry?.details)).not.toContain('Bác làm chậm')
	})

	test('refuses a resident outside the volunteer group, unknown tasks and an empty record, changing nothing', async () => {
		const other = ward.residents[1]
		const input = { ...base, results: [{ competencyCode: '4.2', outcome: 'familiar' as const }] }
		expect(await recordOralAssessment(services.db, volunteer, other, input, audit('x'))).toEqual({
			ok: false,
			reason: 'notInScope',
		})
		expect(
			await recordOralAssessment(
				services.db,
				volunteer,
				ward.residents[2],
				{ ...base, practicalItemIds: ['vneid-01'] },
				audit('x'),
			),
		).toEqual({ ok: false, reason: 'unknownTask' })
		expect(await recordOralAssessment(services.db, volunteer, ward.residents[2], base, audit('x'))).toEqual({
			ok: false,
			reason: 'empty',
		})
		expect(await services.db.select().from(learners).where(eq(learners.residentId, other))).toEqual([])
	})

	test('an instructor records a passed oral final assessment and the certificate is issued once', async () => {
		const residentId = ward.residents[1]
		const input = { ...base, mode: 'inClass' as const, trackId: 'elderly', passed: true }
		const first = await recordOralAssessment(
			services.db,
			instructor,
			residentId,
			input,
			audit('giangvien'),
			issueOnOralPass,
		)
		expect(first).toMatchObject({ ok: true, certificate: { created: true } })
		const second = await recordOralAssessment(
			services.db,
			instructor,
			residentId,
			input,
			audit('giangvien'),
			issueOnOralPass,
		)
		expect(second).toMatchObject({ ok: true, certificate: { created: false } })
		const held = await services.db
			.select()
			.from(certificates)
			.where(and(eq(certificates.residentId, residentId), eq(certificates.trackId, 'elderly')))
		expect(held).toHaveLength(1)
		expect(held[0]?.basis).toBe('oral_assessment')
	})
})
