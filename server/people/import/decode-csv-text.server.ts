import iconv from 'iconv-lite'
import { ImportFileError } from '#server/people/import/import-file-error.ts'
import type { RawWorkbook, ReadWarning } from '#server/people/import/sheet-types.ts'
import { decodeTcvn3 } from '#server/people/import/tcvn3.ts'
import { plausibleShare, scoreVietnameseText } from '#server/people/import/vietnamese-text-score.ts'

export type CsvEncoding = NonNullable<RawWorkbook['encoding']>

export interface DecodedCsvText {
	text: string
	encoding: CsvEncoding
	warning?: ReadWarning
}

/** Below this share of plausible Vietnamese words, neither legacy reading is trusted. */
const MIN_PLAUSIBLE_SHARE = 0.85

function unknownEncoding(): ImportFileError {
	return new ImportFileError('unknownEncoding', {
		messageVi:
			'Không nhận ra bảng mã chữ tiếng Việt của tệp CSV (đã thử UTF-8, UTF-16, Windows-1258 và TCVN3/ABC; bảng mã VNI chưa được hỗ trợ). Hãy mở tệp bằng Excel và lưu dạng “CSV UTF-8 (Comma delimited)”, hoặc chuyển mã sang Unicode bằng Unikey rồi tải lên lại.',
		messageEn:
			'The CSV file’s Vietnamese character encoding was not recognised (tried UTF-8, UTF-16, Windows-1258 and TCVN3/ABC; VNI is not supported). Open it in Excel and save as “CSV UTF-8 (Comma delimited)”, or convert it to Unicode with Unikey, then upload it again.',
	})
}

function strictUtf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		return null
	}
}

/**
 * Decodes a CSV upload: UTF-8 with or without BOM, UTF-16 with BOM, else one of the legacy Vietnamese
 * encodings, Windows-1258 or TCVN3 (ABC), whichever reads as Vietnamese; refuses when neither does.
 */
export function decodeCsvText(bytes: Buffer): DecodedCsvText {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		const text = strictUtf8(bytes.subarray(3))
		if (text === null) throw unknownEncoding()
		return { text, encoding: 'utf-8' }
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' }
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' }
	const utf8 = strictUtf8(bytes)
	if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }

	const cp1258 = iconv.decode(bytes, 'windows1258').normalize('NFC')
	const tcvn3 = decodeTcvn3(bytes)
	const cp1258Share = plausibleShare(scoreVietnameseText(cp1258))
	const tcvn3Share = plausibleShare(scoreVietnameseText(tcvn3))
	if (Math.max(cp1258Share, tcvn3Share) < MIN_PLAUSIBLE_SHARE) throw unknownEncoding()
	if (cp1258Share >= tcvn3Share) {
		return {
			text: cp1258,
			encoding: 'windows-1258',
			warning: {
				code: 'windows1258Converted',
				messageVi:
					'Tệp CSV dùng bảng mã Windows-1258; đã chuyển sang Unicode. Hãy kiểm tra lại dấu tiếng Việt ở phần xem trước.',
				messageEn:
					'The CSV file uses the Windows-1258 encoding; it was converted to Unicode. Check the Vietnamese accents in the preview.',
			},
		}
	}
	return {
		text: tcvn3,
		encoding: 'tcvn3',
		warning: {
			code: 'tcvn3Converted',
			messageVi:
				'Tệp CSV dùng bảng mã TCVN3 (ABC, phông .VnTime); đã chuyển sang Unicode. Chữ in hoa có dấu viết bằng phông chữ hoa (.VnTimeH) được đoán theo cả từ: hãy kiểm tra lại họ tên ở phần xem trước.',
			messageEn:
				'The CSV file uses the TCVN3 (ABC, .VnTime fonts) encoding; it was converted to Unicode. Accented capitals typed with an upper-case font (.VnTimeH) are inferred word by word: check the names in the preview.',
		},
	}
}
