import { formatCountEn, formatCountVi, ImportFileError } from '#server/people/import/import-file-error.ts'

/** Title and header rows a sheet may have above its data without counting against the row limit. */
export const HEADER_ROWS_ALLOWANCE = 20

export interface RowBudget {
	/** Call before reading each sheet. */
	startSheet(): void
	/** Call for each non-empty row read; throws `tooManyRows` as soon as the limit is passed. */
	addRow(): void
	readonly rows: number
}

export function tooManyRowsError(maxRows: number): ImportFileError {
	const vi = formatCountVi(maxRows)
	const en = formatCountEn(maxRows)
	return new ImportFileError('tooManyRows', {
		messageVi: `Tệp có hơn ${vi} dòng dữ liệu, vượt giới hạn ${vi} dòng cho một lần nhập. Hãy chia danh sách thành nhiều tệp nhỏ hơn (ví dụ theo tổ dân phố).`,
		messageEn: `The file has more than ${en} data rows, over the limit of ${en} rows per import. Split the list into smaller files (for example by residential group).`,
	})
}

/**
 * Counts rows while a file is being read, so a file with a million rows is refused after reading a little
 * more than the limit, not after loading it all.
 */
export function createRowBudget(maxRows: number): RowBudget {
	let rows = 0
	let sheets = 0
	return {
		startSheet() {
			sheets++
		},
		addRow() {
			rows++
			if (rows > maxRows + HEADER_ROWS_ALLOWANCE * Math.max(sheets, 1)) throw tooManyRowsError(maxRows)
		},
		get rows() {
			return rows
		},
	}
}
