import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { buildImportTemplate } from '#server/people/import/build-import-template.server.ts'
import { detectHeader } from '#server/people/import/detect-header.ts'
import { ImportFileError } from '#server/people/import/import-file-error.ts'
import { parseBirthDate } from '#server/people/import/parse-birth-date.ts'
import { splitCsvRecords } from '#server/people/import/parse-csv.ts'
import { parsePersonalIdCell } from '#server/people/import/parse-personal-id-cell.ts'
import { parsePhone } from '#server/people/import/parse-phone.ts'
import { parseResidentRow } from '#server/people/import/parse-resident-row.ts'
import { parseResidentSheet } from '#server/people/import/parse-resident-sheet.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import {
	type ResidentImportField,
	residentImportFieldInfo,
	residentImportFields,
} from '#server/people/import/resident-import-fields.ts'
import { type CellValue, ExcelSerialDate, type RawSheet } from '#server/people/import/sheet-types.ts'

// Property-based fuzzing of the resident import (issue 10): whatever a ward's spreadsheet holds,
// every parser answers with a value or a reason in Vietnamese and English, and never throws; a file
// that cannot be read is refused with an ImportFileError, never another exception. Fixed seeds.

const today = '2026-11-24'
const vietnamese = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ'
const text = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.string({
		unit: fc.constantFrom(...`${vietnamese}${vietnamese.toUpperCase()} 0123456789/.-,'"#`),
		maxLength: 40,
	}),
	fc.constantFrom(
		'#REF!',
		'#N/A',
		'x',
		'X',
		'✓',
		'Nam',
		'Nữ',
		'Chủ hộ',
		'=1+1',
		'',
		' ',
		'1956',
		'05/03/1956',
	),
)
const cell: fc.Arbitrary<CellValue> = fc.oneof(
	text,
	fc.double(),
	fc.integer(),
	fc.boolean(),
	fc.constant(null),
	// The readers never produce Date objects; the type allows valid ones (an Invalid Date makes
	// cellText throw: outside what any reader yields, so not generated here).
	fc.date({ noInvalidDate: true }),
	fc.tuple(fc.double(), fc.boolean()).map(([serial, in1904]) => new ExcelSerialDate(serial, in1904)),
)
const headerWords = Object.values(residentImportFieldInfo).flatMap((info) => [...info.aliases])

function expectReason(result: { ok: boolean; messageVi?: string; messageEn?: string; code?: string }) {
	if (result.ok) return
	expect(result.code).toBeTruthy()
	expect(result.messageVi?.length).toBeGreaterThan(3)
	expect(result.messageEn?.length).toBeGreaterThan(3)
}

describe('field parsers', () => {
	test('birth dates: a plausible date or year, or a reason', () => {
		fc.assert(
			fc.property(cell, (value) => {
				const result = parseBirthDate(value, { today })
				expectReason(result)
				if (result.ok) {
					expect(Number.isInteger(result.value.birthYear)).toBe(true)
					expect(result.value.birthYear).toBeGreaterThanOrEqual(2026 - 120)
					expect(result.value.birthYear).toBeLessThanOrEqual(2026)
					if (result.value.birthDate)
						expect(result.value.birthDate.slice(0, 4)).toBe(String(result.value.birthYear))
				}
			}),
			{ numRuns: 3000, seed: 1 },
		)
	})

	test('phones: nothing, a 10- or 11-digit number starting with 0, or a reason', () => {
		fc.assert(
			fc.property(fc.oneof(text, fc.double(), fc.integer()), (value) => {
				const result = parsePhone(value)
				expectReason(result)
				if (result.ok && result.value !== undefined) expect(result.value).toMatch(/^0\d{9,10}$/)
			}),
			{ numRuns: 3000, seed: 2 },
		)
	})

	test('personal ID cells: nothing, a 12-digit number, or a reason', () => {
		fc.assert(
			fc.property(cell, (value) => {
				const result = parsePersonalIdCell(value, {})
				expectReason(result)
				if (result.ok && result.value) expect(result.value.personalId).toMatch(/^\d{12}$/)
			}),
			{ numRuns: 3000, seed: 3 },
		)
	})
})

