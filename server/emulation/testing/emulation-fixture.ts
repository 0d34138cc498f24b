import { randomUUID } from 'node:crypto'
import { certificates } from '#server/certification/schema.ts'
import { classSessions, communityClasses } from '#server/classes/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import {
	type IndicatorFixture,
	insertIndicatorFixture,
} from '#server/indicators/testing/indicator-fixtures.ts'
import { outreachVisitPeople, outreachVisits } from '#server/outreach/schema.ts'
import { households } from '#server/people/schema.ts'
import { ambassadorAssignments } from '#server/programmes/schema.ts'
import { reportingPeriods } from '#server/reports/schema.ts'
import { organizationMemberships } from '#server/ward/schema.ts'

/*
 * The indicators' hand-built ward (people A…K, four units) plus what emulation counts, with answers known
 * by heart for the first half of 2026 (emulation.test.ts):
 * - the agency's members are A, B, E and K; on 30/6 B (issued 1/6 by volunteer v1) and E hold a valid
 *   certificate, K's was revoked on 1/5: 50 % certified (25 % on 31/5);
 * - volunteer v1 (resident H, member of the community tech team) visits 3 times in the half-year (and once in
 *   July), helping A once; volunteer v2 (resident I) visits once, helping E and F, and as a digital
 *   ambassador accompanies one household (an earlier assignment ended in 2025);
 * - the school's class, taught by the instructor, holds 2 sessions in the half-year (one more cancelled, one
 *   in July).
 */

export interface EmulationFixture extends IndicatorFixture {
	users: { v1: string; v2: string; teacher: string; admin: string }
	periods: { firstHalf: string; toMay: string; year: string }
}

const at = (day: string) => new Date(`${day}T09:00:00+07:00`)

export async function insertEmulationFixture(db: Database, code = 'TEST-EMU'): Promise<EmulationFixture> {
	const base = await insertIndicatorFixture(db, code)
	const { wardId, people, organizations, groups } = base
	await db.insert(organizationMemberships).values([
		{ organizationId: organizations.agency, residentId: people.E!, kind: 'staff', startedOn: '2025-01-01' },
		{ organizationId: organizations.agency, residentId: people.K!, kind: 'staff', startedOn: '2025-01-01' },
	])
	const account = (username: string, displayName: string, residentId: string | null) => ({
		id: randomUUID(),
		wardId,
		username: `${code.toLowerCase()}-${username}`,
		displayName,
		residentId,
	})
	const v1 = account('v1', 'Tình nguyện viên Một', people.H!)
	const v2 = account('v2', 'Tình nguyện viên Hai', people.I!)
	const teacher = account('gv', 'Giảng viên Ba', null)
	const admin = account('qt', 'Quản trị Bốn', null)
	await db.insert(users).values([v1, v2, teacher, admin])
	await db.insert(roleAssignments).values([
		{ userId: v1.id, role: 'volunteer', scopeKind: 'residentialGroup', scopeId: groups.g1 },
		{ userId: v2.id, role: 'volunteer', scopeKind: 'residentialGroup', scopeId: groups.g2 },
		{ userId: teacher.id, role: 'instructor', scopeKind: 'ward', scopeId: null },
		{ userId: admin.id, role: 'wardAdmin', scopeKind: 'ward', scopeId: null },
	])
	const [hh1, hh2] = await db
		.insert(households)
		.values([
			{ wardId, residentialGroupId: groups.g1, code: `${code}-H1` },
			{ wardId, residentialGroupId: groups.g2, code: `${code}-H2` },
		])
		.returning({ id: households.id })
	const visit = (volunteer: typeof v1, household: string, group: string, day: string) => ({
		id: randomUUID(),
		wardId,
		householdId: household,
		residentialGroupId: group,
		volunteerUserId: volunteer.id,
		outcome: 'helped' as const,
		visitedAt: at(day),
		origin: 'online' as const,
	})
	const visits = [
		visit(v1, hh1!.id, groups.g1, '2026-02-10'),
		visit(v1, hh1!.id, groups.g1, '2026-03-10'),
		visit(v1, hh1!.id, groups.g1, '2026-05-05'),
		visit(v1, hh1!.id, groups.g1, '2026-07-10'),
		visit(v2, hh2!.id, groups.g2, '2026-04-01'),
	]
	await db.insert(outreachVisits).values(visits)
	await db.insert(outreachVisitPeople).values([
		{ visitId: visits[0]!.id, residentId: people.B!, actions: [] },
		{ visitId: visits[1]!.id, residentId: people.A!, actions: ['vneidInstalled'] },
		{ visitId: visits[3]!.id, residentId: people.B!, actions: ['vneidInstalled'] },
		{ visitId: visits[4]!.id, residentId: people.E!, actions: ['vneidInstalled'] },
		{ visitId: visits[4]!.id, residentId: people.F!, actions: ['vneidLevel2Activated'] },
	])
	await db.insert(certificates).values({
		wardId,
		residentId: people.B!,
		trackId: 'citizen',
		code: `${code}-B`,
		basis: 'oral_assessment',
		issuedOn: '2026-06-01',
		issuedBy: v1.id,
	})
	const [schoolClass] = await db
		.insert(communityClasses)
		.values({
			wardId,
			kind: 'community',
			title: 'Lớp kỹ năng số cho phụ huynh',
			place: 'Trường Tiểu học',
			instructorId: teacher.id,
			organizerOrganizationId: organizations.school,
			capacity: 30,
		})
		.returning({ id: communityClasses.id })
	const session = (day: string, status: 'scheduled' | 'cancelled' = 'scheduled') => ({
		classId: schoolClass!.id,
		startsAt: at(day),
		endsAt: new Date(at(day).getTime() + 90 * 60_000),
		topic: 'Buổi học',
		status,
	})
	await db
		.insert(classSessions)
		.values([
			session('2026-03-05'),
			session('2026-04-05', 'cancelled'),
			session('2026-06-20'),
			session('2026-07-05'),
		])
	await db.insert(ambassadorAssignments).values([
		{ wardId, ambassadorResidentId: people.I!, householdId: hh1!.id, assignedAt: at('2026-02-01') },
		{
			wardId,
			ambassadorResidentId: people.I!,
			householdId: hh2!.id,
			assignedAt: at('2025-06-01'),
			endedAt: at('2025-12-01'),
		},
	])
	const period = (kind: 'semiannual' | 'annual' | 'adhoc', label: string, endsOn: string) => ({
		wardId,
		kind,
		year: 2026,
		label,
		startsOn: '2026-01-01',
		endsOn,
		dueOn: endsOn,
	})
	const [firstHalf, toMay, year] = await db
		.insert(reportingPeriods)
		.values([
			period('semiannual', 'Báo cáo 6 tháng đầu năm 2026', '2026-06-30'),
			period('adhoc', 'Báo cáo đột xuất đến 31/5/2026', '2026-05-31'),
			period('annual', 'Báo cáo năm 2026', '2026-12-31'),
		])
		.returning({ id: reportingPeriods.id })
	return {
		...base,
		users: { v1: v1.id, v2: v2.id, teacher: teacher.id, admin: admin.id },
		periods: { firstHalf: firstHalf!.id, toMay: toMay!.id, year: year!.id },
	}
}
