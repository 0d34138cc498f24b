/**
 * TCVN 5712:1993 ("TCVN3", the ABC fonts .VnTime/.VnArial that Vietnamese offices used before Unicode):
 * one byte per letter, ASCII below 0x80. The table is the standard's full VN1 repertoire for 0x80–0xFF
 * (the same as glibc's TCVN5712-1), of which the ABC fonts (VN3) use the lower-case letters and the
 * capitals Ă Â Ê Ô Ơ Ư Đ: their other capitals are drawn by a separate font (.VnTimeH) that shows the
 * lower-case codes as capitals. The bytes cannot say which font was used, so a word written in capitals
 * with such letters ("NGUYÔN" = "NGUYễN") is read as all capitals ("NGUYỄN") and the conversion is
 * reported, never silent.
 */
const HIGH_HALF =
	'\u00c0\u1ea2\u00c3\u00c1\u1ea0\u1eb6\u1eac\u00c8' + // 80–87
	'\u1eba\u1ebc\u00c9\u1eb8\u1ec6\u00cc\u1ec8\u0128' + // 88–8F
	'\u00cd\u1eca\u00d2\u1ece\u00d5\u00d3\u1ecc\u1ed8' + // 90–97
	'\u1edc\u1ede\u1ee0\u1eda\u1ee2\u00d9\u1ee6\u0168' + // 98–9F
	'\u00a0\u0102\u00c2\u00ca\u00d4\u01a0\u01af\u0110' + // A0–A7
	'\u0103\u00e2\u00ea\u00f4\u01a1\u01b0\u0111\u1eb0' + // A8–AF
	'\u0300\u0309\u0303\u0301\u0323\u00e0\u1ea3\u00e3' + // B0–B7
	'\u00e1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4' + // B8–BF
	'\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7' + // C0–C7
	'\u1ea9\u1eab\u1ea5\u1ead\u00e8\u1ec2\u1ebb\u1ebd' + // C8–CF
	'\u00e9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\u00ec' + // D0–D7
	'\u1ec9\u1ec4\u1ebe\u1ed2\u0129\u00ed\u1ecb\u00f2' + // D8–DF
	'\u1ed4\u1ecf\u00f5\u00f3\u1ecd\u1ed3\u1ed5\u1ed7' + // E0–E7
	'\u1ed1\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\u00f9' + // E8–EF
	'\u1ed6\u1ee7\u0169\u00fa\u1ee5\u1eeb\u1eed\u1eef' + // F0–F7
	'\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9\u00fd\u1ef5\u1ed0' // F8–FF

/** Decodes TCVN3 bytes to Unicode (NFC), upper-casing all-capital words as explained above. */
export function decodeTcvn3(bytes: Uint8Array): string {
	let text = ''
	for (const b of bytes) text += b < 0x80 ? String.fromCharCode(b) : HIGH_HALF.charAt(b - 0x80)
	return fixCapitalWords(text.normalize('NFC'))
}

/**
 * Converts text that is TCVN3 read as Latin-1, as Excel shows a cell in a .VnTime font ("Hµ Néi"),
 * to Unicode ("Hà Nội"). Characters above U+00FF are left as they are.
 */
export function convertTcvn3Text(text: string): string {
	let out = ''
	for (const ch of text) {
		const code = ch.charCodeAt(0)
		out += code >= 0x80 && code <= 0xff ? HIGH_HALF.charAt(code - 0x80) : ch
	}
	return fixCapitalWords(out.normalize('NFC'))
}

const LOWER_VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/u

/**
 * A word with at least two capital ASCII letters, no small ASCII letter and some small Vietnamese letter
 * was written in an upper-case ABC font. ("Hµ" stays "Hà": with one capital the bytes cannot tell "Hà"
 * from "HÀ", and names are re-cased later anyway.)
 */
function fixCapitalWords(text: string): string {
	return text.replace(/\p{L}+/gu, (word) => {
		if (!LOWER_VIETNAMESE.test(word) || /[a-z]/.test(word)) return word
		return (word.match(/[A-Z]/g)?.length ?? 0) >= 2 ? word.toUpperCase() : word
	})
}
