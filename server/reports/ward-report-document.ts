import type {
	AnnexSheet,
	DocumentBlock,
	DocumentFormat,
	ReportDocument,
} from '#server/reports/documents/index.ts'
import { issuerFor, type WardHeading } from '#server/reports/documents/ward-heading.ts'
import {
	type WardReportContent,
	wardReportSectionHeadings,
	wardReportSectionKeys,
} from '#server/reports/ward-report-content.ts'
import {
	formatCount,
	formatPercent,
	type ReportPeriodInfo,
	type UnitReportNarrative,
} from '#server/reports/ward-report-draft-text.ts'
import type {
	AnnexDimension,
	FigureCell,
	IndicatorFigure,
	WardReportFigures,
} from '#server/reports/ward-report-figures.server.ts'

/*
 * The ward report as an official document and its annex: the draft's words in the chosen layout, the
 * figures table from the snapshot after section II, and one annex sheet per breakdown (residential group,
 * organisation, target group) with every indicator that has that breakdown.
 */

const statusText = {
	met: 'Đã đạt',
	onTrack: 'Đúng tiến độ',
	behind: 'Chậm tiến độ',
	noData: 'Chưa có số liệu',
} as const

const reachedText = (cell: FigureCell) =>
	cell.denominator === null
		? formatCount(cell.numerator)
		: `${formatCount(cell.numerator)}/${formatCount(cell.denominator)}`

export function figuresTable(figures: WardReportFigures): Extract<DocumentBlock, { kind: 'table' }> {
	const [y, m] = figures.month.split('-')
	return {
		kind: 'table',
		caption: `Bảng: Kết quả thực hiện các chỉ tiêu (số liệu chốt tháng ${Number(m)}/${y})`,
		columns: [
			{ label: 'Chỉ tiêu', weight: 1, align: 'center' },
			{ label: 'Nội dung', weight: 6 },
			{ label: 'Kết quả', weight: 2.2, align: 'right' },
			{ label: 'Tỷ lệ', weight: 1.4, align: 'right' },
			{ label: 'Chỉ tiêu đề ra', weight: 1.4, align: 'center' },
			{ label: 'Đánh giá', weight: 1.8, align: 'center' },
		],
		rows: figures.indicators.map((f) => [
			f.code,
			f.name,
			reachedText(f),
			formatPercent(f.percent),
			f.targetText,
			statusText[f.status],
		]),
	}
}

export function wardReportDocument(input: {
	content: WardReportContent
	figures: WardReportFigures | null
	ward: WardHeading
	format: DocumentFormat
}): ReportDocument {
	const heading = issuerFor(input.format, input.ward)
	const body: DocumentBlock[] = []
	for (const key of wardReportSectionKeys) {
		body.push({ kind: 'heading', text: wardReportSectionHeadings[key] })
		const text = input.content.sections[key].trim()
		if (text) body.push({ kind: 'paragraph', text })
		if (key === 'results' && input.figures) body.push(figuresTable(input.figures))
	}
	const signer = input.content.signers[input.format]
	return {
		issuer: heading.issuer,
		symbol: heading.symbol,
		place: heading.place,
		number: input.content.number,
		date: input.content.reportDate,
		type: 'Báo cáo',
		summary: input.content.summary,
		body,
		recipients: input.content.recipients,
		signature: { authority: heading.authority, title: signer.title, name: signer.name },
	}
}

const dimensionTitles: Record<AnnexDimension, { sheet: string; title: string; column: string }> = {
	residentialGroup: {
		sheet: 'Theo tổ dân phố',
		title: 'Phụ lục 1. Kết quả theo tổ dân phố',
		column: 'Tổ dân phố',
	},
	organization: {
		sheet: 'Theo cơ quan, đơn vị',
		title: 'Phụ lục 2. Kết quả theo cơ quan, đơn vị, tổ chức',
		column: 'Cơ quan, đơn vị',
	},
	targetGroup: {
		sheet: 'Theo nhóm đối tượng',
		title: 'Phụ lục 3. Kết quả theo nhóm đối tượng',
		column: 'Nhóm đối tượng',
	},
}

function withBreakdown(figures: WardReportFigures, dimension: AnnexDimension): IndicatorFigure[] {
	return figures.indicators.filter((f) => f.breakdowns[dimension].length > 0)
}

