import type { RawWorkbook } from '#server/people/import/sheet-types.ts'
import { convertTcvn3Text } from '#server/people/import/tcvn3.ts'
import {
	plausibleShare,
	scoreVietnameseText,
	type VietnameseScore,
} from '#server/people/import/vietnamese-text-score.ts'

/** Rows per sheet looked at to decide. */
const SAMPLE_ROWS = 200
const MIN_WORDS = 5

/** Text that could be TCVN3 shown as Latin-1: some characters in U+0080–U+00FF, none above. */
function latin1Only(text: string): boolean {
	let high = false
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i)
		if (code > 0xff) return false
		if (code >= 0x80) high = true
	}
	return high
}

function add(total: VietnameseScore, score: VietnameseScore): void {
	total.words += score.words
	total.plausible += score.plausible
}

/**
 * Workbooks typed with the old ABC fonts (.VnTime) hold TCVN3 bytes as Latin-1 characters: Excel shows
 * "Hµ Néi" unless the font is installed. When the sampled text reads as Vietnamese only after conversion,
 * every such cell (and sheet name) is converted to Unicode and a warning says so. Changes the workbook in place.
 */
export function repairTcvn3Workbook(workbook: RawWorkbook): boolean {
	const before: VietnameseScore = { words: 0, plausible: 0 }
	const after: VietnameseScore = { words: 0, plausible: 0 }
	for (const sheet of workbook.sheets) {
		for (const row of sheet.rows.slice(0, SAMPLE_ROWS)) {
			for (const cell of row.cells) {
				if (typeof cell !== 'string' || !latin1Only(cell)) continue
				add(before, scoreVietnameseText(cell))
				add(after, scoreVietnameseText(convertTcvn3Text(cell)))
			}
		}
	}
	if (after.words < MIN_WORDS || plausibleShare(after) < 0.85 || plausibleShare(before) > 0.5) return false
	for (const sheet of workbook.sheets) {
		if (latin1Only(sheet.name)) sheet.name = convertTcvn3Text(sheet.name)
		for (const row of sheet.rows) {
			for (let c = 0; c < row.cells.length; c++) {
				const cell = row.cells[c]
				if (typeof cell === 'string' && latin1Only(cell)) row.cells[c] = convertTcvn3Text(cell)
			}
		}
	}
	workbook.warnings.push({
		code: 'tcvn3Converted',
		messageVi:
			'Chữ trong tệp được gõ bằng phông TCVN3 (ABC, .VnTime) nên hiện sai dấu; đã chuyển sang Unicode. Hãy kiểm tra lại họ tên ở phần xem trước.',
		messageEn:
			'The text was typed with TCVN3 (ABC, .VnTime) fonts and shows wrong accents; it was converted to Unicode. Check the names in the preview.',
	})
	return true
}
