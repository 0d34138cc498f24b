import type { IndicatorSpec } from '#server/indicators/indicator-spec.ts'

/*
 * The nine targets of the plan (Part III of the 2026 plan), as every ward starts with them. Target 7
 * has two figures (100% ward officials, 80% digital ambassadors) and so two indicators, 7a and 7b.
 * Courses and tracks are those of content/tracks/*.yaml. Until a track's final assessment exists,
 * "trained" means every lesson of the track's required courses finished; the ward administrator can
 * add a certificate condition on the indicator page once certificates are issued.
 */

export interface StandardIndicator {
	code: string
	name: string
	explanation: string
	spec: IndicatorSpec
}

const planYear = { from: '2026-01-01', deadline: '2026-12-31' }
const allBreakdowns: IndicatorSpec['breakdowns'] = [
	'residentialGroup',
	'organization',
	'targetGroup',
	'sex',
	'ageBand',
]

/** Required courses of each track (content/tracks/*.yaml `completion.requiredCourses`). */
const trackCourses = {
	citizen: [
		'smartphone-internet',
		'vneid',
		'public-services',
		'cashless-payment',
		'scams-misinformation',
		'personal-data',
	],
	elderly: ['smartphone-internet', 'vneid', 'online-health', 'scams-misinformation'],
	student: ['student-digital-safety', 'personal-data', 'ai-basics'],
	publicEmployee: [
		'public-services',
		'personal-data',
		'scams-misinformation',
		'workplace-digital',
		'ai-basics',
		'ai-at-work',
	],
	enterpriseWorker: [
		'workplace-digital',
		'cashless-payment',
		'scams-misinformation',
		'personal-data',
		'ai-basics',
	],
	smallTrader: ['cashless-payment', 'trader-4t', 'scams-misinformation'],
	communityTechTeam: [
		'smartphone-internet',
		'vneid',
		'public-services',
		'cashless-payment',
		'scams-misinformation',
		'personal-data',
		'ai-basics',
		'ai-at-work',
		'community-tech-team',
	],
	digitalAmbassador: [
		'vneid',
		'public-services',
		'scams-misinformation',
		'personal-data',
		'ai-basics',
		'ai-at-work',
		'community-tech-team',
	],
} as const

const finished = (courses: readonly string[]) => ({
	kind: 'coursesFinished' as const,
	courseIds: [...courses],
	mode: 'all' as const,
})