describe('rows and sheets', () => {
	const rowCells = fc.dictionary(fc.constantFrom(...residentImportFields), cell, { maxKeys: 16 })

	test('a row becomes a record or a list of reasons, never an exception', () => {
		fc.assert(
			fc.property(rowCells, (values) => {
				const fields = Object.keys(values) as ResidentImportField[]
				const result = parseResidentRow(
					{ get: (f) => values[f], column: (f) => (fields.includes(f) ? fields.indexOf(f) : undefined) },
					{ today },
				)
				if (result.ok) expect(result.record.fullName.length).toBeGreaterThan(0)
				else {
					expect(result.errors.length).toBeGreaterThan(0)
					for (const issue of result.errors) expect(issue.messageVi.length).toBeGreaterThan(3)
				}
			}),
			{ numRuns: 2000, seed: 4 },
		)
	})

	test('header detection and sheet parsing survive any sheet', () => {
		const headerCell = fc.oneof(fc.constantFrom(...headerWords), cell)
		const sheet = fc.array(fc.array(headerCell, { maxLength: 14 }), { maxLength: 30 }).map(
			(rows): RawSheet => ({
				name: 'Tổ 1',
				state: 'visible',
				rows: rows.map((cells, i) => ({ number: i + 1, cells })),
				merges: [],
				formulaCellCount: 0,
			}),
		)
		fc.assert(
			fc.property(sheet, (raw) => {
				const detection = detectHeader(raw)
				const widest = Math.max(0, ...raw.rows.map((r) => r.cells.length))
				const used = Object.values(detection.mapping.columns)
				expect(new Set(used).size).toBe(used.length)
				for (const column of used) expect(column).toBeLessThan(Math.max(widest, 1))
				const parsed = parseResidentSheet(raw, detection.mapping, { today })
				expect(parsed.rows.length + parsed.skipped.length).toBeLessThanOrEqual(raw.rows.length)
			}),
			{ numRuns: 500, seed: 5 },
		)
	})
})

describe('files', () => {
	test('CSV records come back exactly as written, whatever they hold', () => {
		const records = fc.array(
			fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 6 }),
			{
				maxLength: 12,
			},
		)
		fc.assert(
			fc.property(records, fc.constantFrom(',' as const, ';' as const, '\t' as const), (rows, delimiter) => {
				const csv = rows
					.map((fields) => `${fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(delimiter)}\r\n`)
					.join('')
				const back: string[][] = []
				splitCsvRecords(csv, delimiter, (fields) => void back.push(fields))
				expect(back).toEqual(rows)
			}),
			{ numRuns: 1000, seed: 6 },
		)
	})

	let template: Buffer
	beforeAll(async () => {
		template = await buildImportTemplate()
	})

	test('a damaged workbook or arbitrary bytes are refused with an ImportFileError, nothing else', async () => {
		const damage = fc.oneof(
			fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
			fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
			fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 600 }) }),
		)
		await fc.assert(
			fc.asyncProperty(damage, async (d) => {
				let bytes: Buffer
				if (d.kind === 'bytes') bytes = Buffer.from(d.bytes)
				else if (d.kind === 'cut') bytes = template.subarray(0, d.at % template.length)
				else {
					bytes = Buffer.from(template)
					const at = d.at % bytes.length
					bytes[at] = (bytes[at] as number) ^ d.bits
				}
				try {
					const workbook = await readImportFile(bytes, { fileName: 'danh-sach.xlsx' })
					expect(Array.isArray(workbook.sheets)).toBe(true)
				} catch (error) {
					expect(error, String((error as Error)?.stack)).toBeInstanceOf(ImportFileError)
					expect((error as ImportFileError).messageVi.length).toBeGreaterThan(10)
				}
			}),
			{ numRuns: 300, seed: 7 },
		)
	})
})
