import { type FieldResult, fieldError, fieldValue } from '#server/people/import/field-result.ts'
import { foldHeaderText } from '#server/people/import/resident-import-fields.ts'
import { collapseSpaces, toSentenceCase, toTitleCase } from '#server/people/import/title-case.ts'
import type { VneidLevel } from '#server/people/schema.ts'

const MAX_TEXT = 300

/** Free text (address, occupation): spacing collapsed, cut to a sane length; empty is undefined. */
export function cleanText(raw: string): string | undefined {
	const text = collapseSpaces(raw.normalize('NFC'))
	return text === '' ? undefined : text.slice(0, MAX_TEXT)
}

/** "chủ hộ" → "Chủ hộ", "CON" → "Con". */
export function parseRelationToHead(raw: string): string | undefined {
	const text = cleanText(raw)
	return text === undefined ? undefined : toSentenceCase(text)
}

/** True when the relation says the person is the head of the household. */
export function isHeadRelation(relation: string | undefined): boolean {
	if (relation === undefined || relation.length > 12) return false
	if (relation === 'Chủ hộ') return true
	return (relation[0] === 'c' || relation[0] === 'C') && /^(chu ho|ch)$/.test(foldHeaderText(relation))
}

/** "kinh" → "Kinh", "TÀY" → "Tày", "ê đê" → "Ê Đê". */
export function parseEthnicity(raw: string): string | undefined {
	const text = cleanText(raw)
	return text === undefined ? undefined : toTitleCase(text)
}

/** Household numbers are labels: "0012" keeps its zeros, 12 (a number cell) becomes "12". */
export function parseHouseholdCode(raw: string | number): string | undefined {
	if (typeof raw === 'number') return Number.isFinite(raw) ? String(Math.trunc(raw)) : undefined
	return cleanText(raw)?.slice(0, 50)
}

/** VNeID level: "Mức 2", "2", "ĐDĐT mức 2", "Chưa có", "Không" → 0, 1 or 2; empty is undefined. */
export function parseVneidLevel(raw: string | number): FieldResult<VneidLevel | undefined> {
	const folded = foldHeaderText(String(raw))
	if (folded === '') return fieldValue(undefined)
	if (/^(chua|khong|chua co|khong co|0|muc 0)\b/.test(folded)) return fieldValue(0)
	const level = /(?:^|\D)([12])(?:\D|$)/.exec(folded)?.[1]
	if (level) return fieldValue(Number(level) as VneidLevel)
	return fieldError(
		'vneidLevelInvalid',
		`Mức tài khoản VNeID “${String(raw).trim()}” không rõ; ghi “Chưa có”, “Mức 1” hoặc “Mức 2”`,
		`VNeID level “${String(raw).trim()}” is unclear; write “Chưa có” (none), “Mức 1” or “Mức 2”`,
	)
}
