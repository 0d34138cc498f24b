import { eq } from 'drizzle-orm'
import { emulationVi } from '#app/i18n/emulation.vi.ts'
import type { Database } from '#server/db/client.server.ts'
import type { Commendation } from '#server/emulation/commendations.server.ts'
import type { DocumentFormat, ReportDocument, TableColumn } from '#server/reports/documents/document-model.ts'
import { renderReportDocx } from '#server/reports/documents/render-report-docx.server.ts'
import { type AnnexSheet, renderTablesXlsx } from '#server/reports/documents/render-tables-xlsx.server.ts'
import { issuerFor } from '#server/reports/documents/ward-heading.ts'
import type { ReportingPeriod } from '#server/reports/periods.server.ts'
import { wards } from '#server/ward/schema.ts'

/*
 * The list of proposed commendations as the ward sends it: a Word "DANH SÁCH" laid out by the reports'
 * document renderer (Party or state format) and the same tables as a workbook. Always in Vietnamese: it is
 * an official document whatever language the person downloading it reads.
 */

const columns: TableColumn[] = [
	{ label: 'STT', weight: 1, align: 'center' },
	{ label: 'Tên tập thể, cá nhân', weight: 5 },
	{ label: 'Hình thức khen thưởng', weight: 4 },
	{ label: 'Hạng', weight: 1.5, align: 'center' },
	{ label: 'Tổng điểm', weight: 2, align: 'right' },
	{ label: 'Thành tích', weight: 7 },
]

const awardText = (c: Commendation) => emulationVi[`emulation.award.${c.award}`]
const points = (n: number) => new Intl.NumberFormat('vi-VN').format(n)
const dayText = (iso: string) => iso.split('-').reverse().join('/')

function tableRows(list: Commendation[]): string[][] {
	return list.map((c, i) => [String(i + 1), c.name, awardText(c), String(c.rank), points(c.total), c.reason])
}

/** The Word document (A4, Times New Roman, the chosen format's title block, number left blank to fill in). */
export async function renderCommendationsDocx(
	db: Database,
	input: { period: ReportingPeriod; commendations: Commendation[]; format: DocumentFormat; today: string },
): Promise<Buffer> {
	const [ward] = await db
		.select({ name: wards.name, kind: wards.kind, partyCommitteeName: wards.partyCommitteeName })
		.from(wards)
		.where(eq(wards.id, input.period.wardId))
	if (!ward) throw new Error('Ward of the period not found')
	const heading = issuerFor(input.format, ward)
	const units = input.commendations.filter((c) => c.subject === 'unit')
	const people = input.commendations.filter((c) => c.subject === 'individual')
	const section = (title: string, list: Commendation[]) =>
		list.length > 0
			? [
					{ kind: 'heading' as const, text: title },
					{ kind: 'table' as const, columns, rows: tableRows(list) },
				]
			: []
	const doc: ReportDocument = {
		issuer: heading.issuer,
		number: '',
		// A list, not a report: "DS" in both formats (Hướng dẫn 36-HD/VPTW; Nghị định 30/2020/NĐ-CP, Phụ lục III).
		symbol: heading.symbol.replace(/^BC/, 'DS'),
		place: heading.place,
		date: input.today,
		type: 'DANH SÁCH',
		summary: `Tập thể, cá nhân được đề nghị khen thưởng trong thực hiện Phong trào “Bình dân học vụ số” — ${input.period.label}`,
		body: [
			{
				kind: 'paragraph',
				text: `Căn cứ kết quả chấm điểm thi đua từ ngày ${dayText(input.period.startsOn)} đến ngày ${dayText(input.period.endsOn)} theo bộ tiêu chí của phường, đề nghị khen thưởng ${units.length} tập thể và ${people.length} cá nhân có thành tích xuất sắc trong thực hiện Phong trào “Bình dân học vụ số”, cụ thể như sau:`,
			},
			...section('I. TẬP THỂ', units),
			...section(units.length > 0 ? 'II. CÁ NHÂN' : 'I. CÁ NHÂN', people),
		],
		recipients: ['Như trên', 'Lưu VP'],
		signature: { authority: heading.authority, title: heading.title, name: '' },
	}
	return renderReportDocx(doc, input.format)
}

/** The same list as a workbook: one sheet for units, one for individuals, formula-safe. */
export async function renderCommendationsXlsx(input: {
	period: ReportingPeriod
	commendations: Commendation[]
}): Promise<Buffer> {
	const sheet = (name: string, title: string, list: Commendation[]): AnnexSheet => ({
		name,
		title: `${title} — ${input.period.label}`,
		columns,
		rows: list.map((c, i) => [i + 1, c.name, awardText(c), c.rank, c.total, c.reason]),
		notes: [`Điểm thi đua từ ${dayText(input.period.startsOn)} đến ${dayText(input.period.endsOn)}.`],
	})
	return renderTablesXlsx([
		sheet(
			'Tập thể',
			'Tập thể được đề nghị khen thưởng',
			input.commendations.filter((c) => c.subject === 'unit'),
		),
		sheet(
			'Cá nhân',
			'Cá nhân được đề nghị khen thưởng',
			input.commendations.filter((c) => c.subject === 'individual'),
		),
	])
}
