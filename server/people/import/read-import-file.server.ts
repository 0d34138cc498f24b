import { describeOleFile } from '#server/people/import/describe-ole-file.server.ts'
import { formatMegabytes, ImportFileError } from '#server/people/import/import-file-error.ts'
import { type ImportLimitsInput, resolveImportLimits } from '#server/people/import/import-limits.ts'
import { readCsv } from '#server/people/import/read-csv.server.ts'
import { readXlsx } from '#server/people/import/read-xlsx.server.ts'
import { repairTcvn3Workbook } from '#server/people/import/repair-tcvn3-workbook.ts'
import type { RawWorkbook } from '#server/people/import/sheet-types.ts'
import { sniffFileKind } from '#server/people/import/sniff-file-kind.ts'

export interface ReadImportFileOptions {
	/** The uploaded file's name: only used to name a CSV's single sheet. */
	fileName?: string
	limits?: ImportLimitsInput
}

function notSpreadsheet(): ImportFileError {
	return new ImportFileError('notSpreadsheet', {
		messageVi:
			'Tệp không phải bảng tính. Hãy chọn tệp Excel (.xlsx) hoặc CSV (.csv) chứa danh sách nhân khẩu.',
		messageEn:
			'The file is not a spreadsheet. Choose an Excel (.xlsx) or CSV (.csv) file with the resident list.',
	})
}

function refuseOle(bytes: Buffer): never {
	const content = describeOleFile(bytes)
	if (content === 'encryptedPackage') {
		throw new ImportFileError('encryptedWorkbook', {
			messageVi:
				'Tệp Excel có đặt mật khẩu mở tệp nên không đọc được. Hãy mở tệp bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi tải lên.',
			messageEn:
				'The Excel file has an opening password and cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and upload it again.',
		})
	}
	if (content === 'legacyWorkbook') {
		throw new ImportFileError('unsupportedWorkbookFormat', {
			messageVi:
				'Tệp là bảng tính Excel 97–2003 (.xls), chưa đọc được. Hãy mở bằng Excel và chọn Lưu thành → “Excel Workbook (.xlsx)” rồi tải lên lại.',
			messageEn:
				'The file is an Excel 97–2003 workbook (.xls), which cannot be read. Open it in Excel, Save As “Excel Workbook (.xlsx)”, and upload it again.',
		})
	}
	throw notSpreadsheet()
}

function baseName(fileName: string | undefined): string {
	const name = (fileName ?? '').split(/[\\/]/).pop() ?? ''
	return name.replace(/\.[^.]*$/, '').trim() || 'CSV'
}

/**
 * Reads an uploaded resident list (.xlsx or .csv, told apart by content) into plain rows, or throws an
 * ImportFileError saying in Vietnamese and English why the whole file is refused. Nothing is written.
 */
export async function readImportFile(
	bytes: Buffer,
	options: ReadImportFileOptions = {},
): Promise<RawWorkbook> {
	const limits = resolveImportLimits(options.limits)
	if (bytes.length > limits.maxFileBytes) {
		throw new ImportFileError('fileTooLarge', {
			messageVi: `Tệp nặng ${formatMegabytes(bytes.length)}, vượt giới hạn ${formatMegabytes(limits.maxFileBytes)}. Hãy chia danh sách thành nhiều tệp nhỏ hơn hoặc xóa các trang, hình ảnh không cần thiết.`,
			messageEn: `The file is ${formatMegabytes(bytes.length)}, over the ${formatMegabytes(limits.maxFileBytes)} limit. Split the list into smaller files or remove unneeded sheets and pictures.`,
		})
	}
	const kind = sniffFileKind(bytes)
	if (kind === 'ole') refuseOle(bytes)
	if (kind === 'binary') throw notSpreadsheet()
	const workbook: RawWorkbook =
		kind === 'zip'
			? { format: 'xlsx', ...(await readXlsx(bytes, limits)), rowCount: 0 }
			: readCsv(bytes, limits, baseName(options.fileName))
	if (workbook.format === 'xlsx') repairTcvn3Workbook(workbook)
	workbook.rowCount = workbook.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0)
	if (workbook.sheets.length === 0) {
		throw new ImportFileError('noData', {
			messageVi:
				workbook.skippedSheets.length > 0
					? `Tệp không có dữ liệu để nhập: ${workbook.skippedSheets.map((s) => `“${s.name}” (${skippedReasonVi[s.reason]})`).join(', ')}.`
					: 'Tệp không có dữ liệu để nhập.',
			messageEn:
				workbook.skippedSheets.length > 0
					? `The file has no data to import: ${workbook.skippedSheets.map((s) => `“${s.name}” (${s.reason})`).join(', ')}.`
					: 'The file has no data to import.',
		})
	}
	return workbook
}

export const skippedReasonVi = {
	empty: 'trang trống',
	hidden: 'trang bị ẩn',
	chartsheet: 'trang biểu đồ',
} as const