/** Column titles of the figures units report (keys of unit-report-content.ts, in its order). */
const unitFigureLabels: [string, string][] = [
	['membersTotal', 'Số thành viên'],
	['membersTrained', 'Đã học (ít nhất 1 bài)'],
	['membersCertified', 'Có chứng nhận'],
	['classSessionsHeld', 'Buổi học đã tổ chức'],
	['outreachVisits', 'Lượt đến hộ hướng dẫn'],
	['pilotModels', 'Mô hình điểm'],
]

function unitReportsSheet(units: UnitReportNarrative[], period: ReportPeriodInfo): AnnexSheet {
	return {
		name: 'Theo báo cáo đơn vị',
		title: `Phụ lục 4. Số liệu do các đơn vị báo cáo (đã được tiếp nhận) — ${period.label}`,
		columns: [
			{ label: 'Cơ quan, đơn vị', weight: 5 },
			...unitFigureLabels.map(([, label]) => ({ label, weight: 2, align: 'right' as const })),
		],
		rows: units.map((u) => [u.unitName, ...unitFigureLabels.map(([key]) => u.figures?.[key] ?? null)]),
		notes: ['Số liệu do đơn vị báo cáo và phường tiếp nhận; hệ thống gợi ý sẵn, đơn vị có thể điều chỉnh.'],
	}
}

/**
 * The annex: the indicators overall, then one sheet per breakdown (rows: units; per indicator: reached,
 * of, %), then the accepted unit reports' own figures.
 */
export function wardReportAnnex(
	figures: WardReportFigures,
	period: ReportPeriodInfo,
	units: UnitReportNarrative[] = [],
): AnnexSheet[] {
	const [y, m] = figures.month.split('-')
	const when = `số liệu chốt tháng ${Number(m)}/${y}, ${period.label}`
	const source = `Nguồn: ảnh chụp số liệu tháng ${Number(m)}/${y} của hệ thống (tính đến hết ngày ${figures.asOf.split('-').reverse().join('/')}).`
	const overall: AnnexSheet = {
		name: 'Tổng hợp chỉ tiêu',
		title: `Kết quả thực hiện các chỉ tiêu — ${when}`,
		columns: [
			{ label: 'Chỉ tiêu', weight: 1.2 },
			{ label: 'Nội dung', weight: 7 },
			{ label: 'Số đạt', weight: 1.5, align: 'right' },
			{ label: 'Số đối tượng', weight: 1.8, align: 'right' },
			{ label: 'Tỷ lệ (%)', weight: 1.4, align: 'right' },
			{ label: 'Chỉ tiêu đề ra', weight: 1.8 },
			{ label: 'Đánh giá', weight: 2 },
		],
		rows: figures.indicators.map((f) => [
			f.code,
			f.name,
			f.numerator,
			f.denominator,
			f.percent,
			f.targetText,
			statusText[f.status],
		]),
		notes: [source],
	}
	const sheets = (Object.keys(dimensionTitles) as AnnexDimension[]).map((dimension): AnnexSheet => {
		const indicators = withBreakdown(figures, dimension)
		const keys = new Map<string, string>()
		for (const f of indicators) for (const cell of f.breakdowns[dimension]) keys.set(cell.key, cell.label)
		const units = [...keys].sort((a, b) => a[1].localeCompare(b[1], 'vi', { numeric: true }))
		return {
			name: dimensionTitles[dimension].sheet,
			title: `${dimensionTitles[dimension].title} — ${when}`,
			columns: [
				{ label: dimensionTitles[dimension].column, weight: 4 },
				...indicators.flatMap((f) => [
					{ label: `CT ${f.code}: số đạt`, weight: 1.5, align: 'right' as const },
					{ label: `CT ${f.code}: số đối tượng`, weight: 1.8, align: 'right' as const },
					{ label: `CT ${f.code}: tỷ lệ (%)`, weight: 1.5, align: 'right' as const },
				]),
			],
			rows: units.map(([key, label]) => [
				label,
				...indicators.flatMap((f) => {
					const cell = f.breakdowns[dimension].find((c) => c.key === key)
					return cell ? [cell.numerator, cell.denominator, cell.percent] : [null, null, null]
				}),
			]),
			notes: [
				source,
				...(dimension === 'organization' || dimension === 'targetGroup'
					? ['Một người có thể thuộc nhiều đơn vị, nhóm: cộng các dòng có thể lớn hơn tổng của phường.']
					: []),
			],
		}
	})
	return [overall, ...sheets, unitReportsSheet(units, period)]
}
