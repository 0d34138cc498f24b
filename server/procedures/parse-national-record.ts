import type { NationalRecord } from '#server/procedures/national-record.ts'
import type {
	LegalDocument,
	ProcedureChannel,
	ProcedureDocument,
	ProcedureFields,
} from '#server/procedures/procedure-fields.ts'

/*
 * The portal's pages were scraped into text: tables lost their cell borders ("Trực tuyến5 Ngày làm
 * việcMiễn phí…"), and some words run together. These functions cut the text back into rows using the
 * table headers and the shapes of the cells (channel names, time limits, amounts, "N bản chính").
 * Every value they return is a slice of the (cleaned) source text, never a rewording: an answer built
 * from them quotes the national record (tested over the whole file in parse-national-record.test.ts).
 */

const EMPTY = 'Không có thông tin'

/** NFC, no invisible marks, tabs as spaces, single spaces, trimmed lines; "Không có thông tin" → "". */
export function cleanSourceText(text: string | null | undefined): string {
	if (!text) return ''
	const cleaned = text
		.normalize('NFC')
		.replace(/[\u200B-\u200F\u2028\u2029\uFEFF\u00AD]/g, '')
		.replace(/\r\n?/g, '\n')
		.replace(/[\t\u00A0 ]+/g, ' ')
		.split('\n')
		.map((line) => line.trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim()
	return cleaned === EMPTY ? '' : cleaned
}

/** The record's structured fields, as the national data gives them. */
export function parseNationalRecord(record: NationalRecord): ProcedureFields {
	return {
		name: oneLine(record.ten_thu_tuc),
		field: oneLine(record.linh_vuc),
		levels: oneLine(record.cap_thuc_hien),
		procedureType: oneLine(record.loai_thu_tuc),
		decisionNumber: oneLine(record.so_quyet_dinh),
		applicants: cleanSourceText(record.doi_tuong_thuc_hien),
		executingAgency: cleanSourceText(record.co_quan_thuc_hien),
		competentAgency: cleanSourceText(record.co_quan_co_tham_quyen),
		delegatedAgency: cleanSourceText(record.co_quan_duoc_uy_quyen),
		coordinatingAgency: cleanSourceText(record.co_quan_phoi_hop),
		receivingAddress: cleanSourceText(record.dia_chi_tiep_nhan),
		steps: parseSteps(record.trinh_tu_thuc_hien),
		channels: parseChannels(record.cach_thuc_thuc_hien),
		documents: parseDocuments(record.thanh_phan_ho_so),
		conditions: cleanSourceText(record.yeu_cau_dieu_kien),
		legalBasis: parseLegalBasis(record.can_cu_phap_ly),
		results: parseResults(record.ket_qua_xu_ly),
		relatedProcedures: cleanSourceText(record.thu_tuc_lien_quan),
	}
}

/** "Cấp xã" among the levels: the default of the "handled at the ward" flag. */
export function isWardLevel(levels: string): boolean {
	return /cấp xã/i.test(levels.normalize('NFC'))
}

function oneLine(text: string): string {
	return cleanSourceText(text).replace(/\s*\n\s*/g, ' ')
}

/** The steps, one paragraph each, in the source's order. */
export function parseSteps(text: string): string[] {
	return cleanSourceText(text)
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.length > 0)
}

const CHANNEL_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả'
// A row starts with a channel name glued to its time cell (a number or "Không có thông tin").
const CHANNEL_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\s*(?:\d|Không có thông tin))/g
const TIME_CELL =
	/^\s*(\d+(?:[.,]\d+)?(?:\s*(?:Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Phút|Tuần))?|Không có thông tin)/
const FEE_CELL =
	/^\s*(Miễn phí|Không có thông tin|(?:Lệ phí|Phí)\s*:?\s*[\d.,]+\s*(?:VNĐ|Việt Nam Đồng|Đồng|đồng|USD)|[\d.,]*\s*(?:VNĐ|Việt Nam Đồng|USD))/

