import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
	listCommendations,
	proposeCommendation,
	withdrawCommendation,
} from '#server/emulation/commendations.server.ts'
import {
	addManualCriterion,
	ensurePeriodCriteria,
	listCriteria,
	updateCriterion,
} from '#server/emulation/criteria.server.ts'
import type { EmulationSubject } from '#server/emulation/criterion-rules.ts'
import {
	latestManualPoints,
	listManualScores,
	recordManualScore,
} from '#server/emulation/manual-scores.server.ts'
import { computeLiveRanking, readRanking, rowsInScope } from '#server/emulation/rankings.server.ts'
import { emulationFrozenScores } from '#server/emulation/schema.ts'
import { type EmulationFixture, insertEmulationFixture } from '#server/emulation/testing/emulation-fixture.ts'
import { outreachVisits } from '#server/outreach/schema.ts'
import { households } from '#server/people/schema.ts'
import { getReportingPeriod, type ReportingPeriod } from '#server/reports/periods.server.ts'
import { reportingPeriods } from '#server/reports/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let f: EmulationFixture

beforeAll(async () => {
	services = await createTestServices()
	f = await insertEmulationFixture(services.db)
})
afterAll(async () => {
	await services.close()
})

async function period(id: string): Promise<ReportingPeriod> {
	return (await getReportingPeriod(services.db, f.wardId, id))!
}

/** The value of every criterion by code, per subject id. */
async function valuesByCode(periodId: string, subject: EmulationSubject) {
	const ranking = await computeLiveRanking(services.db, { period: await period(periodId), subject })
	const codes = new Map(ranking.criteria.map((c) => [c.id, c.code]))
	return new Map(
		ranking.rows.map((r) => [
			r.subjectId,
			Object.fromEntries(r.cells.map((c) => [codes.get(c.criterionId)!, c.value])),
		]),
	)
}

describe('computed criteria on a ward whose answers are known', () => {
	beforeAll(async () => {
		for (const id of [f.periods.firstHalf, f.periods.toMay, f.periods.year])
			for (const subject of ['unit', 'individual'] as const)
				await ensurePeriodCriteria(services.db, { period: await period(id), subject, by: null })
	})

	test('units: member shares through the indicators’ conditions, classes held, members’ visits', async () => {
		const units = await valuesByCode(f.periods.firstHalf, 'unit')
		const { agency, school, enterprise, team } = f.organizations
		expect(units.get(agency)).toEqual({
			'ty-le-chung-nhan': 50,
			'ty-le-tham-gia-hoc': 75,
			'ty-le-hoc-ai': 25,
			'buoi-hoc-to-chuc': 0,
			'luot-tham-ho': 0,
			'mo-hinh-cach-lam-hay': null,
		})
		expect(units.get(school)).toMatchObject({
			'ty-le-chung-nhan': 0,
			'ty-le-tham-gia-hoc': 100,
			'ty-le-hoc-ai': 50,
			'buoi-hoc-to-chuc': 2,
		})
		expect(units.get(enterprise)).toMatchObject({ 'ty-le-hoc-ai': 0 })
		expect(units.get(team)).toMatchObject({ 'ty-le-hoc-ai': 100, 'luot-tham-ho': 3 })
	})

	test('the period’s last day counts: a certificate revoked or a course finished later changes the share', async () => {
		const toMay = await valuesByCode(f.periods.toMay, 'unit')
		// 31/5: E certified, K revoked on 1/5, B not yet (1/6).
		expect(toMay.get(f.organizations.agency)?.['ty-le-chung-nhan']).toBe(25)
		const year = await valuesByCode(f.periods.year, 'unit')
		// G finished the AI course on 15/7.
		expect(year.get(f.organizations.enterprise)?.['ty-le-hoc-ai']).toBe(100)
		expect(year.get(f.organizations.team)?.['luot-tham-ho']).toBe(4)
	})

	test('individuals: visits, people helped, certifications confirmed, sessions taught, households accompanied', async () => {
		const people = await valuesByCode(f.periods.firstHalf, 'individual')
		const row = (
			visits: number,
			helped: number,
			certified: number,
			sessions: number,
			households: number,
		) => ({
			'luot-tham-ho': visits,
			'nguoi-duoc-ho-tro': helped,
			'xac-nhan-chung-nhan': certified,
			'buoi-giang-day': sessions,
			'ho-dai-su-so': households,
			'thanh-tich-dot-xuat': null,
		})
		expect(people.get(f.users.v1)).toEqual(row(3, 1, 1, 0, 0))
		expect(people.get(f.users.v2)).toEqual(row(1, 2, 0, 0, 1))
		expect(people.get(f.users.teacher)).toEqual(row(0, 0, 0, 2, 0))
		// Ward staff are not ranked as individuals: only field roles.
		expect(people.has(f.users.admin)).toBe(false)
	})

	test('weights and full-marks values give the totals and the ranks', async () => {
		const ranking = await computeLiveRanking(services.db, {
			period: await period(f.periods.firstHalf),
			subject: 'individual',
		})
		// v1: 3/40·10 ×1 + 1/30·10 ×2 + 1/10·10 ×2 = 0.75 + 0.66 + 2; v2: 0.25 + 1.34 + 1; teacher 2/8·10.
		expect(ranking.rows.map((r) => [r.subjectId, r.total, r.rank])).toEqual([
			[f.users.v1, 3.41, 1],
			[f.users.v2, 2.59, 2],
			[f.users.teacher, 2.5, 3],
		])
		expect(ranking.maxTotal).toBe(80)
		const criteria = await listCriteria(services.db, { periodId: f.periods.firstHalf, subject: 'individual' })
		const sessions = criteria.find((c) => c.code === 'buoi-giang-day')!
		expect(
			await updateCriterion(services.db, {
				wardId: f.wardId,
				criterionId: sessions.id,
				version: sessions.version,
				title: sessions.title,
				weight: 4,
				maxPoints: 10,
				fullAt: 2,
				by: f.users.admin,
			}),
		).toBe('saved')
		const after = await computeLiveRanking(services.db, {
			period: await period(f.periods.firstHalf),
			subject: 'individual',
		})
		expect(after.rows[0]).toMatchObject({ subjectId: f.users.teacher, total: 40, rank: 1 })
		// An edit naming an old version is refused.
		expect(
			await updateCriterion(services.db, {
				wardId: f.wardId,
				criterionId: sessions.id,
				version: sessions.version,
				title: sessions.title,
				weight: 1,
				maxPoints: 10,
				by: f.users.admin,
			}),
		).toBe('conflict')
	})
})

