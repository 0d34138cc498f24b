/**
 * "NGUYỄN văn an" → "Nguyễn Văn An": spacing collapsed, each word capitalised, the rest lower-cased,
 * in NFC. A letter after an apostrophe or hyphen starts a word too ("H'hen" → "H'Hen", "y-moan" → "Y-Moan"),
 * as in Ê Đê and other ethnic-minority names.
 */
export function toTitleCase(text: string): string {
	return text
		.normalize('NFC')
		.replace(/\s+/gu, ' ')
		.trim()
		.toLocaleLowerCase('vi')
		.replace(
			/(^|[\s'’-])(\p{L})/gu,
			(_m, before: string, letter: string) => before + letter.toLocaleUpperCase('vi'),
		)
}

/** "chủ HỘ" → "Chủ hộ": first letter capital, the rest lower-case. */
export function toSentenceCase(text: string): string {
	const lower = text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('vi')
	return lower.replace(/^\p{L}/u, (letter) => letter.toLocaleUpperCase('vi'))
}
