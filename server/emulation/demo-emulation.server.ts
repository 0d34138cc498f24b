import { and, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { proposeCommendation } from '#server/emulation/commendations.server.ts'
import { ensurePeriodCriteria, listCriteria } from '#server/emulation/criteria.server.ts'
import type { EmulationSubject } from '#server/emulation/criterion-rules.ts'
import { computeLiveRanking, freezeScores, readRanking } from '#server/emulation/rankings.server.ts'
import { emulationManualScores } from '#server/emulation/schema.ts'
import { users } from '#server/identity/schema.ts'
import { findRegularPeriod, type ReportingPeriod } from '#server/reports/periods.server.ts'
import { wards } from '#server/ward/schema.ts'

/*
 * The demo ward's emulation: the plan's criteria on the 2026 6-month period and the annual one, hand
 * scores with their grounds for the best-placed units and people, and — when the 6-month period is closed —
 * its frozen scores and a first list of proposed commendations. Deterministic: who is scored follows the
 * computed ranking, points and notes follow the rank.
 */

const unitNotes = [
	'Duy trì mô hình “Cà phê số” sáng thứ Bảy tại nhà văn hóa, hướng dẫn người cao tuổi dùng VNeID và thanh toán không dùng tiền mặt.',
	'Tổ chức “Ngày thứ Bảy số” cho đoàn viên, hội viên; 100 % cán bộ cài đặt và dùng ứng dụng Thái Nguyên ID.',
	'Phối hợp nhà trường mở lớp kỹ năng số cho phụ huynh, có kế hoạch và biên bản từng buổi.',
	'Xây dựng nhóm Zalo hỗ trợ thủ tục hành chính trực tuyến cho người dân trên địa bàn, cập nhật hằng tuần.',
]
const individualNotes = [
	'Đi từng ngõ, gõ từng nhà hướng dẫn người dân kích hoạt VNeID mức 2, kể cả ngoài giờ hành chính.',
	'Chủ động hướng dẫn người khuyết tật và người cao tuổi nộp hồ sơ trực tuyến tại nhà.',
	'Tham gia đầy đủ các buổi học cộng đồng, hỗ trợ giảng viên hướng dẫn thực hành trên điện thoại.',
]
const commendationReasons: Record<EmulationSubject, string> = {
	unit: 'Hoàn thành xuất sắc các chỉ tiêu phổ cập kỹ năng số của đơn vị; nhiều cách làm hay được nhân rộng.',
	individual:
		'Có thành tích xuất sắc trong hỗ trợ người dân học tập kỹ năng số và sử dụng dịch vụ công trực tuyến.',
}

async function scoreByHand(
	db: Database,
	input: { period: ReportingPeriod; subject: EmulationSubject; by: string; notes: string[] },
): Promise<number> {
	const criteria = await listCriteria(db, { periodId: input.period.id, subject: input.subject })
	const manual = criteria.find((c) => c.rule.kind === 'manual')
	if (!manual) return 0
	// The best-placed on the computed criteria (in rank order, then by name) get the hand scores.
	const ranking = await computeLiveRanking(db, { period: input.period, subject: input.subject })
	const picked = ranking.rows.slice(0, input.notes.length)
	if (picked.length === 0) return 0
	const scoredAt = new Date(`${input.period.dueOn}T10:00:00+07:00`)
	await db.insert(emulationManualScores).values(
		picked.map((row, i) => ({
			criterionId: manual.id,
			subjectId: row.subjectId,
			points: Math.max(1, manual.maxPoints - i),
			note: input.notes[i]!,
			scoredBy: input.by,
			scoredAt,
		})),
	)
	return picked.length
}

/** Seeds the demo ward's emulation; a ward without 2026 reporting periods gets nothing. */
export async function seedDemoEmulation(
	db: Database,
): Promise<{ periods: number; handScores: number; commendations: number }> {
	const [ward] = await db.select({ id: wards.id }).from(wards).limit(1)
	if (!ward) return { periods: 0, handScores: 0, commendations: 0 }
	const [admin] = await db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.wardId, ward.id), eq(users.username, 'quantri')))
	const by = admin?.id ?? null
	const periods = [
		await findRegularPeriod(db, ward.id, 'semiannual', 2026),
		await findRegularPeriod(db, ward.id, 'annual', 2026),
	].filter((p): p is ReportingPeriod => p !== null)
	let handScores = 0
	let commendations = 0
	for (const period of periods) {
		for (const subject of ['unit', 'individual'] as const) {
			// A period the reports seed already closed still gets its criteria before it is frozen below.
			await ensurePeriodCriteria(db, { period: { ...period, status: 'open' }, subject, by })
			if (by)
				handScores += await scoreByHand(db, {
					period,
					subject,
					by,
					notes: subject === 'unit' ? unitNotes : individualNotes,
				})
			if (period.status !== 'closed' || !by) continue
			await freezeScores(db, { period, subject, by })
			const top = (await computeTop(db, period, subject)).slice(0, 3)
			for (const [i, subjectId] of top.entries()) {
				const proposed = await proposeCommendation(db, {
					period,
					form: {
						subject,
						subjectId,
						award: i === 0 && subject === 'unit' ? 'higherLevel' : 'peoplesCommitteeMerit',
						reason: commendationReasons[subject],
					},
					by,
				})
				if (proposed.ok) commendations++
			}
		}
	}
	return { periods: periods.length, handScores, commendations }
}

/** The frozen ranking's first subjects (freezeScores stored it just before). */
async function computeTop(db: Database, period: ReportingPeriod, subject: EmulationSubject) {
	const ranking = await readRanking(db, { period, subject, by: null })
	return ranking.rows.filter((r) => r.total > 0).map((r) => r.subjectId)
}