/** The table "Hình thức nộp | Thời gian | Phí, lệ phí | Mô tả", one entry per row. */
export function parseChannels(text: string): ProcedureChannel[] {
	let body = cleanSourceText(text).replace(/\n/g, ' ')
	if (body.startsWith(CHANNEL_HEADER)) body = body.slice(CHANNEL_HEADER.length)
	const starts = [...body.matchAll(CHANNEL_START)]
	const rows: ProcedureChannel[] = []
	for (const [i, match] of starts.entries()) {
		const end = starts[i + 1]?.index ?? body.length
		let rest = body.slice((match.index ?? 0) + match[0].length, end)
		const time = TIME_CELL.exec(rest)
		const timeLimit = time?.[1] && time[1] !== EMPTY ? time[1].trim() : null
		rest = time ? rest.slice(time[0].length) : rest
		const fee = FEE_CELL.exec(rest)
		const feeText = fee?.[1]?.trim() ?? null
		rest = fee ? rest.slice(fee[0].length) : rest
		let feeNote: string | null = null
		if (rest.startsWith('(')) {
			const close = matchingParen(rest)
			feeNote = rest.slice(1, close).trim() || null
			rest = rest.slice(close + 1)
		}
		const description = rest.trim()
		rows.push({
			channel: match[1] ?? match[0],
			timeLimit,
			fee: feeText && feeText !== EMPTY && feeText !== 'VNĐ' ? feeText : null,
			feeNote,
			description: description && description !== EMPTY ? description : null,
		})
	}
	return rows
}

function matchingParen(text: string): number {
	let depth = 0
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '(') depth++
		else if (text[i] === ')' && --depth === 0) return i
	}
	return text.length
}

const DOCUMENT_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng'
const QUANTITY = /(\d+ bản (?:chính|sao|chụp))((?:,\s*\d+ bản (?:chính|sao|chụp))*)/g
const FORM_FILE = /\.(?:docx?|pdf|xlsx?|odt|rtf|zip|rar)$/i

/**
 * The papers, from tables "Tên giấy tờ | Mẫu đơn, tờ khai | Số lượng" (one per case or group). A row
 * ends with its quantity ("1 bản chính", "0 bản chính,1 bản sao"); text before a table header is the
 * group's heading ("* Giấy tờ phải nộp:", "Trường hợp …").
 */
export function parseDocuments(text: string): ProcedureDocument[] {
	const source = cleanSourceText(text).replace(/\n/g, ' ')
	if (!source) return []
	const sections = source.split(DOCUMENT_HEADER)
	if (sections.length === 1) return [{ group: null, name: source, form: null, quantity: null }]
	const documents: ProcedureDocument[] = []
	let group = headingOf(sections[0] ?? '')
	for (const section of sections.slice(1)) {
		let last = 0
		for (const match of section.matchAll(QUANTITY)) {
			const index = match.index ?? 0
			const cell = section.slice(last, index)
			last = index + match[0].length
			if (!cell.trim()) continue
			const { name, form } = splitForm(cell.trim())
			if (name) documents.push({ group, name, form, quantity: match[0] })
		}
		// What follows the last row is the next table's heading.
		group = headingOf(section.slice(last)) ?? group
	}
	return documents
}

function headingOf(text: string): string | null {
	const heading = text
		.replace(/^[-*\s]+/, '')
		.replace(/[:\s]+$/, '')
		.trim()
	return heading.length > 0 ? heading : null
}

/** "Tờ khai (Mẫu TK01).Mau TK01.docx" → name "Tờ khai (Mẫu TK01).", form "Mau TK01.docx". */
function splitForm(cell: string): { name: string; form: string | null } {
	if (!FORM_FILE.test(cell)) return { name: cell, form: null }
	// The file name starts where a word or sentence ends with no space before the next capital or digit.
	let boundary = -1
	for (let i = cell.length - 1; i > 0; i--) {
		const before = cell[i - 1] ?? ''
		const here = cell[i] ?? ''
		if (/[\p{Ll}.)”"]/u.test(before) && /[\p{Lu}\d]/u.test(here)) {
			boundary = i
			break
		}
	}
	if (boundary <= 0) return { name: cell, form: null }
	return { name: cell.slice(0, boundary).trim(), form: cell.slice(boundary).trim() }
}

const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản'
const LEGAL_CODE =
	/\d{1,4}(?:\.\d+)?\/\d{4}\/(?:UBTVQH\d{2}|QH\d{2}|[A-ZĐ]+)(?:-(?:UBTVQH\d{2}|QH\d{2}|[A-ZĐ]+))*(?:g(?![\p{Ll}]))?/gu
