/**
 * Tells what an upload is from its first bytes, never from its name: people rename files, and a
 * ".xlsx" may be a PDF or an old .xls.
 */
export type FileKind =
	/** A zip container: .xlsx (or .docx, .ods… — the zip reader tells them apart). */
	| 'zip'
	/** An OLE compound file: .xls 97–2003, or an encrypted (password-protected) .xlsx. */
	| 'ole'
	/** Text: a CSV candidate. */
	| 'text'
	/** Anything else: a picture, a PDF, an archive, an executable, random bytes. */
	| 'binary'

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const SAMPLE_BYTES = 64 * 1024

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
	if (bytes.length < signature.length) return false
	return signature.every((b, i) => bytes[i] === b)
}

/** Zip local file header, end of central directory (an empty zip), or a spanned-archive marker. */
function isZip(bytes: Uint8Array): boolean {
	return (
		bytes[0] === 0x50 &&
		bytes[1] === 0x4b &&
		((bytes[2] === 3 && bytes[3] === 4) ||
			(bytes[2] === 5 && bytes[3] === 6) ||
			(bytes[2] === 7 && bytes[3] === 8))
	)
}

/** UTF-16 with a byte order mark (Excel's "Unicode Text" export) — but not UTF-32LE, which shares FF FE. */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return true
	return bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)
}

/**
 * Text files have no NUL bytes and almost no control characters besides tab, CR, LF. (TCVN3's full
 * variant puts a few capital letters on control codes; the common "ABC" fonts do not, so a few are allowed.)
 */
function looksLikeText(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, SAMPLE_BYTES)
	let controls = 0
	for (const b of sample) {
		if (b === 0) return false
		if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++
	}
	return controls <= Math.max(2, sample.length / 1000)
}

export function sniffFileKind(bytes: Uint8Array): FileKind {
	// An empty upload is an empty CSV: refused later as "no data", which is what it is.
	if (bytes.length === 0) return 'text'
	if (isZip(bytes)) return 'zip'
	if (startsWith(bytes, OLE_SIGNATURE)) return 'ole'
	if (hasUtf16Bom(bytes)) return 'text'
	return looksLikeText(bytes) ? 'text' : 'binary'
}
