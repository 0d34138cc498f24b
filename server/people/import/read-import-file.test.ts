import { describe, expect, it } from 'vitest'
import { type ImportFileErrorCode, isImportFileError } from '#server/people/import/import-file-error.ts'
import type { ImportLimitsInput } from '#server/people/import/import-limits.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import { createRowBudget, HEADER_ROWS_ALLOWANCE } from '#server/people/import/row-budget.ts'
import {
	buildZip,
	handMadeXlsx,
	oleFileWithStreams,
	sheetXml,
	workbookBuffer,
} from '#server/people/import/test-files.ts'

async function refusal(
	bytes: Buffer,
	limits?: ImportLimitsInput,
): Promise<{ code: ImportFileErrorCode; vi: string }> {
	try {
		await readImportFile(bytes, { limits })
	} catch (error) {
		if (isImportFileError(error)) return { code: error.code, vi: error.messageVi }
		throw error
	}
	throw new Error('expected the file to be refused')
}

const people = [
	['Họ và tên', 'Giới tính', 'Năm sinh'],
	['Nguyễn Văn An', 'Nam', 1956],
]

describe('readImportFile refuses what it cannot read safely', () => {
	it('refuses files that are not spreadsheets, whatever their name', async () => {
		const png = Buffer.from([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
		])
		expect((await refusal(png)).code).toBe('notSpreadsheet')
		const docx = buildZip([
			{ name: '[Content_Types].xml', data: '<Types/>' },
			{ name: 'word/document.xml', data: '<w/>' },
		])
		const result = await refusal(docx)
		expect(result.code).toBe('notSpreadsheet')
		expect(result.vi).toContain('không phải bảng tính Excel')
	})

	it('refuses a password-protected workbook (OLE file with an EncryptedPackage stream)', async () => {
		const result = await refusal(oleFileWithStreams(['EncryptionInfo', 'EncryptedPackage']))
		expect(result.code).toBe('encryptedWorkbook')
		expect(result.vi).toContain('mật khẩu')
	})

	it('refuses an Excel 97–2003 .xls with a way out', async () => {
		const result = await refusal(oleFileWithStreams(['Workbook', '\u0005SummaryInformation']))
		expect(result.code).toBe('unsupportedWorkbookFormat')
		expect(result.vi).toContain('.xlsx')
	})

	it('refuses a corrupt zip', async () => {
		const good = await workbookBuffer((wb) => wb.addWorksheet('Tổ 1').addRows(people))
		expect((await refusal(good.subarray(0, Math.floor(good.length / 2)))).code).toBe('corruptWorkbook')
		expect((await refusal(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]))).code).toBe(
			'corruptWorkbook',
		)
	})

	it('refuses corrupt XML inside a well-formed zip', async () => {
		const xlsx = handMadeXlsx([
			{ name: 'Tổ 1', xml: '<worksheet><sheetData><row><c t="inlineStr"><is><t>x</t></row>' },
		])
		expect((await refusal(xlsx)).code).toBe('corruptWorkbook')
	})

	it('refuses a zip bomb by its central directory, before inflating', async () => {
		const zeros = Buffer.alloc(30 * 1024 * 1024)
		const bomb = handMadeXlsx(
			[{ name: 'Tổ 1', xml: sheetXml(people) }],
			[{ name: 'xl/media/image1.png', data: zeros }],
		)
		expect(bomb.length).toBeLessThan(100 * 1024)
		const result = await refusal(bomb)
		expect(result.code).toBe('zipBomb')
		expect(result.vi).toContain('tỉ lệ nén')
	})

	it('refuses a zip whose declared sizes add up past the limit', async () => {
		const xlsx = handMadeXlsx([{ name: 'Tổ 1', xml: sheetXml(people) }])
		expect((await refusal(xlsx, { maxUncompressedBytes: 500 })).code).toBe('zipBomb')
	})

	it('stops an entry that inflates past its declared size', async () => {
		const body = sheetXml([...people, ...Array.from({ length: 2000 }, () => ['Trần Thị Bình', 'Nữ', 1960])])
		expect((await refusal(lyingXlsx(body))).code).toBe('zipBomb')
	})

	it('refuses a file over the size limit (default 20 MB, configurable)', async () => {
		const xlsx = await workbookBuffer((wb) => wb.addWorksheet('Tổ 1').addRows(people))
		const result = await refusal(xlsx, { maxFileBytes: 1000 })
		expect(result.code).toBe('fileTooLarge')
		expect((await refusal(Buffer.alloc(21 * 1024 * 1024, 0x41))).code).toBe('fileTooLarge')
	})

	it('refuses 1,000,000 rows after reading only a little more than the limit', async () => {
		const rows = [
			'<row><c t="inlineStr"><is><t>Họ và tên</t></is></c><c t="inlineStr"><is><t>Năm sinh</t></is></c></row>',
		]
		for (let i = 0; i < 1_000_000; i++)
			rows.push(`<row><c t="inlineStr"><is><t>Người ${i}</t></is></c><c><v>1980</v></c></row>`)
		// A broken tag near the end: a reader that went that far would call the file corrupt instead.
		rows[999_000] = '<row><c><v>1980</x></c></row>'
		const xml = `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`
		const xlsx = handMadeXlsx([{ name: 'Tổ 1', xml }])
		expect(xlsx.length).toBeLessThan(20 * 1024 * 1024)
		const result = await refusal(xlsx)
		expect(result.code).toBe('tooManyRows')
		expect(result.vi).toContain('200.000')
		// Building a million-row sheet in the test itself takes most of the time on a busy 2-core machine.
	}, 120_000)

	it('counts rows against the limit with room for title and header rows on each sheet', () => {
		const budget = createRowBudget(100)
		budget.startSheet()
		for (let i = 0; i < 100 + HEADER_ROWS_ALLOWANCE; i++) budget.addRow()
		expect(() => budget.addRow()).toThrow(expect.objectContaining({ code: 'tooManyRows' }))
	})

	it('refuses a file whose only sheets are empty, naming them', async () => {
		const xlsx = await workbookBuffer((wb) => {
			wb.addWorksheet('Tổ 1')
			wb.addWorksheet('Tổ 2')
		})
		const result = await refusal(xlsx)
		expect(result.code).toBe('noData')
		expect(result.vi).toContain('“Tổ 1” (trang trống)')
		expect((await refusal(Buffer.alloc(0))).code).toBe('noData')
	})
})

/** A well-formed .xlsx whose sheet declares a tenth of its real uncompressed size. */
function lyingXlsx(body: string): Buffer {
	return buildZip([
		{
			name: '_rels/.rels',
			data: '<Relationships><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>',
		},
		{
			name: 'xl/workbook.xml',
			data: '<workbook xmlns:r="r"><sheets><sheet name="Tổ 1" sheetId="1" r:id="rId1"/></sheets></workbook>',
		},
		{
			name: 'xl/_rels/workbook.xml.rels',
			data: '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
		},
		{ name: 'xl/worksheets/sheet1.xml', data: body, declaredSize: Math.floor(Buffer.byteLength(body) / 10) },
	])
}