export const standardIndicators: readonly StandardIndicator[] = [
	{
		code: '1',
		name: 'Cán bộ, công chức, viên chức khu vực công có kiến thức, kỹ năng số',
		explanation:
			'Tính trên những người thuộc nhóm "Cán bộ, công chức, viên chức và người lao động khu vực công" (đang làm việc tại cơ quan, trường học, trạm y tế trên địa bàn). Được tính là đạt khi đã học xong mọi bài của các khóa bắt buộc trong lộ trình "Cán bộ, công chức, viên chức". Chỉ tiêu: 100%.',
		spec: {
			population: [{ kind: 'targetGroup', codes: ['publicEmployee'] }],
			reached: [finished(trackCourses.publicEmployee)],
			target: { kind: 'share', percent: 100 },
			period: planYear,
			breakdowns: allBreakdowns,
		},
	},
	{
		code: '2',
		name: 'Học sinh từ cấp tiểu học có kỹ năng số và kỹ năng an toàn trên môi trường số',
		explanation:
			'Tính trên học sinh đang học tại các trường trên địa bàn, từ năm đủ 6 tuổi. Được tính là đạt khi đã học xong mọi bài của các khóa bắt buộc trong lộ trình "Học sinh" (an toàn trên mạng, bảo vệ thông tin cá nhân, dùng AI để học). Chỉ tiêu: 100%.',
		spec: {
			population: [{ kind: 'targetGroup', codes: ['student'] }],
			reached: [finished(trackCourses.student)],
			target: { kind: 'share', percent: 100 },
			period: planYear,
			breakdowns: allBreakdowns,
		},
	},
	{
		code: '3',
		name: 'Người dân trưởng thành có tri thức cơ bản về chuyển đổi số, kỹ năng số',
		explanation:
			'Tính trên mọi người dân đang cư trú từ đủ 18 tuổi (tuổi tính theo năm). Được tính là đạt khi đã học xong các khóa bắt buộc của ít nhất một lộ trình dành cho người lớn: người dân, người cao tuổi, tiểu thương "Chợ số", cán bộ, người lao động doanh nghiệp, Tổ Công nghệ số cộng đồng hoặc đại sứ số. Chỉ tiêu: 100%.',
		spec: {
			population: [{ kind: 'age', min: 18 }],
			reached: [
				{
					kind: 'anyOf',
					conditions: [
						finished(trackCourses.citizen),
						finished(trackCourses.elderly),
						finished(trackCourses.smallTrader),
						finished(trackCourses.publicEmployee),
						finished(trackCourses.enterpriseWorker),
						finished(trackCourses.communityTechTeam),
						finished(trackCourses.digitalAmbassador),
					],
				},
			],
			target: { kind: 'share', percent: 100 },
			period: planYear,
			breakdowns: allBreakdowns,
		},
	},
	{
		code: '4',
		name: 'Người trưởng thành được xác nhận đạt phổ cập kỹ năng số trên nền tảng VNeID',
		explanation:
			'Tính trên mọi người dân đang cư trú từ đủ 18 tuổi. Được tính là đạt khi phường đã ghi nhận chứng nhận đạt phổ cập kỹ năng số được xác nhận trên VNeID (danh sách nhập từ nền tảng), còn hiệu lực. Chỉ tiêu: trên 90%.',
		spec: {
			population: [{ kind: 'age', min: 18 }],
			reached: [{ kind: 'certified', bases: ['vneid'] }],
			target: { kind: 'share', percent: 90 },
			period: planYear,
			breakdowns: allBreakdowns,
		},
	},
	{
		code: '5',
		name: 'Người lao động trong doanh nghiệp, hợp tác xã có kỹ năng số',
		explanation:
			'Tính trên người đang làm việc tại doanh nghiệp, hợp tác xã trên địa bàn. Được tính là đạt khi đã học xong mọi bài của các khóa bắt buộc trong lộ trình "Người lao động doanh nghiệp, hợp tác xã". Chỉ tiêu: 100%.',
		spec: {
			population: [{ kind: 'targetGroup', codes: ['enterpriseWorker'] }],
			reached: [finished(trackCourses.enterpriseWorker)],
			target: { kind: 'share', percent: 100 },
			period: planYear,
			breakdowns: allBreakdowns,
		},
	},
	{
		code: '6',
		name: 'Thành viên Tổ Công nghệ số cộng đồng được trang bị từ cơ bản đến nâng cao',
		explanation:
			'Tính trên thành viên các Tổ Công nghệ số cộng đồng. Được tính là đạt khi đã học xong mọi khóa của lộ trình "Tổ Công nghệ số cộng đồng", gồm AI và an toàn thông tin, dữ liệu cá nhân. Chỉ tiêu: 100%.',
		spec: {
			population: [{ kind: 'targetGroup', codes: ['communityTechTeam'] }],
			reached: [finished(trackCourses.communityTechTeam)],
			target: { kind: 'share', percent: 100 },
			period: planYear,
			breakdowns: allBreakdowns,
		},
	},
	{
		code: '7a',
		name: 'Cán bộ phường được tập huấn trợ lý ảo hành chính và công cụ AI',
		explanation:
			'Tính trên người đang là cán bộ, lãnh đạo của các cơ quan phường (Đảng ủy, UBND, Mặt trận, công an phường). Được tính là đạt khi đã học xong khóa "Chuyển đổi số, AI và trợ lý ảo hành chính trong công việc". Chỉ tiêu: 100%.',
		spec: {
			population: [
				{ kind: 'membership', organizationKinds: ['agency'], membershipKinds: ['staff', 'leader'] },
			],
			reached: [finished(['ai-at-work'])],
			target: { kind: 'share', percent: 100 },
			period: planYear,
			breakdowns: allBreakdowns,
		},
	},
	{
		code: '7b',
		name: 'Đại sứ số được tập huấn trợ lý ảo hành chính và công cụ AI',
		explanation:
			'Tính trên những người phường đã chỉ định là đại sứ số. Được tính là đạt khi đã học xong khóa "Chuyển đổi số, AI và trợ lý ảo hành chính trong công việc". Chỉ tiêu: 80%.',
		spec: {
			population: [{ kind: 'targetGroup', codes: ['digitalAmbassador'] }],
			reached: [finished(['ai-at-work'])],
			target: { kind: 'share', percent: 80 },
			period: planYear,
			breakdowns: allBreakdowns,
		},
	},
	{
		code: '8',
		name: 'Người tham gia học biết sử dụng ít nhất một công cụ AI',
		explanation:
			'Tính trên người dân đã tham gia học (đã học xong ít nhất một bài). Được tính là đạt khi đã học xong khóa "Dùng trí tuệ nhân tạo (AI) an toàn - Bình dân học AI" (tìm kiếm thông minh, tạo nội dung, dịch thuật, tra cứu dịch vụ công), hoặc khi giảng viên, tình nguyện viên xác nhận đã tự làm được một bài thực hành dùng công cụ AI (dịch bằng máy ảnh, hỏi trợ lý thủ tục, nhờ AI viết nháp…). Chỉ tiêu: 60%.',
		spec: {
			population: [{ kind: 'learner', minLessons: 1 }],
			reached: [
				{
					kind: 'anyOf',
					conditions: [
						finished(['ai-basics']),
						{ kind: 'practicalTaskConfirmed', courseIds: ['ai-basics', 'ai-at-work'] },
					],
				},
			],
			target: { kind: 'share', percent: 60 },
			period: planYear,
			breakdowns: allBreakdowns,
		},
	},
	{
		code: '9',
		name: 'Mô hình điểm "Bình dân học AI"',
		explanation:
			'Đếm số mô hình điểm "Bình dân học AI" phường đang triển khai hoặc đã hoàn thành (theo danh sách mô hình điểm), tính từ ngày mô hình bắt đầu. Chỉ tiêu: tối thiểu 01 mô hình.',
		spec: {
			subject: 'pilotModels',
			models: { kinds: ['aiLiteracy'], statuses: ['active', 'completed'] },
			target: { kind: 'count', value: 1 },
			period: planYear,
			breakdowns: [],
		},
	},
]
