/**
 * "NGUYỄN văn an" → "Nguyễn Văn An": spacing collapsed, each word capitalised, the rest lower-cased,
 * in NFC. A letter after an apostrophe or hyphen starts a word too ("H'hen" → "H'Hen", "y-moan" → "Y-Moan"),
 * as in Ê Đê and other ethnic-minority names. Vietnamese has no locale-specific case rules, so the plain
 * (fast) case mappings are right.
 */
export function toTitleCase(text: string): string {
	const lower = collapseSpaces(text.normalize('NFC')).toLowerCase()
	const words = lower.split(' ')
	for (let i = 0; i < words.length; i++) {
		const w = words[i]!
		words[i] = w.charAt(0).toUpperCase() + w.slice(1)
	}
	const out = words.join(' ')
	return out.includes("'") || out.includes('’') || out.includes('-')
		? out.replace(/(['’-])(\p{L})/gu, (_m, mark: string, letter: string) => mark + letter.toUpperCase())
		: out
}

/** Trims and turns every run of white space into one space, skipping the work when there is none. */
export function collapseSpaces(text: string): string {
	return /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200b\u3000]/.test(text)
		? text.replace(/\s+/gu, ' ').trim()
		: text.trim()
}

/** "chủ HỘ" → "Chủ hộ": first letter capital, the rest lower-case. */
export function toSentenceCase(text: string): string {
	const lower = collapseSpaces(text.normalize('NFC')).toLowerCase()
	return lower.charAt(0).toUpperCase() + lower.slice(1)
}
