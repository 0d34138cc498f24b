/**
 * Test fixtures made in the test run instead of committed binaries: workbooks through exceljs, raw zips
 * (to craft bombs, lies and hand-written .xlsx parts), OLE headers, and legacy-encoded CSV bytes.
 * Imported by the *.test.ts files of this folder only.
 */
import zlib from 'node:zlib'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { decodeTcvn3 } from '#server/people/import/tcvn3.ts'

export async function workbookBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook()
	build(workbook)
	return Buffer.from(await workbook.xlsx.writeBuffer())
}

export interface ZipEntrySpec {
	name: string
	data: Buffer | string
	/** Declare this uncompressed size instead of the real one (a lying zip). */
	declaredSize?: number
	store?: boolean
}

/** Writes a zip by hand (local headers, central directory, end record), so tests can make it lie. */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
	const locals: Buffer[] = []
	const centrals: Buffer[] = []
	let offset = 0
	for (const entry of entries) {
		const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8')
		const body = entry.store ? data : zlib.deflateRawSync(data, { level: 9 })
		const name = Buffer.from(entry.name, 'utf8')
		const crc = zlib.crc32(data)
		const size = entry.declaredSize ?? data.length
		const local = Buffer.alloc(30)
		local.writeUInt32LE(0x04034b50, 0)
		local.writeUInt16LE(20, 4)
		local.writeUInt16LE(0x0800, 6)
		local.writeUInt16LE(entry.store ? 0 : 8, 8)
		local.writeUInt32LE(crc, 14)
		local.writeUInt32LE(body.length, 18)
		local.writeUInt32LE(size, 22)
		local.writeUInt16LE(name.length, 26)
		const central = Buffer.alloc(46)
		central.writeUInt32LE(0x02014b50, 0)
		central.writeUInt16LE(20, 4)
		central.writeUInt16LE(20, 6)
		central.writeUInt16LE(0x0800, 8)
		central.writeUInt16LE(entry.store ? 0 : 8, 10)
		central.writeUInt32LE(crc, 16)
		central.writeUInt32LE(body.length, 20)
		central.writeUInt32LE(size, 24)
		central.writeUInt16LE(name.length, 28)
		central.writeUInt32LE(offset, 42)
		locals.push(local, name, body)
		centrals.push(central, name)
		offset += local.length + name.length + body.length
	}
	const centralSize = centrals.reduce((n, b) => n + b.length, 0)
	const end = Buffer.alloc(22)
	end.writeUInt32LE(0x06054b50, 0)
	end.writeUInt16LE(entries.length, 8)
	end.writeUInt16LE(entries.length, 10)
	end.writeUInt32LE(centralSize, 12)
	end.writeUInt32LE(offset, 16)
	return Buffer.concat([...locals, ...centrals, end])
}

/** The smallest .xlsx Excel accepts, with the sheets' XML as given (shared strings optional). */
export function handMadeXlsx(
	sheets: { name: string; xml: string; state?: 'hidden' }[],
	extra: ZipEntrySpec[] = [],
): Buffer {
	const ns = 'http://schemas.openxmlformats.org'
	const rel = `${ns}/officeDocument/2006/relationships`
	return buildZip([
		{
			name: '[Content_Types].xml',
			data: `<?xml version="1.0"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		},
		{
			name: '_rels/.rels',
			data: `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		},
		{
			name: 'xl/workbook.xml',
			data: `<?xml version="1.0"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets>${sheets
				.map(
					(s, i) =>
						`<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
				)
				.join('')}</sheets></workbook>`,
		},
		{
			name: 'xl/_rels/workbook.xml.rels',
			data: `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships">${sheets
				.map(
					(_, i) =>
						`<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
				)
				.join('')}</Relationships>`,
		},
		...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
		...extra,
	])
}

/** Sheet XML from rows of inline strings / numbers. */
export function sheetXml(rows: (string | number)[][]): string {
	const body = rows
		.map(
			(cells, r) =>
				`<row r="${r + 1}">${cells
					.map((v) =>
						typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`,
					)
					.join('')}</row>`,
		)
		.join('')
	return `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`
}

/** An OLE compound file header followed by one directory sector naming the given streams. */
export function oleFileWithStreams(names: string[]): Buffer {
	const header = Buffer.alloc(512)
	Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header)
	const directory = Buffer.alloc(512)
	;['Root Entry', ...names].forEach((name, i) => {
		const encoded = Buffer.from(`${name}\0`, 'utf16le')
		encoded.copy(directory, i * 128)
		directory.writeUInt16LE(encoded.length, i * 128 + 64)
		directory[i * 128 + 66] = i === 0 ? 5 : 2
	})
	return Buffer.concat([header, directory])
}

/**
 * Windows-1258 as Windows writes it: letters that have a precomposed code (â, ê, ô, ơ, ư, ă, đ, á…) use it,
 * the remaining tone marks are combining characters.
 */
export function encodeWindows1258(text: string): Buffer {
	const parts: Buffer[] = []
	for (const ch of text.normalize('NFC')) {
		const direct = iconv.encode(ch, 'windows1258')
		if (!direct.equals(Buffer.from('?')) || ch === '?') {
			parts.push(direct)
			continue
		}
		const [base, ...marks] = [...ch.normalize('NFD')]
		const withFirst = `${base}${marks[0] ?? ''}`.normalize('NFC')
		const baseBytes = iconv.encode(withFirst, 'windows1258')
		parts.push(
			baseBytes.equals(Buffer.from('?'))
				? iconv.encode(`${base}${marks.join('')}`, 'windows1258')
				: Buffer.concat([baseBytes, iconv.encode(marks.slice(1).join(''), 'windows1258')]),
		)
	}
	return Buffer.concat(parts)
}

/** TCVN3 bytes for text, by inverting the decoder's table (lower-case letters and Ă Â Ê Ô Ơ Ư Đ). */
export function encodeTcvn3(text: string): Buffer {
	const inverse = new Map<string, number>()
	for (let b = 0xff; b >= 0x80; b--) inverse.set(decodeTcvn3(Uint8Array.of(b)), b)
	return Buffer.from(
		[...text.normalize('NFC')].map((ch) => {
			const code = ch.charCodeAt(0)
			if (code < 0x80) return code
			const b = inverse.get(ch)
			if (b === undefined) throw new Error(`No TCVN3 byte for ${ch}`)
			return b
		}),
	)
}
