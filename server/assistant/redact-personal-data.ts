import { foldVietnamese } from '#server/people/search-name.ts'

/*
 * People type their own details into a question ("tôi tên Nguyễn Văn An, CCCD 001234567890, muốn…").
 * Before a question is stored or sent to a language model or an embeddings service, personal data is
 * replaced by placeholders: ID numbers (12-digit personal ID, 9-digit old ID card), phone numbers,
 * e-mail addresses, and names recognised from a family name or from how people introduce someone
 * ("tên là …", "con tôi là …"). Decree 13/2023/NĐ-CP: minimise what is processed. The rules err on the
 * side of removing: a procedure question never needs a name or a number of 9 digits or more.
 */

export type RedactedKind = 'personalId' | 'idCard' | 'phone' | 'email' | 'name' | 'number'

export interface Redaction {
	text: string
	/** Kinds removed, without the values (for the question log). */
	kinds: RedactedKind[]
}

export const placeholders: Record<RedactedKind, string> = {
	personalId: '[số định danh]',
	idCard: '[số CMND]',
	phone: '[số điện thoại]',
	email: '[thư điện tử]',
	name: '[họ tên]',
	number: '[dãy số]',
}

const FAMILY_NAMES = [
	'Nguyễn',
	'Trần',
	'Lê',
	'Phạm',
	'Hoàng',
	'Huỳnh',
	'Phan',
	'Vũ',
	'Võ',
	'Đặng',
	'Bùi',
	'Đỗ',
	'Hồ',
	'Ngô',
	'Dương',
	'Lý',
	'Đào',
	'Đinh',
	'Trịnh',
	'Hà',
	'Đoàn',
	'Lương',
	'Mai',
	'Cao',
	'Trương',
	'Tạ',
	'Lưu',
	'Tô',
	'Phùng',
	'Chu',
	'Kiều',
	'Vương',
	'Lâm',
	'Triệu',
	'Thân',
	'Nghiêm',
	'Khổng',
	'Quách',
	'La',
	'Châu',
	'Tăng',
	'Hứa',
	'Lò',
	'Lục',
	'Nông',
	'Hoàng',
	'Ma',
	'Sầm',
	'Vi',
	'Thái',
	'Giáp',
	'Khúc',
	'Âu',
	'Mạc',
	'Tống',
]
const familyFolded = new Set(FAMILY_NAMES.map((n) => foldVietnamese(n)))
/** Capitalised pairs that are places or institutions, not people. */
const NOT_NAMES = new Set(
	[
		'hà nội',
		'hồ chí minh',
		'hà giang',
		'hà tĩnh',
		'hà nam',
		'lê lợi',
		'trần hưng đạo',
		'lý thường kiệt',
		'thái nguyên',
		'thái bình',
		'hoàng mai',
		'mai châu',
		'cao bằng',
		'lâm đồng',
		'la hai',
		'văn phòng',
		'văn bản',
		'văn hóa',
		'lê duẩn',
		'hồ gươm',
		'quách thị trang',
	].map((p) => foldVietnamese(p)),
)
/** Words that end a name typed in lower case ("tên là nguyen van an muon lam…"). */
const AFTER_NAME = new Set(
	[
		'muon',
		'can',
		'lam',
		'o',
		'cho',
		'va',
		'thi',
		'co',
		'dang',
		'da',
		'hoi',
		'xin',
		'sinh',
		'nam',
		'tuoi',
		'so',
		'sdt',
		'dt',
		'dien',
		'cccd',
		'cmnd',
		'can',
		'la',
		'de',
		'bi',
		'nha',
		'tai',
		'tu',
		'nay',
		'roi',
	].map((w) => foldVietnamese(w)),
)

const WORD = String.raw`[\p{L}\p{M}]+`
const CAPITALISED = String.raw`\p{Lu}[\p{Ll}\p{M}]*`

/** Replaces personal data in a text by placeholders. */
export function redactPersonalData(input: string): Redaction {
	const kinds = new Set<RedactedKind>()
	let text = input.normalize('NFC')
	text = text.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, () => mark(kinds, 'email'))
	// Numbers with optional separators: +84 912 345 678, 0912.345.678, 001 234 567 890.
	text = text.replace(/(?<![\w])\+?\d(?:[\s.-]?\d){7,}(?![\w])/g, (match) => {
		const digits = match.replace(/\D/g, '')
		if (match.trim().startsWith('+84') || /^84\d{9}$/.test(digits)) return mark(kinds, 'phone')
		if (/^0\d{9,10}$/.test(digits)) return mark(kinds, 'phone')
		if (digits.length === 12) return mark(kinds, 'personalId')
		if (digits.length === 9) return mark(kinds, 'idCard')
		if (digits.length >= 9) return mark(kinds, 'number')
		return match
	})
	// Introduced names, any case: "tên là …", "tên tôi là …", "con tôi tên …", "tôi là …".
	text = text.replace(
		new RegExp(
			String.raw`((?<![\p{L}\p{M}])(?:tên(?:\s+(?:tôi|em|mình|con|cháu|bố|mẹ|vợ|chồng|anh|chị|ông|bà))?(?:\s+là)?|tôi\s+là|em\s+là|mình\s+là|ten(?:\s+(?:toi|em|minh|con|chau))?(?:\s+la)?|toi\s+la)\s+)((?:${WORD})(?:\s+${WORD}){0,4})`,
			'giu',
		),
		(match, cue: string, rest: string) => {
			const words = rest.split(/\s+/)
			const taken: string[] = []
			for (const word of words) {
				const folded = foldVietnamese(word)
				const capitalised = /^\p{Lu}/u.test(word)
				if (taken.length >= 4) break
				if (taken.length === 0 && !capitalised && !familyFolded.has(folded)) break
				if (taken.length > 0 && !capitalised && AFTER_NAME.has(folded)) break
				if (taken.length > 0 && !capitalised && /^\p{Lu}/u.test(taken[0] ?? '')) break
				taken.push(word)
			}
			if (taken.length === 0) return match
			const remainder = rest.slice(taken.join(' ').length)
			return `${cue}${mark(kinds, 'name')}${remainder}`
		},
	)
	// A family name and one to three more capitalised words: "Nguyễn Văn An", "bà Lê Thị Hoa", "Bà Lê Thị Hoa".
	text = text.replace(
		new RegExp(String.raw`(?<![\p{L}\p{M}])${CAPITALISED}(?:\s+${CAPITALISED})+`, 'gu'),
		(match) => {
			const words = match.split(/\s+/)
			const start = words.findIndex((w, i) => i < words.length - 1 && familyFolded.has(foldVietnamese(w)))
			if (start < 0) return match
			const name = words.slice(start, start + 4)
			if (NOT_NAMES.has(foldVietnamese(name.join(' ')))) return match
			return [...words.slice(0, start), mark(kinds, 'name'), ...words.slice(start + 4)].join(' ')
		},
	)
	return { text, kinds: [...kinds] }
}

function mark(kinds: Set<RedactedKind>, kind: RedactedKind): string {
	kinds.add(kind)
	return placeholders[kind]
}
