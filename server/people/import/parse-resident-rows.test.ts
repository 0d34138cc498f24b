import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildErrorWorkbook, ERROR_SHEET_NAME } from '#server/people/import/build-error-workbook.server.ts'
import {
	classifyResidentRows,
	type ExistingResident,
	type ResidentMatchKey,
} from '#server/people/import/classify-resident-rows.ts'
import type { SheetColumnMapping } from '#server/people/import/column-mapping.ts'
import { createRowCellsLookup } from '#server/people/import/display-cell.ts'
import { markDuplicateRows } from '#server/people/import/find-duplicate-rows.ts'
import { parseResidentSheet } from '#server/people/import/parse-resident-sheet.ts'
import type { RejectedResidentRow, ValidResidentRow } from '#server/people/import/resident-import-record.ts'
import type { CellValue, RawSheet } from '#server/people/import/sheet-types.ts'

const today = '2026-11-24'
const header = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số định danh', 'Số hộ', 'Điện thoại']
const mapping: SheetColumnMapping = {
	sheetName: 'Tổ 5',
	headerRowNumbers: [1],
	firstDataRowNumber: 2,
	columns: { fullName: 0, sex: 1, birthDate: 2, personalId: 3, householdCode: 4, phone: 5 },
	residentialGroup: 'Tổ dân phố số 5',
	include: true,
}

function sheet(rows: CellValue[][], name = 'Tổ 5'): RawSheet {
	return {
		name,
		state: 'visible',
		rows: [header, ...rows].map((cells, i) => ({ number: i + 1, cells })),
		merges: [],
		formulaCellCount: 0,
	}
}

function parseOne(row: CellValue[]) {
	return parseResidentSheet(sheet([row]), mapping, { today }).rows[0]!
}

function errorCodes(row: CellValue[]): string[] {
	const parsed = parseOne(row)
	return parsed.status === 'rejected' ? parsed.errors.map((e) => `${e.column}:${e.code}`) : []
}

describe('parseResidentSheet row by row', () => {
	it('accepts a complete row and gives the group from the sheet', () => {
		const row = parseOne(['Nguyễn Văn An', 'Nam', '05/03/1956', '019056001234', 'H1', '0912345678'])
		expect(row).toMatchObject({
			status: 'valid',
			rowNumber: 2,
			record: {
				fullName: 'Nguyễn Văn An',
				sex: 'male',
				birthDate: '1956-03-05',
				residentialGroup: 'Tổ dân phố số 5',
			},
		})
	})

	it.each<[string, CellValue[], string[]]>([
		['name missing', [null, 'Nam', '1956', null, 'H1', null], ['A:fullNameMissing']],
		['sex missing and no ID', ['Lê Văn Bình', null, '1956', null, 'H1', null], ['B:sexMissing']],
		['birth missing and no ID', ['Lê Văn Bình', 'Nam', null, null, 'H1', null], ['C:birthDateMissing']],
		['ID says female', ['Lê Văn Bình', 'Nam', '1956', '019156001234', 'H1', null], ['D:sexMismatch']],
		[
			'ID says another year',
			['Lê Văn Bình', 'Nam', '1957', '019056001234', 'H1', null],
			['D:birthYearMismatch'],
		],
		['bad phone', ['Lê Văn Bình', 'Nam', '1956', null, 'H1', '12345'], ['F:phoneInvalid']],
		['formula error', ['Lê Văn Bình', 'Nam', '#REF!', null, 'H1', null], ['C:formulaError']],
		[
			'several problems at once',
			['Lê 2', 'X', '31/02/1990', '123456789', 'H1', null],
			['A:fullNameInvalid', 'B:sexInvalid', 'C:birthDateInvalid', 'D:oldIdCardNumber'],
		],
	])('%s', (_label, row, expected) => {
		expect(errorCodes(row)).toEqual(expected)
	})

	it('takes sex and birth year from the personal ID when the sheet lacks them, and says so', () => {
		const row = parseOne(['Lê Thị Cúc', null, null, '019162001234', 'H1', null]) as ValidResidentRow
		expect(row.record).toMatchObject({ sex: 'female', birthYear: 1962 })
		expect(row.notes.map((n) => n.code)).toEqual(['sexFromPersonalId', 'birthYearFromPersonalId'])
	})

	it('rejects rows with the sheet name, Excel row number, column and Vietnamese reason', () => {
		const row = parseOne(['Lê Văn Bình', 'Nam', '1956', '019156001234', 'H1', null]) as RejectedResidentRow
		expect(row).toMatchObject({ sheetName: 'Tổ 5', rowNumber: 2, status: 'rejected' })
		expect(row.errors[0]).toMatchObject({ column: 'D', field: 'personalId' })
		expect(row.errors[0]!.messageVi).toContain('giới tính Nữ')
		expect(row.cells).toEqual(['Lê Văn Bình', 'Nam', '1956', '019156001234', 'H1', ''])
	})

	it('puts members under the head listed above them when there is no household number', () => {
		const raw = sheet([
			['Nguyễn Văn An', 'Nam', '1956', null, null, null, 'Chủ hộ'],
			['Trần Thị Bình', 'Nữ', '1958', null, null, null, 'Vợ'],
			['Phạm Văn Chung', 'Nam', '1950', null, null, null, 'Chủ hộ'],
		])
		const noCode = { ...mapping, columns: { fullName: 0, sex: 1, birthDate: 2, relationToHead: 6 } }
		const rows = parseResidentSheet(raw, noCode, { today }).rows as ValidResidentRow[]
		expect(rows.map((r) => r.record.householdKey)).toEqual(['Tổ 5!2', 'Tổ 5!2', 'Tổ 5!4'])
		expect(rows.map((r) => r.record.isHouseholdHead)).toEqual([true, false, true])
	})
})

