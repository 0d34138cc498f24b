import { data } from 'react-router'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { PdfConversionUnavailable } from '#server/reports/documents/index.ts'
import { loadWardReport } from '#server/reports/ward-report.server.ts'
import {
	type WardReportFileKind,
	wardReportDocx,
	wardReportFileName,
	wardReportPdf,
	wardReportXlsx,
} from '#server/reports/ward-report-files.server.ts'
import type { Route } from './+types/report-ward-file'

/** The files a period's report offers: `/bao-cao/phuong/:periodId/<file>`. */
const files = {
	'dang.docx': { kind: 'docx', format: 'party' },
	'chinh-quyen.docx': { kind: 'docx', format: 'state' },
	'phu-luc.xlsx': { kind: 'xlsx', format: 'party' },
	'dang.pdf': { kind: 'pdf', format: 'party' },
	'chinh-quyen.pdf': { kind: 'pdf', format: 'state' },
} as const

const contentTypes: Record<WardReportFileKind, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pdf: 'application/pdf',
}

/**
 * Downloads of the consolidated report: the stored draft (or the pre-written one) with the snapshot's
 * figures, as Word in either layout, the Excel annex, or PDF through LibreOffice. Without LibreOffice the
 * PDF answers 503 with a plain sentence, never a substitute file.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'reports.consolidate')
	const file = files[params.file as keyof typeof files]
	if (!file || !Object.hasOwn(files, params.file)) throw data(null, { status: 404 })
	const view = await loadWardReport(context.app.db, { wardId: user.wardId, periodId: params.periodId })
	if (!view) throw data(null, { status: 404 })
	let body: Buffer | null
	try {
		body =
			file.kind === 'docx'
				? await wardReportDocx(view, file.format)
				: file.kind === 'xlsx'
					? await wardReportXlsx(view)
					: await wardReportPdf(view, file.format)
	} catch (error) {
		if (error instanceof PdfConversionUnavailable)
			return new Response(
				'Máy chủ chưa cài LibreOffice nên chưa tạo được PDF. Hãy tải bản Word.\nLibreOffice is not installed on the server: no PDF.',
				{ status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
			)
		throw error
	}
	if (!body) throw data(null, { status: 404 })
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'wardReport.exported',
		entityType: 'reportingPeriod',
		entityId: view.period.id,
		details: { file: params.file, version: view.report?.version ?? 0 },
	})
	return new Response(new Uint8Array(body), {
		headers: {
			'Content-Type': contentTypes[file.kind],
			'Content-Disposition': `attachment; filename="${wardReportFileName(view, file.kind, file.format)}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
