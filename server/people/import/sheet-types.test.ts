import { expect, test } from 'vitest'
import { cellText, ExcelSerialDate } from '#server/people/import/sheet-types.ts'

test('cellText gives every kind of cell a text, and an unreadable date reads as empty instead of throwing', () => {
	expect(cellText(null)).toBe('')
	expect(cellText('  Nguyễn Văn An ')).toBe('Nguyễn Văn An')
	expect(cellText(1956)).toBe('1956')
	expect(cellText(Number.NaN)).toBe('')
	expect(cellText(true)).toBe('TRUE')
	expect(cellText(new Date(Date.UTC(1956, 2, 5)))).toBe('1956-03-05T00:00:00.000Z')
	expect(cellText(new Date('không phải ngày'))).toBe('')
	expect(cellText(new ExcelSerialDate(20519))).toBe('20519')
})
