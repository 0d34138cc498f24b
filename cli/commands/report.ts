import { parseArgs } from 'node:util'
import type { Command } from '#cli/command.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { readEnv } from '#server/config/env.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { type DocumentFormat, PdfConversionUnavailable } from '#server/reports/documents/index.ts'
import { findRegularPeriod } from '#server/reports/periods.server.ts'
import { loadWardReport } from '#server/reports/ward-report.server.ts'
import { wardReportDocx, wardReportPdf, wardReportXlsx } from '#server/reports/ward-report-files.server.ts'
import { bootstrap, shutdown } from '#server/runtime/bootstrap.server.ts'
import { writeFileAtomic } from '#server/runtime/write-file-atomic.server.ts'

/** The command's work on an open database (tests call it directly). Returns the exit code. */
export async function runWardReportExport(
	db: Database,
	input: {
		kind: 'semiannual' | 'annual'
		year: number
		format: DocumentFormat
		out: string
		extension: 'docx' | 'xlsx' | 'pdf'
	},
): Promise<number> {
	const { kind, year, format, extension } = input
	const ward = await db.query.wards.findFirst()
	if (!ward) {
		console.error('Chưa có dữ liệu phường. / No ward in the database.')
		return 1
	}
	const period = await findRegularPeriod(db, ward.id, kind, year)
	if (!period) {
		console.error(
			`Chưa có kỳ ${kind === 'semiannual' ? 'báo cáo 6 tháng' : 'báo cáo năm'} ${year}: hãy mở kỳ báo cáo trên trang /bao-cao.\n` +
				`No ${kind} reporting period for ${year}: open it on /bao-cao first.`,
		)
		return 1
	}
	const view = (await loadWardReport(db, { wardId: ward.id, periodId: period.id }))!
	if (!view.figures)
		console.warn(
			`Chưa có ảnh chụp số liệu tháng ${view.info.closingMonth}: báo cáo không có bảng số liệu.\n` +
				`No snapshot for ${view.info.closingMonth}: the report has no figures table.`,
		)
	let body: Buffer | null
	try {
		body =
			extension === 'docx'
				? await wardReportDocx(view, format)
				: extension === 'xlsx'
					? await wardReportXlsx(view)
					: await wardReportPdf(view, format)
	} catch (error) {
		if (!(error instanceof PdfConversionUnavailable)) throw error
		console.error(
			'Chưa cài LibreOffice (soffice) nên không tạo được PDF; hãy xuất .docx.\n' +
				'LibreOffice (soffice) is not installed: no PDF. Export .docx instead.',
		)
		return 1
	}
	if (!body) {
		console.error('Chưa có số liệu chốt kỳ nên không có phụ lục. / No snapshot, so no annex.')
		return 1
	}
	await writeFileAtomic(input.out, body)
	await recordAudit(db, {
		actor: { userId: null, label: 'cli', wardId: ward.id },
		action: 'wardReport.exported',
		entityType: 'reportingPeriod',
		entityId: period.id,
		details: { file: extension, format, version: view.report?.version ?? 0 },
	})
	console.info(
		`${period.label} (${format === 'party' ? 'thể thức Đảng' : 'thể thức hành chính'}) → ${input.out}`,
	)
	return 0
}

const kinds = { semiannual: 'semiannual', annual: 'annual' } as const

export const reportCommand: Command = {
	summaryVi:
		'Xuất báo cáo tổng hợp 6 tháng / cả năm của phường ra Word (.docx), phụ lục Excel (.xlsx) hoặc PDF',
	summaryEn:
		"Export the ward's 6-month / annual consolidated report as Word (.docx), Excel annex (.xlsx) or PDF",
	usage: [
		'hocvuso report semiannual|annual --year 2026 --out FILE.docx [--format party|state]',
		'  --out FILE      .docx (báo cáo / the report), .xlsx (phụ lục / annex), .pdf (cần LibreOffice / needs LibreOffice)',
		'  --format party  thể thức văn bản của Đảng, HD 36-HD/VPTW (mặc định) / Party layout (default)',
		'  --format state  thể thức văn bản hành chính, NĐ 30/2020/NĐ-CP / state administrative layout',
		'  Dùng bản báo cáo đã lưu trên trang /bao-cao/phuong, nếu chưa có thì bản viết sẵn từ số liệu.',
		'  Uses the report saved on /bao-cao/phuong, or the text pre-written from the figures if none.',
	],
	async run(args) {
		const { values, positionals } = parseArgs({
			args,
			options: {
				year: { type: 'string' },
				out: { type: 'string' },
				format: { type: 'string', default: 'party' },
			},
			allowPositionals: true,
			strict: true,
		})
		const kind = Object.hasOwn(kinds, positionals[0] ?? '')
			? kinds[positionals[0] as keyof typeof kinds]
			: undefined
		const year = Number(values.year)
		const format = values.format as DocumentFormat
		const extension = values.out?.toLowerCase().match(/\.(docx|xlsx|pdf)$/)?.[1] as
			| 'docx'
			| 'xlsx'
			| 'pdf'
			| undefined
		if (
			!kind ||
			!Number.isInteger(year) ||
			year < 2000 ||
			year > 2100 ||
			!values.out ||
			!extension ||
			(format !== 'party' && format !== 'state')
		) {
			console.error(
				'Cách dùng / usage: hocvuso report semiannual|annual --year 2026 --out FILE.docx|.xlsx|.pdf [--format party|state]',
			)
			return 2
		}
		const env = readEnv()
		const services = await bootstrap({ env, demo: env.DEMO ?? false })
		try {
			return await runWardReportExport(services.db, { kind, year, format, out: values.out, extension })
		} finally {
			await shutdown(services)
		}
	},
}
