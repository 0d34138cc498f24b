import { ImportFileError } from '#server/people/import/import-file-error.ts'
import type { ImportLimits } from '#server/people/import/import-limits.ts'
import { readXlsxSheet } from '#server/people/import/read-xlsx-sheet.server.ts'
import { createRowBudget } from '#server/people/import/row-budget.ts'
import type { RawRow, RawSheet, ReadWarning, SkippedSheet } from '#server/people/import/sheet-types.ts'
import {
	parseRelationshipsXml,
	parseSharedStrings,
	parseStylesXml,
	parseWorkbookXml,
	resolvePartPath,
} from '#server/people/import/xlsx-parts.server.ts'
import { openZipArchive, type ZipArchive } from '#server/people/import/zip-archive.server.ts'

export interface XlsxReadResult {
	sheets: RawSheet[]
	skippedSheets: SkippedSheet[]
	warnings: ReadWarning[]
}

function unsupported(kindVi: string, kindEn: string): ImportFileError {
	return new ImportFileError('unsupportedWorkbookFormat', {
		messageVi: `Tệp là ${kindVi}, chưa đọc được. Hãy mở bằng Excel hoặc LibreOffice và lưu thành “Excel Workbook (.xlsx)”.`,
		messageEn: `The file is ${kindEn}, which cannot be read. Open it in Excel or LibreOffice and save it as “Excel Workbook (.xlsx)”.`,
	})
}

/** Where the workbook part is (the package's officeDocument relationship, normally xl/workbook.xml). */
async function findWorkbookPart(zip: ZipArchive): Promise<string> {
	const rootRels = await zip.readText('_rels/.rels')
	const target = rootRels
		? [...parseRelationshipsXml(rootRels).values()].find((r) => r.type === 'officeDocument')?.target
		: undefined
	const path = target ? resolvePartPath('', target) : 'xl/workbook.xml'
	if (zip.has(path) && path.endsWith('.xml')) return path
	if (path.endsWith('.bin') || zip.has('xl/workbook.bin')) {
		throw unsupported('bảng tính Excel dạng nhị phân (.xlsb)', 'a binary Excel workbook (.xlsb)')
	}
	if (zip.has('mimetype') && zip.has('content.xml')) {
		throw unsupported('bảng tính OpenDocument (.ods)', 'an OpenDocument spreadsheet (.ods)')
	}
	throw new ImportFileError('notSpreadsheet', {
		messageVi:
			'Tệp là một tệp nén nhưng không phải bảng tính Excel (.xlsx). Hãy chọn tệp danh sách dạng .xlsx hoặc .csv.',
		messageEn:
			'The file is a zip archive but not an Excel workbook (.xlsx). Choose the list as an .xlsx or .csv file.',
	})
}

function folderOf(path: string): string {
	return path.slice(0, path.lastIndexOf('/') + 1)
}

function relsPathOf(path: string): string {
	return `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`
}

function formulaWarning(sheet: RawSheet, withoutValue: number): ReadWarning[] {
	const warnings: ReadWarning[] = []
	if (sheet.formulaCellCount > 0) {
		warnings.push({
			code: 'formulas',
			sheetName: sheet.name,
			messageVi: `Trang “${sheet.name}” có ${sheet.formulaCellCount} ô chứa công thức: đã dùng giá trị Excel tính sẵn, công thức không được nhập.`,
			messageEn: `Sheet “${sheet.name}” has ${sheet.formulaCellCount} formula cells: their values as last computed by Excel were used; formulas are not imported.`,
		})
	}
	if (withoutValue > 0) {
		warnings.push({
			code: 'formulaWithoutCachedValue',
			sheetName: sheet.name,
			messageVi: `Trang “${sheet.name}” có ${withoutValue} ô công thức chưa có giá trị (tệp không được Excel tính lại trước khi lưu): các ô này được coi là trống. Hãy mở bằng Excel, lưu lại rồi tải lên.`,
			messageEn: `Sheet “${sheet.name}” has ${withoutValue} formula cells with no computed value (the file was not recalculated before saving): they are treated as empty. Open it in Excel, save, and upload again.`,
		})
	}
	return warnings
}

/**
 * Reads every visible worksheet of an .xlsx held in memory into plain rows, refusing zip bombs, corrupt
 * packages and files with more rows than `limits.maxRows` (stopping as soon as the limit is passed).
 */
export async function readXlsx(buffer: Buffer, limits: ImportLimits): Promise<XlsxReadResult> {
	const zip = await openZipArchive(buffer, limits)
	try {
		const workbookPath = await findWorkbookPart(zip)
		const workbook = parseWorkbookXml((await zip.readText(workbookPath)) ?? '')
		const rels = parseRelationshipsXml((await zip.readText(relsPathOf(workbookPath))) ?? '<Relationships/>')
		const parts = [...rels.values()].map((r) => ({
			...r,
			path: resolvePartPath(folderOf(workbookPath), r.target),
		}))
		const stylesPath = parts.find((p) => p.type === 'styles')?.path
		const stringsPath = parts.find((p) => p.type === 'sharedStrings')?.path
		const stylesXml = stylesPath ? await zip.readText(stylesPath) : undefined
		const dateStyles = stylesXml ? parseStylesXml(stylesXml) : []
		const sharedStrings =
			stringsPath && zip.has(stringsPath) ? await parseSharedStrings(await zip.openStream(stringsPath)) : []

		const result: XlsxReadResult = { sheets: [], skippedSheets: [], warnings: [] }
		const budget = createRowBudget(limits.maxRows)
		let columnsTruncated = false
		for (const entry of workbook.sheets) {
			const rel = rels.get(entry.relationshipId)
			const path = rel ? resolvePartPath(folderOf(workbookPath), rel.target) : undefined
			if (rel?.type !== 'worksheet' || !path || !zip.has(path)) {
				result.skippedSheets.push({ name: entry.name, reason: 'chartsheet' })
				continue
			}
			if (entry.state !== 'visible' && !limits.includeHiddenSheets) {
				result.skippedSheets.push({ name: entry.name, reason: 'hidden' })
				continue
			}
			const rows: RawRow[] = []
			budget.startSheet()
			const read = await readXlsxSheet(await zip.openStream(path), {
				sharedStrings,
				dateStyles,
				date1904: workbook.date1904,
				maxColumns: limits.maxColumns,
				onRow(row) {
					budget.addRow()
					rows.push(row)
				},
			})
			columnsTruncated ||= read.columnsTruncated
			const sheet: RawSheet = {
				name: entry.name,
				state: entry.state,
				rows,
				merges: read.merges,
				formulaCellCount: read.formulaCellCount,
			}
			if (rows.length === 0) result.skippedSheets.push({ name: entry.name, reason: 'empty' })
			else result.sheets.push(sheet)
			result.warnings.push(...formulaWarning(sheet, read.formulasWithoutCachedValue))
		}
		if (columnsTruncated) {
			result.warnings.push({
				code: 'columnsTruncated',
				messageVi: `Chỉ đọc ${limits.maxColumns} cột đầu tiên của mỗi trang; các ô xa hơn bên phải bị bỏ qua.`,
				messageEn: `Only the first ${limits.maxColumns} columns of each sheet were read; cells further right were ignored.`,
			})
		}
		return result
	} finally {
		zip.close()
	}
}