describe('hand scores with evidence', () => {
	test('the latest score counts, the history stays; over the maximum or outside the ranking is refused', async () => {
		const criteria = await listCriteria(services.db, { periodId: f.periods.firstHalf, subject: 'unit' })
		const manual = criteria.find((c) => c.rule.kind === 'manual')!
		const subjects = new Set(Object.values(f.organizations))
		const score = (subjectId: string, points: number, file?: boolean) =>
			recordManualScore(services.db, {
				wardId: f.wardId,
				criterionId: manual.id,
				form: {
					subjectId,
					points,
					note: 'Mô hình “Cà phê số” mỗi sáng thứ bảy',
					url: 'https://example.org/bai-viet',
				},
				file: file
					? { name: 'anh.png', type: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) }
					: undefined,
				isSubject: (id) => subjects.has(id),
				by: f.users.admin,
			})
		expect(await score(f.organizations.school, 8, true)).toMatchObject({ ok: true })
		expect(await score(f.organizations.school, 6)).toMatchObject({ ok: true })
		expect(await score(f.organizations.school, 11)).toEqual({ ok: false, reason: 'tooMany' })
		expect(await score(randomUUID(), 5)).toEqual({ ok: false, reason: 'notSubject' })
		const points = await latestManualPoints(services.db, [manual.id])
		expect(points.get(manual.id)?.get(f.organizations.school)).toBe(6)
		const history = await listManualScores(services.db, manual.id)
		expect(history.map((h) => [h.points, h.fileName])).toEqual([
			[6, null],
			[8, 'anh.png'],
		])
		const computed = criteria.find((c) => c.rule.kind !== 'manual')!
		expect(
			await recordManualScore(services.db, {
				wardId: f.wardId,
				criterionId: computed.id,
				form: { subjectId: f.organizations.school, points: 5, note: 'Không được chấm tay' },
				isSubject: () => true,
				by: f.users.admin,
			}),
		).toEqual({ ok: false, reason: 'notManual' })
		const units = await valuesByCode(f.periods.firstHalf, 'unit')
		expect(units.get(f.organizations.school)?.['mo-hinh-cach-lam-hay']).toBe(6)
		const added = await addManualCriterion(services.db, {
			period: await period(f.periods.firstHalf),
			subject: 'unit',
			code: manual.code,
			title: 'Trùng mã',
			weight: 1,
			maxPoints: 5,
			by: f.users.admin,
		})
		expect(added).toBe('duplicate')
	})
})

describe('scope', () => {
	test('a focal point sees their unit, and the individuals who are its members, with their ward-wide rank', async () => {
		const p = await period(f.periods.firstHalf)
		const units = await computeLiveRanking(services.db, { period: p, subject: 'unit' })
		const scoped = await rowsInScope(services.db, {
			subject: 'unit',
			rows: units.rows,
			organizations: [f.organizations.team],
		})
		expect(scoped.map((r) => r.subjectId)).toEqual([f.organizations.team])
		expect(scoped[0]!.rank).toBe(units.rows.find((r) => r.subjectId === f.organizations.team)!.rank)
		const people = await computeLiveRanking(services.db, { period: p, subject: 'individual' })
		const members = await rowsInScope(services.db, {
			subject: 'individual',
			rows: people.rows,
			organizations: [f.organizations.team],
		})
		expect(members.map((r) => r.subjectId)).toEqual([f.users.v1])
		expect(
			await rowsInScope(services.db, { subject: 'individual', rows: people.rows, organizations: [] }),
		).toEqual([])
		expect(
			await rowsInScope(services.db, { subject: 'unit', rows: units.rows, organizations: 'all' }),
		).toHaveLength(4)
	})
})

