import type { DocumentFormat } from '#server/reports/documents/document-model.ts'

/*
 * The measures both guides prescribe, in Word's units (twips: 1/20 pt; font sizes in half-points).
 * Nghị định 30/2020/NĐ-CP (appendix I) and Hướng dẫn 36-HD/VPTW: A4 (210 × 297 mm), margins top and
 * bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman (a TCVN 6909:2001 Unicode font),
 * body 13–14 pt. We take the narrow end of each margin so a table of ten columns still fits.
 */

const twipsPerMm = 1440 / 25.4
export const mm = (value: number) => Math.round(value * twipsPerMm)

export const pageLayout = {
	width: 11906, // 210 mm
	height: 16838, // 297 mm
	margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
} as const
/** The width text may take: 210 − 30 − 15 = 165 mm. */
export const textWidth = pageLayout.width - pageLayout.margin.left - pageLayout.margin.right

export const fontName = 'Times New Roman'
/** Half-points. */
export const size = {
	body: 28,
	table: 24,
	recipients: { party: 24, state: 22 },
	partyTitle: 30,
	type: 30,
	/** The state title block's national title and issuer lines (NĐ 30: 12–13 pt). */
	stateTitle: 24,
} as const
/** Body paragraphs: first line indented 1.27 cm, 6 pt after, lines at 1.15 (both guides allow 6–12 pt, single to 1.5). */
export const bodyParagraph = { firstLine: mm(12.7), after: 120, line: 276 } as const

/** What the title block says in each format; the issuer and number come from the document. */
export const formatTitles: Record<DocumentFormat, { national: string[]; issuerMark: 'star' | 'rule' }> = {
	party: { national: ['ĐẢNG CỘNG SẢN VIỆT NAM'], issuerMark: 'star' },
	state: {
		national: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
		issuerMark: 'rule',
	},
}

/**
 * Title block columns: issuer on the left, national title on the right (shares of the text width),
 * wide enough that "ĐẢNG CỘNG SẢN VIỆT NAM" (15 pt) and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12 pt)
 * hold on one line.
 */
export const titleColumns: Record<DocumentFormat, readonly [number, number]> = {
	party: [0.47, 0.53],
	state: [0.38, 0.62],
}
