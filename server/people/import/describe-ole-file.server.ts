/**
 * What an OLE compound file (MS-CFB) holds, judged from its directory entries: Excel saves a workbook
 * with an opening password as an OLE file with an "EncryptedPackage" stream (MS-OFFCRYPTO §2.3.4.4),
 * and an Excel 97–2003 workbook as one with a "Workbook" (or, older, "Book") stream.
 */
export type OleContent = 'encryptedPackage' | 'legacyWorkbook' | 'other'

const DIRECTORY_ENTRY_BYTES = 128
const NAME_LENGTH_OFFSET = 64
const OBJECT_TYPE_OFFSET = 66
const STREAM_OBJECT = 2

/**
 * Finds a directory entry with this stream name. Entries are 128-byte records that start on 128-byte
 * boundaries (sectors are 512 or 4096 bytes and the header takes the first one), with the name in
 * UTF-16LE and its byte length (terminator included) at offset 64.
 */
function hasStream(bytes: Buffer, name: string): boolean {
	const needle = Buffer.from(`${name}\0`, 'utf16le')
	let at = bytes.indexOf(needle)
	while (at !== -1) {
		if (
			at % DIRECTORY_ENTRY_BYTES === 0 &&
			at + DIRECTORY_ENTRY_BYTES <= bytes.length &&
			bytes.readUInt16LE(at + NAME_LENGTH_OFFSET) === needle.length &&
			bytes[at + OBJECT_TYPE_OFFSET] === STREAM_OBJECT
		) {
			return true
		}
		at = bytes.indexOf(needle, at + 1)
	}
	return false
}

export function describeOleFile(bytes: Buffer): OleContent {
	if (hasStream(bytes, 'EncryptedPackage')) return 'encryptedPackage'
	if (hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book')) return 'legacyWorkbook'
	return 'other'
}
