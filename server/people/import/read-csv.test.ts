import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { isImportFileError } from '#server/people/import/import-file-error.ts'
import { detectCsvDelimiter, splitCsvRecords } from '#server/people/import/parse-csv.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import { cellText } from '#server/people/import/sheet-types.ts'
import { convertTcvn3Text, decodeTcvn3 } from '#server/people/import/tcvn3.ts'
import { encodeTcvn3, encodeWindows1258, workbookBuffer } from '#server/people/import/test-files.ts'

const csv =
	'Họ và tên,Giới tính,Ngày sinh,Địa chỉ\r\nNguyễn Thị Hường,Nữ,05/03/1956,"Số 5, ngõ 3"\r\nĐỗ Văn Đức,Nam,1960,Tổ 5\r\n'

async function readTexts(bytes: Buffer) {
	const workbook = await readImportFile(bytes, { fileName: 'C:\\Danh sach\\to-5.csv' })
	return { workbook, rows: workbook.sheets[0]!.rows.map((r) => r.cells.map(cellText)) }
}

const expected = [
	['Họ và tên', 'Giới tính', 'Ngày sinh', 'Địa chỉ'],
	['Nguyễn Thị Hường', 'Nữ', '05/03/1956', 'Số 5, ngõ 3'],
	['Đỗ Văn Đức', 'Nam', '1960', 'Tổ 5'],
]

describe('CSV encodings', () => {
	it('reads UTF-8 without BOM and names the sheet after the file', async () => {
		const { workbook, rows } = await readTexts(Buffer.from(csv, 'utf8'))
		expect(rows).toEqual(expected)
		expect(workbook).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', rowCount: 3 })
		expect(workbook.sheets[0]!.name).toBe('to-5')
		expect(workbook.sheets[0]!.rows.map((r) => r.number)).toEqual([1, 2, 3])
	})

	it('reads UTF-8 with BOM (Excel’s “CSV UTF-8”)', async () => {
		const { rows } = await readTexts(
			Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]),
		)
		expect(rows).toEqual(expected)
	})

	it('reads UTF-16 with BOM (Excel’s “Unicode Text”, tab-separated)', async () => {
		const text = csv.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t').replace(/"/g, '')
		const { workbook, rows } = await readTexts(
			Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]),
		)
		expect(rows).toEqual(expected)
		expect(workbook).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' })
	})

	it('detects and converts Windows-1258 (combining tone marks)', async () => {
		const bytes = encodeWindows1258(csv)
		expect(bytes.includes(0xde)).toBe(true) // the combining tilde of "Nguyễn"
		const { workbook, rows } = await readTexts(bytes)
		expect(rows).toEqual(expected)
		expect(workbook.encoding).toBe('windows-1258')
		expect(workbook.warnings.map((w) => w.code)).toEqual(['windows1258Converted'])
	})

	it('detects and converts TCVN3 (ABC fonts), capitals written with the upper-case font included', async () => {
		const { workbook, rows } = await readTexts(encodeTcvn3(csv))
		expect(rows).toEqual(expected)
		expect(workbook.encoding).toBe('tcvn3')
		expect(workbook.warnings[0]!.messageVi).toContain('TCVN3')
		// .VnTimeH draws lower-case codes as capitals: "NGUYÔN" is "NGUYỄN".
		expect(decodeTcvn3(Buffer.from('NGUY\u00d4N V\u00a8N AN', 'latin1'))).toBe('NGUYỄN VĂN AN')
		expect(convertTcvn3Text('Hµ Néi')).toBe('Hà Nội')
	})

	it('refuses bytes that read as Vietnamese in no known encoding, saying what was tried', async () => {
		const vniLike = Buffer.from('Ho\u00e4 va\u00f8 te\u00ean,Nguye\u00e3n Va\u00efn An\n', 'latin1')
		try {
			await readImportFile(Buffer.concat([vniLike, vniLike]))
			expect.unreachable()
		} catch (error) {
			expect(isImportFileError(error) && error.code).toBe('unknownEncoding')
			expect(isImportFileError(error) && error.messageVi).toContain('Windows-1258 và TCVN3')
		}
	})
})

