import { and, asc, eq, inArray, isNull, like, lte } from 'drizzle-orm'
import { recordAttendance } from '#server/classes/attendance.server.ts'
import { vietnamInstant } from '#server/classes/class-form-schemas.ts'
import { classEnrolments, classMaterials, classSessions, communityClasses } from '#server/classes/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { bulkInsert } from '#server/demo/bulk-insert.server.ts'
import { createRandom, type Random } from '#server/demo/random.ts'
import { users } from '#server/identity/schema.ts'
import { learners, learningLessons } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'
import { organizationMemberships, organizations, residentialGroups, wards } from '#server/ward/schema.ts'

/*
 * The demo ward's community classes (issue 7): a class for older people, a 4T "Chợ số" class (the demo
 * learner, a small trader, is enrolled), a party-cell session series and a class for people with
 * disabilities; each with two past sessions with attendance (which feeds the learning record), one today
 * and one next week. Who is enrolled and who came is deterministic for a seed; dates follow today.
 */

const addDays = (date: string, days: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

async function learnerIdsFor(db: Database, wardId: string, residentIds: string[], ids: Random) {
	if (residentIds.length === 0) return []
	const existing = await db
		.select({ id: learners.id, residentId: learners.residentId })
		.from(learners)
		.where(inArray(learners.residentId, residentIds))
	const byResident = new Map(existing.map((l) => [l.residentId, l.id]))
	const missing = residentIds
		.filter((r) => !byResident.has(r))
		.map((residentId) => ({ id: ids.uuid(), wardId, residentId }))
	await bulkInsert(db, learners, missing)
	for (const m of missing) byResident.set(m.residentId, m.id)
	return residentIds.map((r) => byResident.get(r) as string)
}

export async function seedDemoClasses(db: Database, input: { seed: number; today: string }) {
	const [ward] = await db.select({ id: wards.id, name: wards.name }).from(wards).limit(1)
	const [instructor] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'giangvien'))
	const [learnerAccount] = await db
		.select({ residentId: users.residentId })
		.from(users)
		.where(eq(users.username, 'hocvien'))
	if (!ward || !instructor) return { classes: 0, attendances: 0 }
	const random = createRandom(input.seed, 'demo-classes')
	const [group] = await db
		.select({ id: residentialGroups.id, name: residentialGroups.name })
		.from(residentialGroups)
		.where(eq(residentialGroups.wardId, ward.id))
		.orderBy(asc(residentialGroups.sortOrder))
		.limit(1)
	const [partyCell] = await db
		.select({ id: organizations.id, name: organizations.name })
		.from(organizations)
		.where(and(eq(organizations.wardId, ward.id), eq(organizations.kind, 'partyCell')))
		.orderBy(asc(organizations.name))
		.limit(1)
	const lessons = await db
		.select({ id: learningLessons.id, courseId: learningLessons.courseId })
		.from(learningLessons)
		.where(eq(learningLessons.status, 'published'))
		.orderBy(asc(learningLessons.courseId), asc(learningLessons.position))
	// The first lessons of the course the class follows (none if the content is not there).
	const pickLessons = (courseId: string) =>
		lessons
			.filter((l) => l.courseId === courseId)
			.slice(0, 3)
			.map((l) => l.id)
	const year = Number(input.today.slice(0, 4))
	const active = and(eq(residents.wardId, ward.id), eq(residents.status, 'active'))
	const take = <T>(rows: T[], n: number) => rows.filter(() => random.chance(0.6)).slice(0, n)
	const elderly = await db
		.select({ id: residents.id })
		.from(residents)
		.where(
			and(active, eq(residents.residentialGroupId, group?.id ?? ''), lte(residents.birthYear, year - 60)),
		)
		.orderBy(asc(residents.id))
	const farmers = await db
		.select({ id: residents.id })
		.from(residents)
		.innerJoin(organizationMemberships, eq(organizationMemberships.residentId, residents.id))
		.innerJoin(organizations, eq(organizations.id, organizationMemberships.organizationId))
		.where(and(active, like(organizations.name, 'Hội Nông dân%'), isNull(organizationMemberships.endedOn)))
		.orderBy(asc(residents.id))
	const partyMembers = partyCell
		? await db
				.select({ id: residents.id })
				.from(residents)
				.innerJoin(organizationMemberships, eq(organizationMemberships.residentId, residents.id))
				.where(
					and(
						active,
						eq(organizationMemberships.organizationId, partyCell.id),
						isNull(organizationMemberships.endedOn),
					),
				)
				.orderBy(asc(residents.id))
		: []
	const disabled = await db
		.select({ id: residents.id })
		.from(residents)
		.where(and(active, eq(residents.hasDisability, true)))
		.orderBy(asc(residents.id))
	const market = take(farmers, 19).map((r) => r.id)
	if (learnerAccount?.residentId && !market.includes(learnerAccount.residentId))
		market.unshift(learnerAccount.residentId)
	const specs = [
		{
			kind: 'elderly' as const,
			title: `Lớp dùng điện thoại thông minh cho người cao tuổi – ${group?.name ?? ward.name}`,
			place: `Nhà văn hóa ${group?.name ?? ward.name}`,
			capacity: 25,
			hour: '08:00',
			end: '09:30',
			people: take(elderly, 18).map((r) => r.id),
			lessons: pickLessons('vneid'),
			organizer: null,
		},
		{
			kind: 'digitalMarket' as const,
			title: 'Lớp 4T “Chợ số – Nông thôn số” cho tiểu thương, nông dân',
			place: `Ban quản lý chợ ${ward.name}`,
			capacity: 30,
			hour: '14:00',
			end: '15:30',
			people: market,
			lessons: pickLessons('trader-4t'),
			organizer: null,
		},
		{
			kind: 'partyCell' as const,
			title: `Sinh hoạt chuyên đề “Đảng viên tiên phong học tập kỹ năng số” – ${partyCell?.name ?? ward.name}`,
			place: 'Hội trường Đảng ủy phường',
			capacity: 40,
			hour: '19:30',
			end: '21:00',
			people: take(partyMembers, 25).map((r) => r.id),
			lessons: pickLessons('ai-basics'),
			organizer: partyCell?.id ?? null,
		},
		{
			kind: 'disability' as const,
			title: 'Lớp kỹ năng số cho người khuyết tật',
			place: `Nhà văn hóa ${group?.name ?? ward.name}`,
			capacity: 15,
			hour: '09:00',
			end: '10:30',
			people: take(disabled, 10).map((r) => r.id),
			lessons: pickLessons('smartphone-internet'),
			organizer: null,
		},
	]
	const ids = createRandom(input.seed, 'demo-class-ids')
	const newLearnerIds = createRandom(input.seed, 'demo-class-learners')
	let attendances = 0
	for (const spec of specs) {
		const classId = ids.uuid()
		await db.insert(communityClasses).values({
			id: classId,
			wardId: ward.id,
			kind: spec.kind,
			title: spec.title,
			place: spec.place,
			instructorId: instructor.id,
			organizerOrganizationId: spec.organizer,
			capacity: spec.capacity,
			createdBy: instructor.id,
		})
		await bulkInsert(
			db,
			classMaterials,
			spec.lessons.map((lessonId, position) => ({
				id: ids.uuid(),
				classId,
				lessonId,
				position: position + 1,
			})),
		)
		const sessions = [-14, -7, 0, 7].map((offset, i) => {
			const date = addDays(input.today, offset)
			return {
				id: ids.uuid(),
				classId,
				startsAt: vietnamInstant(date, spec.hour),
				endsAt: vietnamInstant(date, spec.end),
				topic: `Buổi ${i + 1}: ${['Làm quen với điện thoại và ứng dụng', 'VNeID và dịch vụ công trực tuyến', 'Thanh toán số an toàn', 'Nhận biết lừa đảo trên mạng'][i]}`,
				lessonId: spec.lessons[i % Math.max(1, spec.lessons.length)] ?? null,
				past: offset < 0,
			}
		})
		await bulkInsert(
			db,
			classSessions,
			sessions.map(({ past: _past, ...s }) => s),
		)
		const people = spec.people.slice(0, spec.capacity)
		const learnerIds = await learnerIdsFor(db, ward.id, people, newLearnerIds)
		await bulkInsert(
			db,
			classEnrolments,
			learnerIds.map((learnerId) => ({
				id: ids.uuid(),
				classId,
				learnerId,
				source: 'staff' as const,
				enrolledBy: instructor.id,
			})),
		)
		for (const session of sessions.filter((s) => s.past))
			for (const learnerId of learnerIds) {
				if (!random.chance(0.75)) continue
				const method =
					spec.kind === 'elderly' || spec.kind === 'disability' ? 'list' : random.chance(0.6) ? 'qr' : 'list'
				await recordAttendance(db, {
					sessionId: session.id,
					learnerId,
					method,
					recordedBy: instructor.id,
					at: new Date(session.startsAt.getTime() + random.int(0, 20) * 60_000),
				})
				attendances++
			}
	}
	return { classes: specs.length, attendances }
}
