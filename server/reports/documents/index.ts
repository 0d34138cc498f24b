/*
 * Official documents, reusable by any domain (the ward's consolidated report; the emulation domain's list of
 * proposed commendations; any later list or report the ward must send upwards).
 *
 *   1. Build a `ReportDocument` (document-model.ts): issuer lines, number and symbol, place and date, type
 *      ("BÁO CÁO", "DANH SÁCH", "TỜ TRÌNH"), summary, body blocks — headings, paragraphs and tables
 *      ({ kind: 'table', columns, rows }) — recipients and signature.
 *   2. `renderReportDocx(doc, 'party' | 'state')` lays it out as Hướng dẫn 36-HD/VPTW (Party bodies,
 *      "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-BC/ĐU", "T/M BAN THƯỜNG VỤ") or Nghị định 30/2020/NĐ-CP (state
 *      bodies, national title and motto, "Số: 12/BC-UBND", "TM. ỦY BAN NHÂN DÂN"): A4, Times New Roman
 *      14 pt, the prescribed margins, page numbers from page 2.
 *   3. `renderTablesXlsx(sheets)` writes the same tables as a workbook (formula-safe, numbers as numbers).
 *   4. `convertDocxToPdf(docx)` gives the PDF of that .docx through LibreOffice when it is installed; it throws
 *      `PdfConversionUnavailable` otherwise (say so to the user; never substitute another PDF).
 *   `partyIssuer` / `stateIssuer` give a ward's default title-block lines and signature for each format.
 */
export {
	convertDocxToPdf,
	findSoffice,
	PdfConversionUnavailable,
} from '#server/reports/documents/convert-docx-to-pdf.server.ts'
export {
	type DocumentBlock,
	type DocumentFormat,
	documentFormats,
	formatDocumentNumber,
	formatPlaceAndDate,
	type ReportDocument,
	type TableColumn,
} from '#server/reports/documents/document-model.ts'
export { renderReportDocx } from '#server/reports/documents/render-report-docx.server.ts'
export { type AnnexSheet, renderTablesXlsx } from '#server/reports/documents/render-tables-xlsx.server.ts'
export {
	type DocumentHeading,
	issuerFor,
	partyIssuer,
	stateIssuer,
	type WardHeading,
} from '#server/reports/documents/ward-heading.ts'