// The issuers that end a document code (NĐ-CP, TT-BTC, QĐ-TTg, QH13…): to tell where a code glued to
// the next name ends ("NĐ-CPLuật" is NĐ-CP + Luật; "TT-BCAngày" is TT-BCA + ngày).
const ISSUER =
	/^(?:CP|TTg|QH\d*|UBTVQH\d*|BTC|BCA|BTP|BQP|BYT|BXD|BCT|BNV|BGTVT|BTNMT|BNNPTNT|BNNMT|BKHĐT|BKHCN|BTTTT|BLĐTBXH|BGDĐT|BVHTTDL|BNG|NHNN|VPCP|TANDTC|VKSNDTC|KTNN|UBND|HĐND|UBDT|BDTTG|TTCP|CTN|BGTVT|BTNMT|BTTTT|TTLT|BKH|BTM|BLĐTBXH|VHTTDL)$/

/** "Tên văn bản pháp lý | Mã văn bản": each name glued to its code ("Luật Hộ tịch60/2014/QH13"). */
export function parseLegalBasis(text: string): LegalDocument[] {
	let body = cleanSourceText(text).replace(/\n/g, ' ')
	if (body.startsWith(LEGAL_HEADER)) body = body.slice(LEGAL_HEADER.length)
	if (!body) return []
	const entries: LegalDocument[] = []
	let start = 0
	const codeAt = (index: number) => {
		LEGAL_CODE.lastIndex = index
		const match = LEGAL_CODE.exec(body)
		return match && match.index === index ? match : null
	}
	for (let from = 0; from < body.length; ) {
		LEGAL_CODE.lastIndex = from
		const match = LEGAL_CODE.exec(body)
		if (!match) break
		const { code, index } = splitGluedYear(body, match.index, match[0])
		const end = index + code.length
		from = end
		const next = body[end]
		// A code inside a name is followed by a space, punctuation or a lower-case word; the code cell
		// ends the entry: end of text, the next name's capital, or (rarely) nothing between two codes.
		if (next !== undefined && !/\p{Lu}/u.test(next) && !(/\d/.test(next) && !codeAt(end))) continue
		const entry = body.slice(start, end).trim()
		const name = entry.slice(0, entry.length - code.length).trim()
		entries.push({ name: trimGluedPrefix(name), code })
		start = end
	}
	const tail = body.slice(start).trim()
	if (tail) entries.push({ name: tail, code: null })
	return entries.filter((e) => e.name || e.code)
}

/**
 * "…ngày 28/5/202004/2020/TT-BTP": the date's year ran into the code's number. A digit run longer than
 * four that starts with a year (19xx, 20xx) gives its first four digits back to the text before it.
 */
function splitGluedYear(body: string, start: number, matched: string): { code: string; index: number } {
	let runStart = start
	while (runStart > 0 && /\d/.test(body[runStart - 1] ?? '')) runStart--
	const run = /^\d+/.exec(body.slice(runStart))?.[0] ?? ''
	let index = start
	let code = matched
	if (run.length > 4 && /^(?:19|20)/.test(run)) {
		index = runStart + 4
		code = body.slice(index, start + matched.length)
	}
	return { code: trimSwallowedCapital(code, body[start + matched.length]), index }
}

function trimSwallowedCapital(code: string, next: string | undefined): string {
	if (!next || !/\p{Ll}/u.test(next) || !/[A-ZĐ]$/.test(code)) return code
	const issuerOf = (full: string) => full.split('/').at(-1)?.split('-').at(-1) ?? ''
	if (ISSUER.test(issuerOf(code))) return code
	const shorter = code.slice(0, -1)
	return ISSUER.test(issuerOf(shorter)) ? shorter : code
}

/** "…tiền mặtNghị định" (the code cell began with words): keep the name part. */
function trimGluedPrefix(name: string): string {
	const glued = /\p{Ll}(?=\p{Lu}[\p{Ll}\s]*$)/u.exec(name)
	return glued ? name.slice(0, glued.index + 1).trim() : name
}

/** "Giấy khai sinhMã: KQ.G15.000031Từ khóa…": the names of the results. */
export function parseResults(text: string): string[] {
	const body = cleanSourceText(text).replace(/\n/g, ' ')
	const results: string[] = []
	let start = 0
	for (const match of body.matchAll(/Mã: ?KQ\.[A-Z0-9.]*\d/g)) {
		const name = body.slice(start, match.index).trim()
		if (name) results.push(name)
		start = (match.index ?? 0) + match[0].length
	}
	if (results.length === 0) {
		const name = body.split('Từ khóa')[0]?.trim()
		if (name) results.push(name)
	}
	return results
}
