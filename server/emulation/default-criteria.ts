import type { CriterionDefinition, EmulationSubject } from '#server/emulation/criterion-rules.ts'

/*
 * The criteria a new period starts with, drawn from the plan (seed Part III targets and Part IV.2.2): a
 * ward edits weights, maxima and full-marks values per period, and adds hand-scored criteria. Full-marks
 * values follow the plan's targets where it has one (over 90 % certified, 60 % using AI); counts are a
 * starting point for a ward of about 10,000 people over a year.
 */

const unitDefaults: CriterionDefinition[] = [
	{
		code: 'ty-le-chung-nhan',
		title: 'Tỷ lệ thành viên được chứng nhận đạt chuẩn phổ cập kỹ năng số',
		weight: 3,
		maxPoints: 10,
		rule: { kind: 'memberShare', reached: [{ kind: 'certified' }], fullAt: 90 },
	},
	{
		code: 'ty-le-tham-gia-hoc',
		title: 'Tỷ lệ thành viên tham gia học tập kỹ năng số',
		weight: 2,
		maxPoints: 10,
		rule: { kind: 'memberShare', reached: [{ kind: 'learner', minLessons: 1 }], fullAt: 100 },
	},
	{
		code: 'ty-le-hoc-ai',
		title: 'Tỷ lệ thành viên học xong khóa “Dùng trí tuệ nhân tạo (AI) an toàn”',
		weight: 1,
		maxPoints: 10,
		rule: {
			kind: 'memberShare',
			reached: [{ kind: 'coursesFinished', courseIds: ['ai-basics'], mode: 'any' }],
			fullAt: 60,
		},
	},
	{
		code: 'buoi-hoc-to-chuc',
		title: 'Số buổi học cộng đồng đơn vị tổ chức',
		weight: 1,
		maxPoints: 10,
		rule: { kind: 'classSessionsHeld', fullAt: 6 },
	},
	{
		code: 'luot-tham-ho',
		title: 'Lượt thăm hộ, hỗ trợ tận nhà của thành viên',
		weight: 1,
		maxPoints: 10,
		rule: { kind: 'memberVisits', fullAt: 50 },
	},
	{
		code: 'mo-hinh-cach-lam-hay',
		title: 'Mô hình, cách làm hay được nhân rộng (chấm theo minh chứng)',
		weight: 2,
		maxPoints: 10,
		rule: { kind: 'manual' },
	},
]

const individualDefaults: CriterionDefinition[] = [
	{
		code: 'luot-tham-ho',
		title: 'Lượt thăm hộ, hỗ trợ tận nhà',
		weight: 1,
		maxPoints: 10,
		rule: { kind: 'visits', fullAt: 40 },
	},
	{
		code: 'nguoi-duoc-ho-tro',
		title: 'Số người được hướng dẫn, hỗ trợ',
		weight: 2,
		maxPoints: 10,
		rule: { kind: 'peopleHelped', fullAt: 30 },
	},
	{
		code: 'xac-nhan-chung-nhan',
		title: 'Số người được xác nhận đạt chuẩn phổ cập kỹ năng số',
		weight: 2,
		maxPoints: 10,
		rule: { kind: 'certificationsConfirmed', fullAt: 10 },
	},
	{
		code: 'buoi-giang-day',
		title: 'Số buổi giảng dạy lớp học cộng đồng',
		weight: 1,
		maxPoints: 10,
		rule: { kind: 'sessionsTaught', fullAt: 8 },
	},
	{
		code: 'ho-dai-su-so',
		title: 'Số hộ được đại sứ số đồng hành',
		weight: 1,
		maxPoints: 10,
		rule: { kind: 'householdsAccompanied', fullAt: 10 },
	},
	{
		code: 'thanh-tich-dot-xuat',
		title: 'Thành tích xuất sắc hoặc đột xuất (chấm theo minh chứng)',
		weight: 1,
		maxPoints: 10,
		rule: { kind: 'manual' },
	},
]

/** The default criteria for a subject (fresh copies: callers may change them). */
export function defaultCriteria(subject: EmulationSubject): CriterionDefinition[] {
	return structuredClone(subject === 'unit' ? unitDefaults : individualDefaults)
}
