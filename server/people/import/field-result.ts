/** What a field parser returns: a value (perhaps with a note for the preview) or a reason in both languages. */
export interface FieldMessage {
	code: string
	messageVi: string
	messageEn: string
}

export type FieldResult<T> = { ok: true; value: T; note?: FieldMessage } | ({ ok: false } & FieldMessage)

export function fieldError<T>(code: string, messageVi: string, messageEn: string): FieldResult<T> {
	return { ok: false, code, messageVi, messageEn }
}

export function fieldValue<T>(value: T, note?: FieldMessage): FieldResult<T> {
	return note ? { ok: true, value, note } : { ok: true, value }
}

const excelErrors = new Set([
	'#N/A',
	'#REF!',
	'#VALUE!',
	'#DIV/0!',
	'#NAME?',
	'#NUM!',
	'#NULL!',
	'#SPILL!',
	'#CALC!',
	'#GETTING_DATA',
])

/** "#REF!" and the like: the cached result of a formula that failed. */
export function excelErrorIn(text: string): string | undefined {
	if (!text.includes('#')) return undefined
	const trimmed = text.trim().toUpperCase()
	return excelErrors.has(trimmed) ? trimmed : undefined
}
