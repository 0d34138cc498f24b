/**
 * "NGUYỄN văn an" → "Nguyễn Văn An": spacing collapsed, each word capitalised, the rest lower-cased,
 * in NFC. A letter after an apostrophe or hyphen starts a word too ("H'hen" → "H'Hen", "y-moan" → "Y-Moan"),
 * as in Ê Đê and other ethnic-minority names. Vietnamese has no locale-specific case rules, so the plain
 * (fast) case mappings are right.
 */
export function toTitleCase(text: string): string {
	const lower = text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase()
	let out = ''
	let startOfWord = true
	for (const ch of lower) {
		out += startOfWord ? ch.toUpperCase() : ch
		startOfWord = ch === ' ' || ch === "'" || ch === '’' || ch === '-'
	}
	return out
}

/** "chủ HỘ" → "Chủ hộ": first letter capital, the rest lower-case. */
export function toSentenceCase(text: string): string {
	const lower = text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase()
	return lower.charAt(0).toUpperCase() + lower.slice(1)
}
