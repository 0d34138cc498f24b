import type { Readable } from 'node:stream'
import type { SheetState } from '#server/people/import/sheet-types.ts'
import { parseXmlStream, parseXmlText } from '#server/people/import/xml-stream.server.ts'
import { attributeValue, parseAttributes } from '#server/people/import/xml-tokenizer.ts'

/** The small parts of an .xlsx (ECMA-376 Part 1) that say where the sheets are and how to read them. */

export interface WorkbookSheetEntry {
	name: string
	state: SheetState
	relationshipId: string
}

export interface WorkbookInfo {
	sheets: WorkbookSheetEntry[]
	/** `<workbookPr date1904="1"/>`: serials count from 1904-01-01. */
	date1904: boolean
}

export interface Relationship {
	target: string
	/** The relationship type's last segment: "worksheet", "chartsheet", "officeDocument", … */
	type: string
}

/** The value of an attribute whatever its prefix ("r:id", "relationships:id"). */
function prefixedAttribute(attributes: Record<string, string>, local: string): string | undefined {
	for (const [key, value] of Object.entries(attributes)) if (key.endsWith(`:${local}`)) return value
	return undefined
}

function truthy(value: string | undefined): boolean {
	return value === '1' || value === 'true'
}

export function parseWorkbookXml(xml: string): WorkbookInfo {
	const info: WorkbookInfo = { sheets: [], date1904: false }
	parseXmlText(xml, {
		open(name, raw) {
			if (name !== 'workbookPr' && name !== 'sheet') return
			const attributes = parseAttributes(raw)
			if (name === 'workbookPr') info.date1904 = truthy(attributes.date1904)
			if (name === 'sheet') {
				const state =
					attributes.state === 'hidden' || attributes.state === 'veryHidden' ? attributes.state : 'visible'
				info.sheets.push({
					name: attributes.name ?? '',
					state,
					relationshipId: prefixedAttribute(attributes, 'id') ?? attributes.id ?? '',
				})
			}
		},
		close() {},
	})
	return info
}

export function parseRelationshipsXml(xml: string): Map<string, Relationship> {
	const rels = new Map<string, Relationship>()
	parseXmlText(xml, {
		open(name, raw) {
			if (name !== 'Relationship') return
			const attributes = parseAttributes(raw)
			if (!attributes.Id || !attributes.Target) return
			if (attributes.TargetMode === 'External') return
			rels.set(attributes.Id, {
				target: attributes.Target,
				type: (attributes.Type ?? '').split('/').pop() ?? '',
			})
		},
		close() {},
	})
	return rels
}

/** Resolves a relationship target against the folder of the part that owns it ("xl/" + "worksheets/sheet1.xml"). */
export function resolvePartPath(ownerFolder: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1)
	const parts = ownerFolder.split('/').filter(Boolean)
	for (const segment of target.split('/')) {
		if (segment === '..') parts.pop()
		else if (segment !== '.' && segment !== '') parts.push(segment)
	}
	return parts.join('/')
}

// Built-in number formats that show a date or time (ECMA-376 Part 1, 18.8.30; 27–36 and 50–58 are East Asian dates).
const builtInDateFormats = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
	55, 56, 57, 58,
])

/** A custom format shows a date when, outside quotes, brackets and escapes, it uses d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
	const bare = code
		.replace(/"[^"]*"/g, '')
		.replace(/\[[^\]]*\]/g, '')
		.replace(/\\./g, '')
		.replace(/_.|\*./g, '')
	return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim())
}

/** For each cell style index (`<c s="…">`), whether its number format is a date. */
export function parseStylesXml(xml: string): boolean[] {
	const customFormats = new Map<number, string>()
	const dateStyles: boolean[] = []
	let inCellXfs = false
	parseXmlText(xml, {
		open(name, raw) {
			if (name === 'numFmt') {
				const attributes = parseAttributes(raw)
				customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '')
			} else if (name === 'cellXfs') {
				inCellXfs = true
			} else if (name === 'xf' && inCellXfs) {
				const id = Number(attributeValue(raw, 'numFmtId') ?? 0)
				const custom = customFormats.get(id)
				dateStyles.push(custom !== undefined ? isDateFormatCode(custom) : builtInDateFormats.has(id))
			}
		},
		close(name) {
			if (name === 'cellXfs') inCellXfs = false
		},
	})
	return dateStyles
}

/** The shared string table: rich-text runs joined, phonetic guides (`<rPh>`) left out. */
export async function parseSharedStrings(stream: Readable): Promise<string[]> {
	const strings: string[] = []
	let current = ''
	let inText = false
	let phoneticDepth = 0
	await parseXmlStream(stream, {
		open(name, _attributes, selfClosing) {
			if (name === 'si') current = ''
			else if (name === 'rPh') phoneticDepth++
			else if (name === 't' && !selfClosing) inText = true
		},
		text(text) {
			if (inText && phoneticDepth === 0) current += text
		},
		close(name) {
			if (name === 't') inText = false
			else if (name === 'rPh') phoneticDepth--
			else if (name === 'si') strings.push(current)
		},
	})
	return strings
}
