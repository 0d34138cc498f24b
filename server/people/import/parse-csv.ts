export type CsvDelimiter = ',' | ';' | '\t'

const CANDIDATES: CsvDelimiter[] = [',', ';', '\t']
const SAMPLE_RECORDS = 30

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; CRLF,
 * LF or CR line ends). Calls `onRecord` with the 1-based record number — the row number Excel shows when
 * it opens the file — and stops early when `onRecord` returns false.
 */
export function splitCsvRecords(
	text: string,
	delimiter: CsvDelimiter,
	onRecord: (fields: string[], number: number) => boolean | undefined,
): void {
	const length = text.length
	const quote = 34
	const delim = delimiter.charCodeAt(0)
	let fields: string[] = []
	let field = ''
	let number = 0
	let i = 0
	while (i <= length) {
		if (i === length) {
			if (field !== '' || fields.length > 0) {
				fields.push(field)
				onRecord(fields, ++number)
			}
			return
		}
		let code = text.charCodeAt(i)
		if (code === quote && field === '') {
			// Quoted field: read to the closing quote, turning "" into ".
			i++
			let start = i
			for (;;) {
				const next = text.indexOf('"', i)
				if (next === -1) {
					field += text.slice(start)
					i = length
					break
				}
				if (text.charCodeAt(next + 1) === quote) {
					field += `${text.slice(start, next)}"`
					i = next + 2
					start = i
					continue
				}
				field += text.slice(start, next)
				i = next + 1
				break
			}
			if (i >= length) continue
			code = text.charCodeAt(i)
			// Anything between the closing quote and the next delimiter is kept, as spreadsheets do.
			while (i < length && code !== delim && code !== 10 && code !== 13) {
				field += text[i]
				code = text.charCodeAt(++i)
			}
			if (i >= length) continue
		}
		if (code === delim) {
			fields.push(field)
			field = ''
			i++
		} else if (code === 10 || code === 13) {
			fields.push(field)
			if (onRecord(fields, ++number) === false) return
			fields = []
			field = ''
			i += code === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1
		} else {
			let end = i + 1
			while (end < length) {
				const c = text.charCodeAt(end)
				if (c === delim || c === 10 || c === 13) break
				end++
			}
			field += text.slice(i, end)
			i = end
		}
	}
}

/**
 * Picks the delimiter under which the first records agree best on their number of fields (Excel writes
 * ";" where the decimal separator is ",", and "\t" for "Unicode Text"). Title rows with one field do not
 * count. Defaults to ",".
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
	let best: { delimiter: CsvDelimiter; agreeing: number; width: number } = {
		delimiter: ',',
		agreeing: 0,
		width: 0,
	}
	for (const delimiter of CANDIDATES) {
		const widths = new Map<number, number>()
		let seen = 0
		splitCsvRecords(text, delimiter, (fields) => {
			if (fields.length > 1) widths.set(fields.length, (widths.get(fields.length) ?? 0) + 1)
			return ++seen < SAMPLE_RECORDS
		})
		for (const [width, agreeing] of widths) {
			if (agreeing > best.agreeing || (agreeing === best.agreeing && width > best.width)) {
				best = { delimiter, agreeing, width }
			}
		}
	}
	return best.delimiter
}
