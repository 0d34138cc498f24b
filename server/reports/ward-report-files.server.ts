import {
	convertDocxToPdf,
	type DocumentFormat,
	renderReportDocx,
	renderTablesXlsx,
} from '#server/reports/documents/index.ts'
import { contentOf, type WardReportView } from '#server/reports/ward-report.server.ts'
import { wardReportAnnex, wardReportDocument } from '#server/reports/ward-report-document.ts'

/*
 * The files of a ward report: the Word document in either layout, the Excel annex, the PDF of the Word
 * document. File names are ASCII (every browser and mail client keeps them) and say what and when.
 */

export type WardReportFileKind = 'docx' | 'xlsx' | 'pdf'

export function wardReportFileName(
	view: WardReportView,
	kind: WardReportFileKind,
	format: DocumentFormat,
): string {
	const what = view.info.kind === 'semiannual' ? '6-thang' : view.info.kind === 'annual' ? 'nam' : 'dot-xuat'
	const base = `bao-cao-binh-dan-hoc-vu-so-${what}-${view.info.year}`
	if (kind === 'xlsx') return `${base}-phu-luc.xlsx`
	return `${base}-${format === 'party' ? 'dang' : 'chinh-quyen'}.${kind}`
}

export function wardReportDocx(view: WardReportView, format: DocumentFormat): Promise<Buffer> {
	const doc = wardReportDocument({ content: contentOf(view), figures: view.figures, ward: view.ward, format })
	return renderReportDocx(doc, format)
}

/** The annex; null when the period has no snapshot to tabulate. */
export async function wardReportXlsx(view: WardReportView): Promise<Buffer | null> {
	return view.figures ? renderTablesXlsx(wardReportAnnex(view.figures, view.info, view.units)) : null
}

/** Throws PdfConversionUnavailable without LibreOffice. */
export async function wardReportPdf(view: WardReportView, format: DocumentFormat): Promise<Buffer> {
	return convertDocxToPdf(await wardReportDocx(view, format))
}
