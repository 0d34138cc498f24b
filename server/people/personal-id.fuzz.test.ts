import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { decodePersonalId, generatePersonalId, validatePersonalId } from '#server/people/personal-id.ts'
import { provinceIdCodes } from '#server/people/province-codes.ts'

// Property-based checks of the personal ID rules (issue 10): any input gets an answer, never an
// exception; a refusal always says why in both languages; every well-formed number is accepted and
// decodes to what it was made from. Fixed seeds keep runs reproducible.

const errorCodes = [
	'required',
	'invalidCharacters',
	'oldIdCardNumber',
	'wrongLength',
	'unknownProvince',
	'birthYearInFuture',
	'sexMismatch',
	'centuryMismatch',
	'birthYearMismatch',
]

/** Typed, pasted or imported: digits with the separators people use, anything else, or a number. */
const input = fc.oneof(
	fc.string({ unit: fc.constantFrom(..."0123456789 .-\u00a0'".split('')), maxLength: 20 }),
	fc.string({ unit: 'binary', maxLength: 20 }),
	fc.double(),
	fc.integer(),
	fc.constant(79203001234),
)
const expectations = fc.record(
	{ sex: fc.constantFrom('male' as const, 'female' as const), birthYear: fc.integer({ min: -5, max: 3000 }) },
	{ requiredKeys: [] },
)

describe('validatePersonalId', () => {
	test('answers every input with a 12-digit number or a reason in both languages', () => {
		fc.assert(
			fc.property(input, expectations, (value, expect_) => {
				const check = validatePersonalId(value, expect_)
				if (check.ok) {
					expect(check.personalId).toMatch(/^\d{12}$/)
					expect(decodePersonalId(check.personalId)).toEqual(check.decoded)
				} else {
					expect(errorCodes).toContain(check.error.code)
					expect(check.error.messageVi.length).toBeGreaterThan(5)
					expect(check.error.messageEn.length).toBeGreaterThan(5)
				}
			}),
			{ numRuns: 2000, seed: 13 },
		)
	})

	test('accepts every well-formed number, however it is spaced, and decodes what it was made from', () => {
		const wellFormed = fc.record({
			provinceCode: fc.constantFrom(...provinceIdCodes.map((p) => p.code)),
			sex: fc.constantFrom('male' as const, 'female' as const),
			birthYear: fc.integer({ min: 1900, max: 2020 }),
			serial: fc.double({ min: 0, max: 0.999999, noNaN: true }),
			spacing: fc.constantFrom('', ' ', '.', '-'),
		})
		fc.assert(
			fc.property(wellFormed, ({ provinceCode, sex, birthYear, serial, spacing }) => {
				const id = generatePersonalId({ provinceCode, sex, birthYear, random: () => serial })
				const typed = [id.slice(0, 3), id.slice(3, 6), id.slice(6)].join(spacing)
				const check = validatePersonalId(typed, { sex, birthYear })
				expect(check).toMatchObject({ ok: true, personalId: id })
				if (check.ok) expect(check.decoded).toMatchObject({ provinceCode, sex, birthYear })
			}),
			{ numRuns: 1000, seed: 14 },
		)
	})
})
