import type { ClassifiedRow } from '#server/certification/import/certification-import.server.ts'
import { toSafeCsvField } from '#server/people/import/formula-safety.ts'

const reasonVi: Record<ClassifiedRow['status'], string> = {
	matched: '',
	alreadyCertified: '',
	duplicate: 'Trùng số định danh với một dòng phía trên',
	unmatched: 'Không có người dân nào của phường mang số định danh này',
	invalid: '',
}

/**
 * The rows that did not become certificates, as a CSV that opens in Excel (UTF-8 with BOM, CRLF), to
 * correct and import again: the personal ID as the list had it, and why the row was not used.
 */
export function unmatchedRowsCsv(rows: ClassifiedRow[]): string {
	const header = [
		'Trang tính',
		'Dòng',
		'Số định danh cá nhân',
		'Họ và tên',
		'Ngày công nhận',
		'Số chứng nhận',
		'Lý do',
	]
	const lines = rows
		.filter((row) => row.status === 'unmatched' || row.status === 'invalid' || row.status === 'duplicate')
		.map((row) =>
			[
				row.sheet,
				String(row.rowNumber),
				row.personalId ?? row.rawPersonalId ?? '',
				row.fullName,
				row.issuedOn ?? '',
				row.reference ?? '',
				row.error ?? reasonVi[row.status],
			].map((value) => toSafeCsvField(value)),
		)
	// Excel may show a personal ID as a number without its leading zero; importing the file again
	// restores it (parsePersonalIdCell), so the corrected list can come straight back.
	return `\uFEFF${[header.map((h) => toSafeCsvField(h)), ...lines].map((cells) => cells.join(',')).join('\r\n')}\r\n`
}
