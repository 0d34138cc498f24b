/*
 * A report as content only: who issues it, its number, date, title, body blocks, recipients and
 * signature. The renderers (Word, and PDF through Word) lay it out the way a Party body
 * (Hướng dẫn 36-HD/VPTW) or a state body (Nghị định 30/2020/NĐ-CP) must; nothing here knows about
 * fonts or margins.
 */

export const documentFormats = ['party', 'state'] as const
/** 'party': Hướng dẫn 36-HD/VPTW (the default: the movement reports to the Party Committee). 'state': Nghị định 30/2020/NĐ-CP. */
export type DocumentFormat = (typeof documentFormats)[number]

export interface TableColumn {
	label: string
	/** Share of the text width, any unit (normalised): e.g. [1, 6, 2, 2]. */
	weight?: number
	align?: 'left' | 'center' | 'right'
}

export type DocumentBlock =
	/** "I. KẾT QUẢ THỰC HIỆN" — bold, not indented. */
	| { kind: 'heading'; text: string }
	/** "1. Công tác tuyên truyền" — bold, indented like a paragraph. */
	| { kind: 'subheading'; text: string }
	/** Body text, justified, first line indented. A blank line in `text` starts a new paragraph. */
	| { kind: 'paragraph'; text: string }
	/** A table with a header row; cells are plain text. */
	| { kind: 'table'; columns: TableColumn[]; rows: string[][]; caption?: string }

export interface ReportDocument {
	/**
	 * Top left. Party: { parent: "ĐẢNG BỘ PHƯỜNG SÔNG CÔNG", name: ["BAN THƯỜNG VỤ"] }; state:
	 * { parent: null, name: ["ỦY BAN NHÂN DÂN", "PHƯỜNG SÔNG CÔNG"] }. `parent` (the body above) is
	 * upright, `name` (the issuing body) bold.
	 */
	issuer: { parent: string | null; name: string[] }
	/** The number alone ("12"); empty leaves a blank for the office to fill in, as drafts do. */
	number: string
	/** Symbol: "BC/ĐU" (party, rendered "Số 12-BC/ĐU") or "BC-UBND" (state, "Số: 12/BC-UBND"). */
	symbol: string
	/** Place name for the date line ("Sông Công"). */
	place: string
	/** `YYYY-MM-DD`; null leaves "ngày … tháng … năm …" blank for the signer. */
	date: string | null
	/** Type of document in capitals: "BÁO CÁO", "DANH SÁCH", "TỜ TRÌNH". */
	type: string
	/** Trích yếu: what it is about, one line or two. */
	summary: string
	body: DocumentBlock[]
	/** "Nơi nhận:" lines, each without its leading dash. */
	recipients: string[]
	signature: {
		/** "T/M BAN THƯỜNG VỤ" (party) or "TM. ỦY BAN NHÂN DÂN" (state); empty when the signer signs in their own name. */
		authority: string
		/** "BÍ THƯ", "PHÓ BÍ THƯ", "CHỦ TỊCH"… */
		title: string
		/** Empty leaves room for a name written by hand. */
		name: string
	}
}

/** "Số 12-BC/ĐU" (party, no colon) or "Số: 12/BC-UBND" (state); a blank number keeps its place. */
export function formatDocumentNumber(format: DocumentFormat, number: string, symbol: string): string {
	const n = number.trim() || '     '
	return format === 'party' ? `Số ${n}-${symbol}` : `Số: ${n}/${symbol}`
}

/**
 * "Sông Công, ngày 05 tháng 01 năm 2026": days below 10 and months 1–2 take a leading zero (both
 * guides), so the date cannot be altered by adding a digit.
 */
export function formatPlaceAndDate(place: string, date: string | null): string {
	if (!date) return `${place}, ngày      tháng      năm      `
	const [y, m, d] = date.split('-').map(Number) as [number, number, number]
	const day = d < 10 ? `0${d}` : String(d)
	const month = m < 3 ? `0${m}` : String(m)
	return `${place}, ngày ${day} tháng ${month} năm ${y}`
}