describe('frozen scores', () => {
	test('closing the period freezes the scores once; later data, criteria and rewrites change nothing', async () => {
		const { db } = services
		await db
			.update(reportingPeriods)
			.set({ status: 'closed', closedAt: new Date() })
			.where(eq(reportingPeriods.id, f.periods.firstHalf))
		const closed = await period(f.periods.firstHalf)
		const first = await readRanking(db, { period: closed, subject: 'individual', by: f.users.admin })
		expect(first.frozenNow).toBe(true)
		expect(first.frozenAt).toBeInstanceOf(Date)
		const before = first.rows.map((r) => [r.subjectId, r.total, r.rank])
		// More visits in the period, and a criterion changed after the close.
		const [household] = await db
			.select({ id: households.id })
			.from(households)
			.where(eq(households.wardId, f.wardId))
			.limit(1)
		await db.insert(outreachVisits).values(
			Array.from({ length: 30 }, () => ({
				id: randomUUID(),
				wardId: f.wardId,
				householdId: household!.id,
				residentialGroupId: f.groups.g2,
				volunteerUserId: f.users.v2,
				outcome: 'helped' as const,
				visitedAt: new Date('2026-06-15T09:00:00+07:00'),
				origin: 'online' as const,
			})),
		)
		const criteria = await listCriteria(db, { periodId: f.periods.firstHalf, subject: 'individual' })
		expect(
			await updateCriterion(db, {
				wardId: f.wardId,
				criterionId: criteria[0]!.id,
				version: criteria[0]!.version,
				title: 'Đổi sau khi chốt',
				weight: 10,
				maxPoints: 10,
				by: f.users.admin,
			}),
		).toBe('closed')
		const again = await readRanking(db, { period: closed, subject: 'individual', by: f.users.admin })
		expect(again.frozenNow).toBeUndefined()
		expect(again.rows.map((r) => [r.subjectId, r.total, r.rank])).toEqual(before)
		expect(again.frozenAt?.getTime()).toBe(first.frozenAt?.getTime())
		// Reopening the period does not bring live scores back.
		await db
			.update(reportingPeriods)
			.set({ status: 'open' })
			.where(eq(reportingPeriods.id, f.periods.firstHalf))
		const reopened = await readRanking(db, {
			period: await period(f.periods.firstHalf),
			subject: 'individual',
			by: null,
		})
		expect(reopened.rows.map((r) => [r.subjectId, r.total, r.rank])).toEqual(before)
		// The database refuses to rewrite or delete frozen scores.
		await expect(db.update(emulationFrozenScores).set({ total: 99 })).rejects.toThrow()
		await expect(db.delete(emulationFrozenScores)).rejects.toThrow()
		await expect(db.execute(sql`delete from emulation_freeze`)).rejects.toThrow()
		await expect(db.execute(sql`truncate emulation_frozen_score`)).rejects.toThrow()
		await db
			.update(reportingPeriods)
			.set({ status: 'closed' })
			.where(eq(reportingPeriods.id, f.periods.firstHalf))
	})
})

describe('proposed commendations', () => {
	test('picked from the ranking with its rank and total; once per subject until withdrawn', async () => {
		const p = await period(f.periods.firstHalf)
		const propose = (subjectId: string, subject: EmulationSubject = 'individual') =>
			proposeCommendation(services.db, {
				period: p,
				form: {
					subject,
					subjectId,
					award: 'peoplesCommitteeMerit',
					reason: 'Tích cực hướng dẫn người dân cài VNeID',
				},
				by: f.users.admin,
			})
		const first = await propose(f.users.v1)
		expect(first.ok).toBe(true)
		expect(await propose(f.users.v1)).toEqual({ ok: false, reason: 'duplicate' })
		expect(await propose(f.users.admin)).toEqual({ ok: false, reason: 'notRanked' })
		expect((await propose(f.organizations.school, 'unit')).ok).toBe(true)
		const list = await listCommendations(services.db, p.id)
		expect(list.map((c) => [c.subject, c.name, c.rank])).toEqual([
			['unit', 'Trường Tiểu học', list[0]!.rank],
			// Frozen after the instructor's criterion was weighted up: the instructor ranks first.
			['individual', 'Tình nguyện viên Một', 2],
		])
		expect(list[1]!.total).toBe(3.41)
		if (!first.ok) throw new Error('unreachable')
		expect(
			await withdrawCommendation(services.db, { wardId: f.wardId, id: first.id, by: f.users.admin }),
		).toBe(true)
		expect(
			await withdrawCommendation(services.db, { wardId: f.wardId, id: first.id, by: f.users.admin }),
		).toBe(false)
		expect((await listCommendations(services.db, p.id)).map((c) => c.subject)).toEqual(['unit'])
		expect((await propose(f.users.v1)).ok).toBe(true)
	})
})
