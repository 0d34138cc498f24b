import { foldVietnamese } from '#server/people/search-name.ts'

/*
 * Text as the search sees it. Vietnamese is written in syllables separated by spaces; people type with
 * or without diacritics, so matching is on folded syllables ("đăng ký" → "dang ky"). Syllable pairs
 * ("dang_ky") carry word order (a procedure named "đăng ký khai sinh" beats one that merely contains
 * "đăng ký" and "sinh"), and a syllable typed with its diacritics also matches its accented form
 * ("~bản"), so "bản sao" prefers "bản" over "bán" when the marks were typed.
 */

/**
 * Folded, lower case, punctuation turned into spaces, "i"/"y" spelled one way:
 * "Đăng kí khai sinh (lưu động)" → "dang ky khai sinh luu dong".
 */
export function foldForSearch(text: string): string {
	const folded = foldVietnamese(text.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' '))
	return folded ? folded.split(' ').map(canonicalSyllable).join(' ') : ''
}

/**
 * Both spellings are correct after these consonants ("ký"/"kí", "lý"/"lí", "quy"/"qui", "mỹ"/"mĩ"):
 * the search writes them with "y".
 */
export function canonicalSyllable(folded: string): string {
	return /^(?:qu|[bdhklmnstv])i$/.test(folded) ? `${folded.slice(0, -1)}y` : folded
}

/** Lower case with diacritics kept (NFC), punctuation as spaces. */
export function lowerForSearch(text: string): string {
	return text
		.normalize('NFC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
}

/** The folded syllables of a text. */
export function syllablesOf(text: string): string[] {
	const folded = foldForSearch(text)
	return folded ? folded.split(' ') : []
}

/** A syllable pair as one term. */
export function pairTerm(a: string, b: string): string {
	return `${a}_${b}`
}

/** The accented form of a syllable as a term (only for syllables that have marks). */
export function accentTerm(lower: string): string {
	return `~${lower}`
}

/**
 * The terms of a text for the index: folded syllables, adjacent syllable pairs, and the accented form
 * of every syllable that has diacritics.
 */
export function indexTermsOf(text: string): string[] {
	const lower = lowerForSearch(text)
	if (!lower) return []
	const words = lower.split(' ')
	const terms: string[] = []
	let previous: string | null = null
	for (const word of words) {
		const folded = canonicalSyllable(foldVietnamese(word))
		terms.push(folded)
		if (previous) terms.push(pairTerm(previous, folded))
		if (folded !== word) terms.push(accentTerm(word))
		previous = folded
	}
	return terms
}

/**
 * Words of a question that say nothing about which procedure is meant ("tôi muốn hỏi … thế nào ạ"),
 * as written with diacritics. Typed with their marks they are dropped; typed without marks they may be
 * another word ("the" is "thế" or "thẻ", "dang" is "đang" or "đăng"), so they only count for little.
 */
const accentedStopwords = [
	'tôi',
	'tui',
	'tớ',
	'mình',
	'mik',
	'muốn',
	'thế',
	'nào',
	'gì',
	'ạ',
	'à',
	'ơi',
	'nhé',
	'nhỉ',
	'vậy',
	'xin',
	'giúp',
	'bác',
	'cháu',
	'em',
	'anh',
	'chị',
	'bạn',
	'cần',
	'làm',
	'như',
	'thì',
	'là',
	'của',
	'và',
	'với',
	'về',
	'cho',
	'có',
	'không',
	'được',
	'đc',
	'dc',
	'phải',
	'đâu',
	'ở',
	'ra',
	'bao',
	'nhiêu',
	'lâu',
	'mấy',
	'khi',
	'nếu',
	'hay',
	'hoặc',
	'đã',
	'đang',
	'sẽ',
	'rồi',
	'chưa',
	'này',
	'đó',
	'kia',
	'ai',
	'cái',
	'những',
	'các',
	'mà',
	'để',
	'biết',
	'cách',
	'bị',
	'ko',
	'k',
	'kg',
	'j',
	'z',
	'hả',
	'nha',
	'nhá',
	'vui',
	'lòng',
	'dùm',
	'giùm',
	'thủ',
	'tục',
	'ntn',
	'ư',
	'hử',
	'ah',
	'ak',
	'oke',
	'ok',
]
/** Stopwords as typed with diacritics (dropped from a question). */
export const accentedQuestionStopwords = new Set(accentedStopwords.map((w) => w.normalize('NFC')))
/** Stopwords folded (typed without diacritics: kept with a small weight). */
export const foldedQuestionStopwords = new Set(
	accentedStopwords.map((w) => canonicalSyllable(foldVietnamese(w))),
)

/**
 * Ways of asking that name no procedure ("cần giấy tờ gì", "mất bao lâu", "ở đâu"): removed before
 * searching (the answer covers papers, time, fee and place anyway). Folded.
 */
export const questionPhrases: readonly string[] = [
	'can giay to gi',
	'giay to gi',
	'can nhung giay to gi',
	'nhung giay to gi',
	'can nhung gi',
	'gom nhung gi',
	'ho so gom',
	'can mang theo',
	'mang theo gi',
	'bao nhieu tien',
	'het bao nhieu',
	'mat bao nhieu',
	'le phi bao nhieu',
	'phi bao nhieu',
	'mat bao lau',
	'bao lau',
	'bao gio',
	'o dau',
	'nop o dau',
	'lam o dau',
	'nhu the nao',
	'the nao',
	'ra sao',
	'lam sao',
	'duoc khong',
	'co duoc khong',
	'can lam gi',
	'phai lam gi',
	'thu tuc gi',
	'thu tuc',
	'can gi',
	'la gi',
	'muon hoi',
	'cho hoi',
	'xin hoi',
	'hoi ve',
	'hoi la',
	'hoi giup',
	'can hoi',
].map((phrase) => phrase.split(' ').map(canonicalSyllable).join(' '))
