import { and, asc, eq, sql } from 'drizzle-orm'
import { generateCertificateCode } from '#server/certification/certificate-code.ts'
import { certificates } from '#server/certification/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { bulkInsert } from '#server/demo/bulk-insert.server.ts'
import { createRandom } from '#server/demo/random.ts'
import { learners, learningTracks, lessonProgress } from '#server/learning/schema.ts'
import { residents, residentTargetGroups } from '#server/people/schema.ts'

/*
 * The demo ward's certificates, so target 4 ("confirmed as meeting the standard") has data from the
 * first start: learners of the demo learning history who went through their whole track hold a
 * certificate earned here (final assessment, or oral for many older people), and a deterministic share
 * of adults are certified elsewhere (national platform, VNeID) as if their lists had been imported. One
 * certificate is revoked, to show what that looks like. Who holds one is deterministic for a seed;
 * codes are random (they must never be guessable, demo or not).
 */

// The target group that decides a learner's track (same priority as the demo learning history).
const trackOfGroup: [group: string, trackId: string][] = [
	['communityTechTeam', 'community-tech-team'],
	['digitalAmbassador', 'digital-ambassador'],
	['publicEmployee', 'public-employee'],
	['student', 'student'],
	['enterpriseWorker', 'enterprise-worker'],
	['elderly', 'elderly'],
	['adultCitizen', 'citizen'],
]

export interface DemoCertificateSummary {
	earned: number
	imported: number
	revoked: number
}

export async function seedDemoCertificates(
	db: Database,
	input: { wardId: string; seed: number; today: string },
): Promise<DemoCertificateSummary> {
	const trackIds = new Set((await db.select({ id: learningTracks.id }).from(learningTracks)).map((t) => t.id))
	const random = createRandom(input.seed, 'demo-certificates')
	const rows: (typeof certificates.$inferInsert)[] = []
	const certified = new Set<string>()

	// Learners and how far they got, with the target groups that chose their track.
	const progress = await db
		.select({
			residentId: learners.residentId,
			done: sql<number>`count(*) filter (where ${lessonProgress.status} = 'completed')::int`,
			last: sql<string>`max(${lessonProgress.completedAt})::text`,
			groups: sql<
				string[]
			>`(select coalesce(array_agg(${residentTargetGroups.targetGroupCode}), '{}') from ${residentTargetGroups} where ${residentTargetGroups.residentId} = ${learners.residentId})`,
		})
		.from(learners)
		.innerJoin(lessonProgress, eq(lessonProgress.learnerId, learners.id))
		.where(and(eq(learners.wardId, input.wardId), sql`${learners.residentId} is not null`))
		.groupBy(learners.residentId)
		.orderBy(asc(learners.residentId))
	const byTrack = new Map<string, typeof progress>()
	for (const p of progress) {
		const trackId = trackOfGroup.find(([group]) => p.groups.includes(group))?.[1]
		if (!trackId || !trackIds.has(trackId)) continue
		byTrack.set(trackId, [...(byTrack.get(trackId) ?? []), p])
	}
	for (const [trackId, people] of byTrack) {
		// Finished the track = completed as many lessons as the furthest learner of that track.
		const full = Math.max(...people.map((p) => p.done))
		for (const p of people) {
			if (p.done < full || !p.residentId || !p.last) continue
			const issuedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
				new Date(p.last),
			)
			if (issuedOn > input.today) continue
			rows.push({
				wardId: input.wardId,
				residentId: p.residentId,
				trackId,
				code: generateCertificateCode(),
				basis: trackId === 'elderly' && random.chance(0.5) ? 'oral_assessment' : 'final_assessment',
				issuedOn,
			})
			certified.add(`${p.residentId}|${trackId}`)
		}
	}
	const earned = rows.length

	// Adults certified on the national platform or VNeID, recorded from the lists the ward received.
	if (trackIds.has('citizen')) {
		const adults = await db
			.select({ id: residents.id })
			.from(residents)
			.where(
				and(
					eq(residents.wardId, input.wardId),
					eq(residents.status, 'active'),
					sql`${residents.birthYear} <= ${Number(input.today.slice(0, 4)) - 18}`,
				),
			)
			.orderBy(asc(residents.id))
		const start = Date.parse('2026-03-01T00:00:00Z')
		const end = Math.max(start, Date.parse(`${input.today}T00:00:00Z`))
		let reference = 0
		for (const adult of adults) {
			const draw = random.next()
			const basis = draw < 0.06 ? 'national_platform' : draw < 0.09 ? 'vneid' : null
			if (!basis || certified.has(`${adult.id}|citizen`)) continue
			reference++
			rows.push({
				wardId: input.wardId,
				residentId: adult.id,
				trackId: 'citizen',
				code: generateCertificateCode(),
				basis,
				sourceId: `${basis === 'vneid' ? 'VNEID' : 'BDHVS'}-2026-${String(reference).padStart(6, '0')}`,
				issuedOn: new Date(start + Math.floor(random.next() * (end - start))).toISOString().slice(0, 10),
			})
		}
	}
	await bulkInsert(db, certificates, rows)

	// One revoked example: the first certificate earned here, issued to the wrong person by mistake.
	let revoked = 0
	const first = rows.find((r) => r.basis === 'final_assessment')
	if (first) {
		await db
			.update(certificates)
			.set({
				status: 'revoked',
				revokedReason: 'Cấp nhầm người (trùng tên trong tổ dân phố); đã kiểm tra lại với tổ trưởng.',
				revokedAt: new Date(`${input.today}T09:00:00+07:00`),
			})
			.where(eq(certificates.code, first.code))
		revoked = 1
	}
	return { earned, imported: rows.length - earned, revoked }
}

/** At the first start in demo mode, after the learning content and the demo learning history. */
export async function seedDemoCertificatesAtStart(db: Database, input: { seed: number }): Promise<void> {
	const ward = await db.query.wards.findFirst({ columns: { id: true } })
	if (!ward) return
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
	const summary = await seedDemoCertificates(db, { wardId: ward.id, seed: input.seed, today })
	console.info(
		`  ${summary.earned} giấy chứng nhận cấp tại phường, ${summary.imported} ghi nhận từ nền tảng quốc gia/VNeID, ${summary.revoked} đã thu hồi`,
	)
}
