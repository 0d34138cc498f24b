import { asc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { users } from '#server/identity/schema.ts'
import { listFocalPoints } from '#server/reports/focal-points.server.ts'
import { createReportingPeriod, setPeriodStatus } from '#server/reports/manage-periods.server.ts'
import { getReportingPeriod, type ReportingPeriod } from '#server/reports/periods.server.ts'
import { proposedPeriod } from '#server/reports/reporting-rules.ts'
import { reportUnits } from '#server/reports/schema.ts'
import { runReportReminders } from '#server/reports/send-report-reminders.server.ts'
import type { UnitReportFigures, UnitReportSections } from '#server/reports/unit-report-content.ts'
import { computeUnitsFigures } from '#server/reports/unit-report-figures.server.ts'
import { reviewUnitReport, saveUnitReport } from '#server/reports/unit-report-workflow.server.ts'
import { type OrganizationKind, organizations, wards } from '#server/ward/schema.ts'

/*
 * The demo ward's reporting year (deterministic: units in name order, states by position): the 6-month
 * period of 2026, closed, most reports accepted, a few returned or left as drafts; the annual period,
 * due 15/11/2026 and still open, with reports accepted, waiting, returned, in draft or not started —
 * so the ward's list shows units overdue and the focal points' bells hold the reminders sent.
 */

const sectionsByKind: Partial<Record<OrganizationKind, UnitReportSections>> = {
	school: {
		results:
			'Tổ chức lồng ghép nội dung kỹ năng số, an toàn trên không gian mạng vào tiết Tin học và sinh hoạt lớp; giáo viên hoàn thành khóa chuyển đổi số cơ bản.',
		goodPractices:
			'Mỗi lớp chọn một "đại sứ số nhí" hướng dẫn bạn cùng lớp và người thân cài đặt, kích hoạt VNeID.',
		difficulties: 'Phòng máy chỉ có 20 máy, nhiều máy cũ; một số phụ huynh chưa có điện thoại thông minh.',
		proposals: 'Đề nghị phường hỗ trợ bổ sung máy tính và kết nối Internet cho điểm trường lẻ.',
	},
	agency: {
		results:
			'100% cán bộ, công chức tham gia học các khóa chuyển đổi số và sử dụng trợ lý ảo hành chính; hồ sơ trực tuyến toàn trình tăng rõ rệt.',
		goodPractices: 'Tổ chức "15 phút số" đầu giờ thứ Hai hằng tuần để chia sẻ một công cụ số mới.',
		difficulties: 'Một số công chức lớn tuổi còn lúng túng khi dùng công cụ trí tuệ nhân tạo.',
		proposals: 'Đề nghị mở thêm lớp bồi dưỡng kỹ năng sử dụng AI trong công việc.',
	},
	enterprise: {
		results: 'Người lao động được hướng dẫn thanh toán không dùng tiền mặt, nhận diện lừa đảo trực tuyến.',
		goodPractices: 'Kết hợp hướng dẫn kỹ năng số vào buổi giao ca, mỗi buổi 10 phút.',
		difficulties: 'Công nhân làm theo ca, khó bố trí thời gian học tập trung.',
		proposals: 'Đề nghị phường tổ chức lớp học buổi tối tại khu nhà trọ công nhân.',
	},
	partyCell: {
		results: 'Đảng viên trong chi bộ gương mẫu tham gia học tập, hướng dẫn các hộ gia đình trong địa bàn.',
		goodPractices: 'Phân công mỗi đảng viên phụ trách hướng dẫn 3–5 hộ gia đình.',
		difficulties: 'Đảng viên cao tuổi chiếm tỷ lệ lớn, tiếp cận công nghệ chậm.',
		proposals: 'Đề nghị biên soạn tài liệu hướng dẫn chữ to, dễ hiểu cho người cao tuổi.',
	},
}
const defaultSections: UnitReportSections = {
	results:
		'Đơn vị đã phổ biến kế hoạch, vận động thành viên tham gia học tập kỹ năng số trên nền tảng của phường.',
	goodPractices: 'Thành viên đã học xong hướng dẫn lại cho người chưa biết ngay tại đơn vị.',
	difficulties: 'Thời gian học còn hạn chế do vướng công việc chuyên môn.',
	proposals: 'Đề nghị phường tiếp tục tổ chức lớp học cộng đồng vào cuối tuần.',
}

const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+07:00`)

type Plan = 'accepted' | 'submitted' | 'returned' | 'draft' | 'none'

/** The 6-month period: 7 in 10 accepted, one returned without a new submission, one draft, one nothing. */
const semiannualPlan = (i: number): Plan =>
	(['returned', 'draft', 'none'] as const)[(i % 10) - 7] ?? 'accepted'
/** The annual period, seen on 7/12/2026. */
const annualPlan = (i: number): Plan =>
	(['accepted', 'submitted', 'returned', 'draft', 'none'] as const)[i % 5] ?? 'none'

async function seedPeriod(
	db: Database,
	input: {
		period: ReportingPeriod
		plan: (index: number) => Plan
		adminId: string | null
		focalPoints: Map<string, string>
		reviewDay: string
	},
): Promise<number> {
	const { period } = input
	const units = await db
		.select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
		.from(reportUnits)
		.innerJoin(organizations, eq(organizations.id, reportUnits.organizationId))
		.where(eq(reportUnits.periodId, period.id))
		.orderBy(asc(organizations.kind), asc(organizations.name))
	const allFigures = await computeUnitsFigures(db, { organizationIds: units.map((u) => u.id), period })
	let reports = 0
	for (const [i, unit] of units.entries()) {
		// The demo focal point's own school starts the annual report empty: the demo's first task.
		const plan = input.focalPoints.has(unit.id) && period.kind === 'annual' ? 'none' : input.plan(i)
		if (plan === 'none') continue
		const actorId = input.focalPoints.get(unit.id) ?? null
		const systemFigures = allFigures.get(unit.id) as UnitReportFigures
		const sections = sectionsByKind[unit.kind] ?? defaultSections
		// Units report what they count themselves: sometimes a few more members trained than the system knows.
		const figures: UnitReportFigures = {
			...systemFigures,
			membersTrained: Math.min(systemFigures.membersTotal, systemFigures.membersTrained + (i % 3)),
		}
		const base = { period, organizationId: unit.id, figures, sections, systemFigures, actorId }
		const day = (offset: number) => {
			const d = new Date(`${period.dueOn}T00:00:00Z`)
			d.setUTCDate(d.getUTCDate() - 12 + (i % 9) + offset)
			return d.toISOString().slice(0, 10)
		}
		await saveUnitReport(db, { ...base, expectedVersion: 0, submit: false, at: at(day(0), '08:30') })
		reports++
		if (plan === 'draft') continue
		await saveUnitReport(db, { ...base, expectedVersion: 1, submit: true, at: at(day(1), '16:00') })
		if (plan === 'submitted' || !input.adminId) continue
		const review = {
			period,
			organizationId: unit.id,
			actorId: input.adminId,
			link: `/bao-cao/ky/${period.id}/don-vi/${unit.id}`,
			organizationName: unit.name,
		}
		await reviewUnitReport(db, {
			...review,
			expectedVersion: 2,
			decision: plan === 'returned' ? 'return' : 'accept',
			comment:
				plan === 'returned'
					? 'Đề nghị bổ sung số thành viên đã được cấp chứng nhận và nêu rõ khó khăn cụ thể của đơn vị.'
					: '',
			at: at(input.reviewDay, '10:00'),
		})
	}
	return reports
}

/** Seeds the demo ward's 2026 reporting periods and unit reports (once: a ward that has them is left alone). */
export async function seedDemoUnitReports(db: Database): Promise<{ periods: number; reports: number }> {
	const [ward] = await db.select({ id: wards.id }).from(wards).orderBy(asc(wards.code)).limit(1)
	if (!ward) return { periods: 0, reports: 0 }
	const accounts = await db
		.select({ id: users.id, username: users.username })
		.from(users)
		.where(eq(users.wardId, ward.id))
	const adminId = accounts.find((a) => a.username === 'quantri')?.id ?? null
	const focalPoints = new Map<string, string>()
	const orgIds = (
		await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.wardId, ward.id))
	).map((o) => o.id)
	for (const f of await listFocalPoints(db, orgIds)) focalPoints.set(f.organizationId, f.userId)

	let periods = 0
	let reports = 0
	for (const kind of ['semiannual', 'annual'] as const) {
		const proposal = proposedPeriod(
			kind,
			2026,
			kind === 'semiannual' ? { month: 5, day: 15 } : { month: 11, day: 15 },
		)
		const created = await createReportingPeriod(db, {
			wardId: ward.id,
			form: { kind, year: 2026, ...proposal },
			by: adminId,
		})
		if (!created.ok) continue
		periods++
		const period = (await getReportingPeriod(db, ward.id, created.id)) as ReportingPeriod
		const dueDay = new Date(`${period.dueOn}T00:00:00Z`)
		const review = new Date(dueDay)
		review.setUTCDate(review.getUTCDate() + 3)
		// Reminders as the daily job sent them: before the reports were reviewed, after the submissions.
		reports += await seedPeriod(db, {
			period,
			plan: kind === 'semiannual' ? semiannualPlan : annualPlan,
			adminId,
			focalPoints,
			reviewDay: review.toISOString().slice(0, 10),
		})
		for (const offset of [-7, -2, 1]) {
			const day = new Date(dueDay)
			day.setUTCDate(day.getUTCDate() + offset)
			await runReportReminders(db, { now: at(day.toISOString().slice(0, 10), '07:30') })
		}
		if (kind === 'semiannual')
			await setPeriodStatus(db, { wardId: ward.id, periodId: period.id, status: 'closed' })
	}
	return { periods, reports }
}
