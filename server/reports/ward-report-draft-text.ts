import type { WardReportContent } from '#server/reports/ward-report-content.ts'
import type { IndicatorFigure, WardReportFigures } from '#server/reports/ward-report-figures.server.ts'

/*
 * The first draft of the ward's report, written from the data so the office starts from facts rather
 * than a blank page: one sentence per indicator from the snapshot, and the accepted unit reports'
 * narrative gathered under the plan's headings with each unit named. Staff then edit it freely.
 */

export interface ReportPeriodInfo {
	kind: 'semiannual' | 'annual' | 'adhoc'
	year: number
	/** "6 tháng đầu năm 2026", "năm 2026"… as it reads after "Kết quả … " */
	label: string
	/** `YYYY-MM`: the month whose snapshot gives the figures. */
	closingMonth: string
	/** `YYYY-MM-DD` */
	dueDate: string
}

export interface UnitReportNarrative {
	unitName: string
	/** The figures the unit reported and the ward accepted (keys of unit-report-content.ts). */
	figures?: Record<string, number>
	results: string
	goodModels: string
	difficulties: string
	proposals: string
}

const numberVi = new Intl.NumberFormat('vi-VN')
const percentVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 1 })

export const formatCount = (n: number) => numberVi.format(n)
export const formatPercent = (p: number | null) => (p === null ? '—' : `${percentVi.format(p)}%`)

const statusVi = {
	met: 'đã đạt chỉ tiêu',
	onTrack: 'đúng tiến độ',
	behind: 'chậm so với tiến độ',
	noData: 'chưa có đối tượng để tính',
} as const

export function indicatorSentence(figure: IndicatorFigure): string {
	const reached =
		figure.denominator === null
			? `đạt ${formatCount(figure.numerator)}`
			: `đạt ${formatCount(figure.numerator)}/${formatCount(figure.denominator)} (${formatPercent(figure.percent)})`
	return `- Chỉ tiêu ${figure.code} (${figure.name}): ${reached}; chỉ tiêu ${figure.targetText}, ${statusVi[figure.status]}.`
}

/**
 * One line per distinct text, naming every unit that wrote it (units of a kind often send the same
 * sentence): "- Trường A, Trường B: …". First-seen order is kept.
 */
function gathered(
	units: UnitReportNarrative[],
	field: 'results' | 'goodModels' | 'difficulties' | 'proposals',
): string[] {
	const byText = new Map<string, string[]>()
	for (const unit of units) {
		const text = unit[field].trim().replace(/\s*\n+\s*/g, ' ')
		if (text === '') continue
		byText.set(text, [...(byText.get(text) ?? []), unit.unitName])
	}
	return [...byText].map(([text, names]) => `- ${names.join(', ')}: ${text}`)
}

/** "Phường Sông Công" → "phường Sông Công" inside a sentence. */
function inSentence(wardName: string): string {
	return wardName.replace(/^(Phường|Xã)(?=\s)/u, (word) => word.toLowerCase())
}

export function defaultWardReportContent(input: {
	wardName: string
	period: ReportPeriodInfo
	figures: WardReportFigures | null
	units: UnitReportNarrative[]
	/** How many units were due to report (accepted or not). */
	unitsDue: number
}): WardReportContent {
	const { period, figures, units } = input
	const [y, m] = period.closingMonth.split('-')
	const asOfText = figures ? `Số liệu tính đến hết ngày ${figures.asOf.split('-').reverse().join('/')}.` : ''
	const behind = figures?.indicators.filter((f) => f.status === 'behind') ?? []
	return {
		number: '',
		reportDate: null,
		summary: `Kết quả thực hiện Phong trào “Bình dân học vụ số” ${period.label} trên địa bàn ${inSentence(input.wardName)}`,
		sections: {
			leadership: [
				`Thực hiện Kế hoạch triển khai Phong trào “Bình dân học vụ số” năm ${period.year} của Ban Thường vụ Đảng ủy phường, các chi bộ, cơ quan, đơn vị, tổ chức trên địa bàn đã xây dựng kế hoạch hưởng ứng và tổ chức thực hiện.`,
				`Đã có ${formatCount(units.length)}/${formatCount(input.unitsDue)} đơn vị gửi báo cáo được tiếp nhận. Kết quả nổi bật của các đơn vị:`,
				...gathered(units, 'results'),
			].join('\n'),
			results: figures
				? [
						`Kết quả thực hiện 9 chỉ tiêu của Kế hoạch (số liệu chốt tháng ${Number(m)}/${y} trên hệ thống):`,
						...figures.indicators.map(indicatorSentence),
						asOfText,
					].join('\n')
				: `Chưa có số liệu chốt tháng ${Number(m)}/${y}.`,
			models: gathered(units, 'goodModels').join('\n'),
			difficulties: [
				...(behind.length
					? [`Các chỉ tiêu chậm so với tiến độ: ${behind.map((f) => `chỉ tiêu ${f.code}`).join(', ')}.`]
					: []),
				...gathered(units, 'difficulties'),
			].join('\n'),
			nextSteps: [
				'Tiếp tục đẩy mạnh tuyên truyền; tổ chức các lớp “Bình dân học vụ số” tại tổ dân phố, ưu tiên người cao tuổi, người khuyết tật, hộ nghèo.',
				'Phát huy vai trò Tổ Công nghệ số cộng đồng và mạng lưới “Đại sứ số” theo phương châm “đi từng ngõ, gõ từng nhà, hướng dẫn từng người”.',
				...(behind.length
					? [`Tập trung các giải pháp cho những chỉ tiêu còn chậm (${behind.map((f) => f.code).join(', ')}).`]
					: []),
			].join('\n'),
			proposals: gathered(units, 'proposals').join('\n'),
		},
		recipients: [
			'Ban Chỉ đạo tỉnh về phát triển KHCN, ĐMST và CĐS (báo cáo),',
			'Thường trực Đảng ủy,',
			'Lãnh đạo UBND phường,',
			'Ủy ban MTTQ và các đoàn thể CT-XH phường,',
			'Lưu Văn phòng Đảng ủy.',
		],
		signers: { party: { title: 'Bí thư', name: '' }, state: { title: 'Chủ tịch', name: '' } },
	}
}