describe('duplicates within the file', () => {
	it('reports the same personal ID on both rows, across sheets', () => {
		const a = parseResidentSheet(
			sheet([['Nguyễn Văn An', 'Nam', '1956', '019056001234', 'H1', null]]),
			mapping,
			{ today },
		)
		const b = parseResidentSheet(
			sheet([['Nguyễn Văn Ân', 'Nam', '1956', '019056001234', 'H9', null]], 'Tổ 6'),
			{ ...mapping, sheetName: 'Tổ 6' },
			{ today },
		)
		const raw = [
			sheet([['Nguyễn Văn An', 'Nam', '1956', '019056001234', 'H1', null]]),
			sheet([['Nguyễn Văn Ân', 'Nam', '1956', '019056001234', 'H9', null]], 'Tổ 6'),
		]
		const rows = markDuplicateRows([...a.rows, ...b.rows], createRowCellsLookup(raw)) as RejectedResidentRow[]
		expect(rows.map((r) => r.status)).toEqual(['rejected', 'rejected'])
		expect(rows[0]!.errors[0]!.messageVi).toBe('Trùng số định danh với dòng 2 trang “Tổ 6”')
		expect(rows[1]!.errors[0]!.messageVi).toBe('Trùng số định danh với dòng 2 trang “Tổ 5”')
		expect(rows[1]!.cells[0]).toBe('Nguyễn Văn Ân')
	})

	it('reports the same name and date of birth in one household, not in different ones', () => {
		const parsed = parseResidentSheet(
			sheet([
				['Nguyễn Văn An', 'Nam', '05/03/1956', null, 'H1', null],
				['NGUYỄN VĂN AN', 'Nam', '5/3/1956', null, 'H1', null],
				['Nguyễn Văn An', 'Nam', '05/03/1956', null, 'H2', null],
			]),
			mapping,
			{ today },
		)
		const rows = markDuplicateRows(parsed.rows)
		expect(rows.map((r) => r.status)).toEqual(['rejected', 'rejected', 'valid'])
		expect((rows[0] as RejectedResidentRow).errors[0]!.messageVi).toBe(
			'Trùng họ tên, ngày sinh và hộ với dòng 3',
		)
	})
})

describe('new, updated, unchanged', () => {
	it('classifies valid rows through the lookup callback, comparing only the fields the file sets', async () => {
		const rows = parseResidentSheet(
			sheet([
				['Nguyễn Văn An', 'Nam', '05/03/1956', '019056001234', 'H1', '0912345678'],
				['Trần Thị Bình', 'Nữ', '1958', '019158001235', 'H1', null],
				['Lê Văn Cường', 'Nam', '1990', null, 'H2', null],
			]),
			mapping,
			{ today },
		).rows as ValidResidentRow[]
		const seen: ResidentMatchKey[] = []
		const stored: Record<string, ExistingResident> = {
			'hash:019056001234': { residentId: 'r1', record: { ...rows[0]!.record, phone: '0987654321' } },
			'hash:019158001235': { residentId: 'r2', record: { ...rows[1]!.record, phone: '0911111111' } },
		}
		const classified = await classifyResidentRows(
			rows,
			async (keys) => {
				seen.push(...keys)
				return keys.map((k) => (k.personalIdHash ? stored[k.personalIdHash] : undefined))
			},
			{ hashPersonalId: (id) => `hash:${id}`, batchSize: 2 },
		)
		expect(classified.map((c) => [c.class, c.residentId, c.changedFields])).toEqual([
			['updated', 'r1', ['phone']],
			['unchanged', 'r2', []],
			['new', undefined, []],
		])
		expect(seen.map((k) => k.personalIdHash)).toEqual(['hash:019056001234', 'hash:019158001235', undefined])
		expect(JSON.stringify(seen)).not.toContain('"019056001234"')
	})
})

describe('error workbook', () => {
	it('lists rejected rows with sheet, row, reason and the cells, guarded against formulas', async () => {
		const raw = sheet([['=HYPERLINK("http://x","Bấm")', 'Nam', '1956', null, 'H1', null]])
		const parsed = parseResidentSheet(raw, mapping, { today }).rows as RejectedResidentRow[]
		const buffer = await buildErrorWorkbook(parsed, { headerLabels: new Map([['Tổ 5', header]]) })
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
		const ws = workbook.getWorksheet(ERROR_SHEET_NAME)!
		expect(ws.getRow(1).values).toEqual([undefined, 'Trang', 'Dòng', 'Lý do', ...header])
		const row = ws.getRow(2)
		expect(row.getCell(1).value).toBe('Tổ 5')
		expect(row.getCell(2).value).toBe(2)
		expect(String(row.getCell(3).value)).toContain('A: Họ và tên')
		expect(row.getCell(4).value).toBe('\'=HYPERLINK("http://x","Bấm")')
		expect(row.getCell(4).formula).toBeUndefined()
	})
})
