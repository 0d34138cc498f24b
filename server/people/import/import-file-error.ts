/**
 * Why an uploaded file was refused as a whole, before any row was looked at. Each code is stable (pages,
 * the CLI and tests switch on it) and maps to one HTTP status; the messages are ready to show.
 */
export const importFileErrorStatus = {
	/** Neither an .xlsx workbook nor a text (CSV) file: a PDF, a picture, a Word file, random bytes… */
	notSpreadsheet: 415,
	/** An old Excel 97–2003 workbook (.xls, BIFF) or an OpenDocument / binary .xlsb workbook. */
	unsupportedWorkbookFormat: 415,
	/** An OLE compound file holding an EncryptedPackage: the workbook has an opening password. */
	encryptedWorkbook: 422,
	/** The zip container or the XML inside it cannot be read. */
	corruptWorkbook: 422,
	/** The zip declares or inflates to more than the limits allow (total size, compression ratio, entries). */
	zipBomb: 413,
	/** The file is larger than the configured upload limit. */
	fileTooLarge: 413,
	/** More data rows than the configured limit; reading stopped as soon as the limit was passed. */
	tooManyRows: 413,
	/** Every sheet is empty (or hidden, or a chart). */
	noData: 422,
	/** A CSV file whose character encoding is neither UTF-8/UTF-16 nor a legacy Vietnamese one we convert. */
	unknownEncoding: 422,
	/** No sheet has a header row naming the column the import needs (e.g. "Họ và tên" for a member list). */
	noNameColumn: 422,
} as const

export type ImportFileErrorCode = keyof typeof importFileErrorStatus

export interface ImportFileErrorMessage {
	messageVi: string
	messageEn: string
}

/** Thrown by the readers; `messageVi`/`messageEn` explain the refusal to the person who uploaded the file. */
export class ImportFileError extends Error {
	readonly status: number
	readonly messageVi: string
	readonly messageEn: string
	constructor(
		readonly code: ImportFileErrorCode,
		message: ImportFileErrorMessage,
		options?: { cause?: unknown },
	) {
		super(`Import refused (${code}): ${message.messageEn}`, options)
		this.name = 'ImportFileError'
		this.status = importFileErrorStatus[code]
		this.messageVi = message.messageVi
		this.messageEn = message.messageEn
	}
}

export function isImportFileError(error: unknown): error is ImportFileError {
	return error instanceof ImportFileError
}

/** "20971520" → "20 MB": sizes in messages people read. */
export function formatMegabytes(bytes: number): string {
	const mb = bytes / (1024 * 1024)
	return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`
}

/** 200000 → "200.000" (Vietnamese thousands separator). */
export function formatCountVi(n: number): string {
	return n.toLocaleString('vi-VN')
}

/** 200000 → "200,000". */
export function formatCountEn(n: number): string {
	return n.toLocaleString('en-US')
}