describe('CSV structure', () => {
	it.each([
		[',', 'a,b,c\n1,2,3\n'],
		[';', 'Họ tên;Địa chỉ;Năm sinh\nAn;Số 5, ngõ 3;1956\nBình;Tổ 2, khu 4;1960\n'],
		['\t', 'a\tb\tc\n1\t2\t3\n'],
	])('detects the delimiter %j', (delimiter, text) => {
		expect(detectCsvDelimiter(text)).toBe(delimiter)
	})

	it('ignores a title line when detecting the delimiter', () => {
		expect(detectCsvDelimiter('DANH SÁCH NHÂN KHẨU, TỔ 5\nA;B;C\n1;2;3\n4;5;6\n')).toBe(';')
	})

	it('splits quoted fields with doubled quotes and line breaks, CRLF, LF and CR', () => {
		const records: string[][] = []
		splitCsvRecords('a,"b ""c""","d\ne"\r\nf,g\rh,', ',', (fields) => {
			records.push(fields)
			return true
		})
		expect(records).toEqual([
			['a', 'b "c"', 'd\ne'],
			['f', 'g'],
			['h', ''],
		])
	})

	it('skips blank lines but keeps Excel’s row numbers', async () => {
		const { workbook } = await readTexts(Buffer.from('Họ tên,Năm sinh\n\nAn,1956\n,\nBình,1960', 'utf8'))
		expect(workbook.sheets[0]!.rows.map((r) => r.number)).toEqual([1, 3, 5])
	})

	it('refuses too many rows before building them all', async () => {
		const text = `Họ tên,Năm sinh\n${'An,1956\n'.repeat(1_000_000)}`
		await expect(readImportFile(Buffer.from(text))).rejects.toMatchObject({ code: 'tooManyRows' })
	})
})

describe('workbooks typed with TCVN3 fonts', () => {
	it('converts text that Excel shows as "Hµ Néi" and says so', async () => {
		const latin1 = (text: string) => encodeTcvn3(text).toString('latin1')
		const xlsx = await workbookBuffer((wb) => {
			const ws = wb.addWorksheet(latin1('Tổ 5'))
			ws.addRow([latin1('Họ và tên'), latin1('Giới tính'), latin1('Địa chỉ')])
			ws.addRow([latin1('Nguyễn Thị Hường'), latin1('Nữ'), latin1('Số 5, ngõ 3, Hà Nội')])
			ws.addRow([latin1('Đỗ Văn Đức'), 'Nam', latin1('Tổ 5')])
		})
		const workbook = await readImportFile(xlsx)
		expect(workbook.sheets[0]!.name).toBe('Tổ 5')
		expect(workbook.sheets[0]!.rows.map((r) => r.cells.map(cellText))).toEqual([
			['Họ và tên', 'Giới tính', 'Địa chỉ'],
			['Nguyễn Thị Hường', 'Nữ', 'Số 5, ngõ 3, Hà Nội'],
			['Đỗ Văn Đức', 'Nam', 'Tổ 5'],
		])
		expect(workbook.warnings.map((w) => w.code)).toEqual(['tcvn3Converted'])
	})

	it('leaves Unicode workbooks with a few Latin-1 letters alone', async () => {
		const xlsx = await workbookBuffer((wb) => {
			const ws = wb.addWorksheet('Tổ 5')
			ws.addRow(['Họ và tên', 'Ghi chú'])
			ws.addRow(['Nguyễn Văn An', 'Café, résumé, naïve, à la, señor'])
		})
		const workbook = await readImportFile(xlsx)
		expect(workbook.warnings).toEqual([])
		expect(workbook.sheets[0]!.rows[1]!.cells[1]).toBe('Café, résumé, naïve, à la, señor')
	})
})
