import { and, count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { listRoster, recordAttendance, recordTickedAttendance } from '#server/classes/attendance.server.ts'
import { addSession } from '#server/classes/class-sessions.server.ts'
import { createClass, updateClass } from '#server/classes/classes.server.ts'
import { enrolLearner, enrolResident, listEnrolments } from '#server/classes/enrolments.server.ts'
import { classAttendances } from '#server/classes/schema.ts'
import { registerWalkIn } from '#server/classes/walk-in.server.ts'
import {
	createIdentityWard,
	createUserWithRole,
	type IdentityWard,
} from '#server/identity/testing/identity-fixtures.ts'
import { ensureLearnerForResident } from '#server/learning/class-attendance-activity.server.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import { learners, learningActivities, lessonProgress } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import { protectField } from '#server/security/personal-data.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let ward: IdentityWard
let instructorId: string
const everywhere = sql`true`
const lessonId = 'vneid-what-is'

beforeAll(async () => {
	services = await createTestServices()
	await importLearningContent(services.db)
	ward = await createIdentityWard(services)
	instructorId = (await createUserWithRole(services, ward, 'instructor')).id
})
afterAll(async () => {
	await services.close()
})

async function newClass(capacity: number) {
	const created = await createClass(services.db, {
		wardId: ward.wardId,
		createdBy: instructorId,
		form: {
			kind: 'elderly',
			title: 'Lớp dùng điện thoại cho người cao tuổi',
			place: 'Nhà văn hóa tổ 1',
			instructorId,
			capacity,
		},
	})
	if (created.outcome !== 'saved') throw new Error(created.outcome)
	const session = await addSession(services.db, {
		classId: created.id,
		form: { date: '2026-12-08', startTime: '08:00', endTime: '09:30', topic: 'Cài đặt VNeID', lessonId },
	})
	if (session.outcome !== 'added') throw new Error(session.outcome)
	return { classId: created.id, sessionId: session.id }
}

async function addResident(
	fullName: string,
	birthYear: number,
	extra: { phone?: string; personalId?: string } = {},
) {
	const phone = extra.phone ? protectField(services.keyring, 'phone', extra.phone) : null
	const pid = extra.personalId ? protectField(services.keyring, 'personalId', extra.personalId) : null
	const [row] = await services.db
		.insert(residents)
		.values({
			wardId: ward.wardId,
			residentialGroupId: ward.groups[0],
			fullName,
			searchName: foldVietnamese(fullName),
			sex: 'female',
			birthYear,
			phoneCipher: phone?.cipher,
			phoneHash: phone?.hash,
			personalIdCipher: pid?.cipher,
			personalIdHash: pid?.hash,
		})
		.returning({ id: residents.id })
	return row!.id
}

describe('enrolment', () => {
	test('stops at the capacity, also when the last places are taken at the same time', async () => {
		const { classId } = await newClass(2)
		const people = await Promise.all([1, 2, 3, 4].map((i) => addResident(`Người Học ${i}`, 1950 + i)))
		const outcomes = await Promise.all(
			people.map((residentId) =>
				enrolResident(services.db, { wardId: ward.wardId, classId, residentId, by: instructorId }),
			),
		)
		expect(outcomes.filter((o) => o === 'enrolled')).toHaveLength(2)
		expect(outcomes.filter((o) => o === 'full')).toHaveLength(2)
		expect(await listEnrolments(services.db, classId)).toHaveLength(2)
		const again = await enrolResident(services.db, {
			wardId: ward.wardId,
			classId,
			residentId: (await listEnrolments(services.db, classId))[0]!.residentId!,
			by: instructorId,
		})
		expect(again).toBe('already')
	})

	test('capacity cannot be lowered below those enrolled; a stale edit is a conflict', async () => {
		const { classId } = await newClass(3)
		for (const i of [1, 2])
			await enrolResident(services.db, {
				wardId: ward.wardId,
				classId,
				residentId: await addResident(`Học Viên ${i}`, 1960),
				by: instructorId,
			})
		const form = { kind: 'elderly' as const, title: 'Lớp A', place: 'Nhà văn hóa', instructorId, capacity: 1 }
		expect(
			await updateClass(services.db, { wardId: ward.wardId, classId, version: 1, status: 'open', form }),
		).toEqual({
			outcome: 'belowEnrolled',
			enrolled: 2,
		})
		expect(
			(
				await updateClass(services.db, {
					wardId: ward.wardId,
					classId,
					version: 1,
					status: 'open',
					form: { ...form, capacity: 2 },
				})
			).outcome,
		).toBe('saved')
		expect(
			(
				await updateClass(services.db, {
					wardId: ward.wardId,
					classId,
					version: 1,
					status: 'open',
					form: { ...form, capacity: 5 },
				})
			).outcome,
		).toBe('conflict')
	})

	test('a closed class takes nobody', async () => {
		const { classId } = await newClass(3)
		const form = { kind: 'elderly' as const, title: 'Lớp B', place: 'Nhà văn hóa', instructorId, capacity: 3 }
		await updateClass(services.db, { wardId: ward.wardId, classId, version: 1, status: 'closed', form })
		const learner = await ensureLearnerForResident(services.db, {
			wardId: ward.wardId,
			residentId: await addResident('Lê Thị Đóng', 1955),
		})
		expect(
			await enrolLearner(services.db, { classId, learnerId: learner.id, by: null, source: 'staff' }),
		).toBe('closed')
	})
})

describe('attendance', () => {
	test('is recorded once and adds the lesson taught to the learning record', async () => {
		const { classId, sessionId } = await newClass(5)
		const residentId = await addResident('Hoàng Thị Điểm', 1952)
		await enrolResident(services.db, { wardId: ward.wardId, classId, residentId, by: instructorId })
		const learner = await ensureLearnerForResident(services.db, { wardId: ward.wardId, residentId })
		expect(
			await recordTickedAttendance(services.db, {
				classId,
				sessionId,
				learnerIds: [learner.id],
				recordedBy: instructorId,
			}),
		).toBe(1)
		expect(
			await recordAttendance(services.db, {
				sessionId,
				learnerId: learner.id,
				method: 'qr',
				recordedBy: null,
			}),
		).toBe('already')
		const [attendance] = await services.db
			.select()
			.from(classAttendances)
			.where(eq(classAttendances.learnerId, learner.id))
		expect(attendance?.method).toBe('list')
		const activities = await services.db
			.select()
			.from(learningActivities)
			.where(eq(learningActivities.learnerId, learner.id))
		expect(activities).toEqual([
			expect.objectContaining({ id: attendance?.id, kind: 'classAttended', lessonId }),
		])
		const [progress] = await services.db
			.select()
			.from(lessonProgress)
			.where(and(eq(lessonProgress.learnerId, learner.id), eq(lessonProgress.lessonId, lessonId)))
		expect(progress?.status).toBe('completed')
		const roster = await listRoster(services.db, { classId, sessionId })
		expect(roster).toEqual([
			expect.objectContaining({ name: 'Hoàng Thị Điểm', enrolled: true, method: 'list' }),
		])
	})

	test('a tick for someone not enrolled in the class is ignored', async () => {
		const { classId, sessionId } = await newClass(5)
		const outsider = await ensureLearnerForResident(services.db, {
			wardId: ward.wardId,
			residentId: await addResident('Người Ngoài', 1970),
		})
		expect(
			await recordTickedAttendance(services.db, {
				classId,
				sessionId,
				learnerIds: [outsider.id],
				recordedBy: instructorId,
			}),
		).toBe(0)
	})
})

describe('walk-in registration', () => {
	const walkIn = async (
		classId: string,
		sessionId: string,
		form: Parameters<typeof registerWalkIn>[1]['form'],
	) =>
		registerWalkIn(services, {
			wardId: ward.wardId,
			scope: everywhere,
			classId,
			sessionId,
			form,
			recordedBy: instructorId,
			locale: 'vi',
		})

	test('matches a resident by name and birth year, by phone, by personal ID — and creates nobody', async () => {
		const { classId, sessionId } = await newClass(10)
		const byName = await addResident('Đặng Thị Mận', 1948)
		const byPhone = await addResident('Vũ Văn Tài', 1961, { phone: '0912000111' })
		const byId = await addResident('Ngô Thị Hoa', 1990, { personalId: '019190001122' })
		const [before] = await services.db.select({ n: count() }).from(residents)
		const r1 = await walkIn(classId, sessionId, { fullName: 'dang thi man', birthYear: 1948, sex: 'female' })
		const r2 = await walkIn(classId, sessionId, {
			fullName: 'Vũ Tài',
			birthYear: 1961,
			sex: 'male',
			phone: '+84912000111',
		})
		const r3 = await walkIn(classId, sessionId, {
			fullName: 'Ngô Hoa',
			birthYear: 1990,
			sex: 'female',
			personalId: '019190001122',
		})
		expect([r1, r2, r3]).toEqual([
			expect.objectContaining({
				outcome: 'recorded',
				residentId: byName,
				created: false,
				enrolment: 'enrolled',
			}),
			expect.objectContaining({ outcome: 'recorded', residentId: byPhone, created: false }),
			expect.objectContaining({ outcome: 'recorded', residentId: byId, created: false }),
		])
		const [after] = await services.db.select({ n: count() }).from(residents)
		expect(after?.n).toBe(before?.n)
		expect(
			await walkIn(classId, sessionId, { fullName: 'Đặng Thị Mận', birthYear: 1948, sex: 'female' }),
		).toMatchObject({
			outcome: 'already',
		})
	})

	test('creates a resident (identifiers encrypted) when nobody matches, and asks to choose between namesakes', async () => {
		const { classId, sessionId } = await newClass(10)
		const created = await walkIn(classId, sessionId, {
			fullName: 'Trịnh Văn Mới',
			birthYear: 1958,
			sex: 'male',
			phone: '0977000222',
		})
		expect(created).toMatchObject({ outcome: 'recorded', created: true })
		const [row] = await services.db
			.select({ phoneCipher: residents.phoneCipher, groupId: residents.residentialGroupId })
			.from(residents)
			.where(eq(residents.id, (created as { residentId: string }).residentId))
		expect(row?.phoneCipher).toMatch(/^v1\./)
		expect(row?.phoneCipher).not.toContain('0977000222')
		const [learner] = await services.db
			.select()
			.from(learners)
			.where(eq(learners.residentId, (created as { residentId: string }).residentId))
		expect(learner?.userId).toBeNull()

		const twin1 = await addResident('Phan Thị Trùng', 1966)
		await addResident('Phan Thị Trùng', 1966)
		const choose = await walkIn(classId, sessionId, {
			fullName: 'Phan Thị Trùng',
			birthYear: 1966,
			sex: 'female',
		})
		expect(choose).toMatchObject({ outcome: 'choose' })
		expect((choose as { candidates: unknown[] }).candidates).toHaveLength(2)
		const chosen = await walkIn(classId, sessionId, {
			fullName: 'Phan Thị Trùng',
			birthYear: 1966,
			sex: 'female',
			residentId: twin1,
		})
		expect(chosen).toMatchObject({ outcome: 'recorded', residentId: twin1, created: false })
	})

	test('a wrong phone or personal ID is refused with a Vietnamese message and changes nothing', async () => {
		const { classId, sessionId } = await newClass(10)
		const [before] = await services.db.select({ n: count() }).from(residents)
		const bad = await walkIn(classId, sessionId, {
			fullName: 'Sai Số',
			birthYear: 1970,
			sex: 'male',
			phone: '12',
			personalId: '123',
		})
		expect(bad.outcome).toBe('invalid')
		expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(['personalId', 'phone'])
		const [after] = await services.db.select({ n: count() }).from(residents)
		expect(after?.n).toBe(before?.n)
	})

	test('a full class still records the walk-in as present, without an enrolment', async () => {
		const { classId, sessionId } = await newClass(1)
		await enrolResident(services.db, {
			wardId: ward.wardId,
			classId,
			residentId: await addResident('Người Đầu', 1950),
			by: instructorId,
		})
		const late = await walkIn(classId, sessionId, {
			fullName: 'Người Đến Muộn',
			birthYear: 1951,
			sex: 'female',
		})
		expect(late).toMatchObject({ outcome: 'recorded', enrolment: 'full' })
		const roster = await listRoster(services.db, { classId, sessionId })
		expect(roster.find((r) => r.name === 'Người Đến Muộn')).toMatchObject({
			enrolled: false,
			method: 'walkIn',
		})
	})
})
