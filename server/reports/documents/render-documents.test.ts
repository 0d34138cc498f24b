import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import {
	convertDocxToPdf,
	findSoffice,
	formatDocumentNumber,
	formatPlaceAndDate,
	issuerFor,
	PdfConversionUnavailable,
	type ReportDocument,
	renderReportDocx,
	renderTablesXlsx,
} from '#server/reports/documents/index.ts'
import { fontsUsed, openDocx } from '#server/reports/documents/testing/read-docx.ts'

const ward = {
	name: 'Phường Sông Công',
	kind: 'ward' as const,
	partyCommitteeName: 'Đảng bộ phường Sông Công',
}

function sample(format: 'party' | 'state'): ReportDocument {
	const heading = issuerFor(format, ward)
	return {
		issuer: heading.issuer,
		symbol: heading.symbol,
		place: heading.place,
		number: '07',
		date: '2026-05-08',
		type: 'Báo cáo',
		summary: 'Kết quả thực hiện Phong trào “Bình dân học vụ số” 6 tháng đầu năm 2026',
		body: [
			{ kind: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN' },
			{
				kind: 'paragraph',
				text: 'Người cao tuổi được hướng dẫn kích hoạt tài khoản định danh điện tử.\nDòng thứ hai.',
			},
			{
				kind: 'table',
				caption: 'Kết quả theo chỉ tiêu',
				columns: [
					{ label: 'STT', weight: 1 },
					{ label: 'Chỉ tiêu', weight: 6 },
					{ label: 'Đạt', weight: 2, align: 'right' },
				],
				rows: [['1', 'Người dân trưởng thành có kỹ năng số', '1.234 / 2.000']],
			},
		],
		recipients: ['Thường trực Tỉnh ủy (báo cáo),', 'Lưu Văn phòng Đảng ủy.'],
		signature: { authority: heading.authority, title: heading.title, name: 'Nguyễn Văn Bình' },
	}
}

describe('document numbers and dates', () => {
	test('party numbers have a hyphen and no colon; state numbers a colon and a slash', () => {
		expect(formatDocumentNumber('party', '12', 'BC/ĐU')).toBe('Số 12-BC/ĐU')
		expect(formatDocumentNumber('state', '12', 'BC-UBND')).toBe('Số: 12/BC-UBND')
		expect(formatDocumentNumber('party', ' ', 'BC/ĐU')).toMatch(/^Số\s+-BC\/ĐU$/)
	})
	test('days below 10 and months 1–2 take a leading zero', () => {
		expect(formatPlaceAndDate('Sông Công', '2026-01-05')).toBe('Sông Công, ngày 05 tháng 01 năm 2026')
		expect(formatPlaceAndDate('Sông Công', '2026-11-14')).toBe('Sông Công, ngày 14 tháng 11 năm 2026')
		expect(formatPlaceAndDate('Sông Công', '2026-05-08')).toBe('Sông Công, ngày 08 tháng 5 năm 2026')
	})
})

describe.each(['party', 'state'] as const)('%s layout in Word', (format) => {
	test('title block, A4, margins, Times New Roman, page numbers', async () => {
		const opened = await openDocx(await renderReportDocx(sample(format), format))
		const text = opened.paragraphs
		if (format === 'party') {
			expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
			expect(text).toContain('ĐẢNG BỘ PHƯỜNG SÔNG CÔNG')
			expect(text).toContain('BAN THƯỜNG VỤ')
			expect(text).toContain('*')
			expect(text).toContain('Số 07-BC/ĐU')
			expect(text).toContain('T/M BAN THƯỜNG VỤ')
			expect(text).toContain('BÍ THƯ')
		} else {
			expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
			expect(text).toContain('Độc lập - Tự do - Hạnh phúc')
			expect(text).toContain('ỦY BAN NHÂN DÂN')
			expect(text).toContain('PHƯỜNG SÔNG CÔNG')
			expect(text).toContain('Số: 07/BC-UBND')
			expect(text).toContain('TM. ỦY BAN NHÂN DÂN')
			expect(text).toContain('CHỦ TỊCH')
			expect(text).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
		}
		expect(text).toContain('Sông Công, ngày 08 tháng 5 năm 2026')
		// The date line is italic.
		expect(opened.documentXml).toMatch(/<w:i\/>[\s\S]{0,200}Sông Công, ngày 08/)
		expect(text).toContain('BÁO CÁO')
		expect(text).toContain('Nơi nhận:')
		expect(text).toContain('- Lưu Văn phòng Đảng ủy.')
		expect(text).toContain('Người dân trưởng thành có kỹ năng số')
		expect(text).toContain('Dòng thứ hai.')

		expect(opened.sectPr.width).toBe(11906)
		expect(opened.sectPr.height).toBe(16838)
		const mm = (twips: number) => (twips * 25.4) / 1440
		expect(mm(opened.sectPr.top)).toBeGreaterThanOrEqual(19.9)
		expect(mm(opened.sectPr.top)).toBeLessThanOrEqual(25.1)
		expect(mm(opened.sectPr.bottom)).toBeGreaterThanOrEqual(19.9)
		expect(mm(opened.sectPr.bottom)).toBeLessThanOrEqual(25.1)
		expect(mm(opened.sectPr.left)).toBeGreaterThanOrEqual(29.9)
		expect(mm(opened.sectPr.left)).toBeLessThanOrEqual(35.1)
		expect(mm(opened.sectPr.right)).toBeGreaterThanOrEqual(14.9)
		expect(mm(opened.sectPr.right)).toBeLessThanOrEqual(20.1)

		expect([...fontsUsed(opened)]).toEqual(['Times New Roman'])
		// 14 pt by default (half-points).
		expect(opened.stylesXml).toMatch(/<w:rPrDefault>[\s\S]*<w:sz w:val="28"\/>/)
		// A PAGE field in a header, and a distinct empty first-page header: no number on page 1.
		expect(opened.headers.some((h) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(h))).toBe(true)
		expect(opened.sectPr.titlePage).toBe(true)
	})
})

test('the annex workbook opens in ExcelJS with numbers as numbers and text guarded', async () => {
	const buffer = await renderTablesXlsx([
		{
			name: 'Theo tổ dân phố',
			title: 'Phụ lục 1',
			columns: [{ label: 'Tổ' }, { label: 'Đạt', align: 'right' }],
			rows: [
				['Tổ 1', 12],
				['=HYPERLINK("x")', 3],
			],
			notes: ['Nguồn: ảnh chụp số liệu tháng 4/2026'],
		},
		{ name: 'Theo tổ dân phố', title: 'Trùng tên', columns: [{ label: 'A' }], rows: [] },
	])
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
	expect(workbook.worksheets.map((s) => s.name)).toEqual(['Theo tổ dân phố', 'Theo tổ dân phố (2)'])
	const sheet = workbook.worksheets[0]!
	expect(sheet.getCell('A1').value).toBe('Phụ lục 1')
	expect(sheet.getRow(2).values).toEqual([undefined, 'Tổ', 'Đạt'])
	expect(sheet.getCell('B3').value).toBe(12)
	expect(sheet.getCell('A4').value).toBe('\'=HYPERLINK("x")')
	expect(sheet.getCell('A5').value).toBe('Nguồn: ảnh chụp số liệu tháng 4/2026')
})

test('PDF through LibreOffice keeps the Vietnamese text, the font and A4 — or says plainly it cannot', async () => {
	const docx = await renderReportDocx(sample('party'), 'party')
	if (!(await findSoffice())) {
		await expect(convertDocxToPdf(docx)).rejects.toBeInstanceOf(PdfConversionUnavailable)
		return
	}
	const pdf = await convertDocxToPdf(docx)
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-test-'))
	try {
		const file = path.join(dir, 'r.pdf')
		fs.writeFileSync(file, pdf)
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
		expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
		expect(text).toContain('Số 07-BC/ĐU')
		expect(text).toContain('Sông Công, ngày 08 tháng 5 năm 2026')
		expect(text).toContain('Người cao tuổi được hướng dẫn kích hoạt tài khoản định danh điện tử.')
		expect(text).toContain('T/M BAN THƯỜNG VỤ')
		const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
		// A4 is 595.276 × 841.89 pt.
		expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
		const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
		// Times New Roman itself, or Liberation Serif, its metric-compatible substitute on Linux.
		expect(fonts).toMatch(/TimesNewRoman|Times New Roman|LiberationSerif/)
	} finally {
		fs.rmSync(dir, { recursive: true, force: true })
	}
}, 180_000)
