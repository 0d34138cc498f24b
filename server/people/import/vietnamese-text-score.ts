/**
 * How much a decoded text looks like Vietnamese: used to choose between legacy encodings, whose bytes
 * mean different letters. A Vietnamese syllable has at most one tone mark, so reading Windows-1258 as
 * TCVN3 (or the other way round) yields many "words" with two tones or with symbols such as µ ¸ ®.
 */
const VIETNAMESE_LETTERS = new Set(
	'abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
)
const TONED = new Set('àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ')

/**
 * A Vietnamese syllable without its tone: optional initial consonant, a vowel group from the closed set
 * the language allows, optional final consonant. ("teân", "Hoọ" — VNI read as something else — fail it.)
 */
const SYLLABLE = new RegExp(
	'^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?' +
		'(?:iêu|yêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|' +
		'ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|' +
		'[aăâeêioôơuưy])?' +
		'(?:ch|ng|nh|[cmnpt])?$',
	'u',
)

function withoutTone(word: string): string {
	return word
		.normalize('NFD')
		.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
		.normalize('NFC')
}

export interface VietnameseScore {
	/** Words with at least one non-ASCII character. */
	words: number
	/** Of those, words that are plausible Vietnamese (only Vietnamese letters, at most one tone mark). */
	plausible: number
}

export function scoreVietnameseText(text: string): VietnameseScore {
	const score: VietnameseScore = { words: 0, plausible: 0 }
	for (const token of text
		.normalize('NFC')
		.toLowerCase()
		.split(/[\s\d,;.:'"()/\\\-–_!?[\]{}<>|=+*&%#@$^~`]+/u)) {
		if (token === '' || /^[\x20-\x7e]*$/.test(token)) continue
		score.words++
		let tones = 0
		let ok = true
		for (const ch of token) {
			if (!VIETNAMESE_LETTERS.has(ch)) {
				ok = false
				break
			}
			if (TONED.has(ch)) tones++
		}
		if (ok && tones <= 1 && SYLLABLE.test(withoutTone(token))) score.plausible++
	}
	return score
}

/** Share of non-ASCII words that are plausible Vietnamese; 0 when there are none. */
export function plausibleShare(score: VietnameseScore): number {
	return score.words === 0 ? 0 : score.plausible / score.words
}
