import type {
	CorrectableField,
	ProcedureChannel,
	ProcedureDocument,
	ProcedureFields,
} from '#server/procedures/procedure-fields.ts'
import { correctableFields } from '#server/procedures/procedure-fields.ts'

/*
 * The correction form shows each correctable field as text staff can edit on a phone: lists one item
 * a line, table rows as "cell | cell | cell". Only a field whose text was changed becomes a correction,
 * so the round trip never invents a change (e.g. a paper's group heading the text form does not show).
 */

const SEPARATOR = ' | '

/** A field as the form's text. */
export function fieldToText(field: CorrectableField, fields: ProcedureFields): string {
	switch (field) {
		case 'steps':
		case 'results':
			return fields[field].join('\n')
		case 'documents':
			return fields.documents.map((d) => [d.name, d.quantity ?? ''].join(SEPARATOR).trimEnd()).join('\n')
		case 'channels':
			return fields.channels
				.map((c) => [c.channel, c.timeLimit ?? '', c.fee ?? '', c.feeNote ?? ''].join(SEPARATOR).trimEnd())
				.join('\n')
		default:
			return fields[field]
	}
}

function lines(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
}

function cells(line: string, count: number): (string | null)[] {
	const parts = line.split('|').map((c) => c.trim())
	return Array.from({ length: count }, (_, i) => parts[i] || null)
}

function cell(values: (string | null)[], i: number): string | null {
	return values[i] ?? null
}

/** The form's text as a field value. */
export function textToField<K extends CorrectableField>(field: K, text: string): ProcedureFields[K] {
	switch (field) {
		case 'steps':
		case 'results':
			return lines(text) as ProcedureFields[K]
		case 'documents':
			return lines(text).map((line): ProcedureDocument => {
				const values = cells(line, 2)
				return { group: null, name: cell(values, 0) ?? '', form: null, quantity: cell(values, 1) }
			}) as ProcedureFields[K]
		case 'channels':
			return lines(text).map((line): ProcedureChannel => {
				const v = cells(line, 4)
				return {
					channel: cell(v, 0) ?? '',
					timeLimit: cell(v, 1),
					fee: cell(v, 2),
					feeNote: cell(v, 3),
					description: null,
				}
			}) as ProcedureFields[K]
		default:
			return text.replace(/\r\n?/g, '\n').trim() as ProcedureFields[K]
	}
}

/**
 * The fields whose text differs from what the form showed, as new values; fields ticked "back to the
 * national text" get the national value (which removes the correction).
 */
export function changedFieldsFromForm(
	form: FormData,
	effective: ProcedureFields,
	national: ProcedureFields,
): { [K in CorrectableField]?: ProcedureFields[K] } {
	const out: Record<string, unknown> = {}
	const restore = new Set(form.getAll('restore').map(String))
	for (const field of correctableFields) {
		if (restore.has(field)) {
			out[field] = national[field]
			continue
		}
		const sent = form.get(field)
		if (typeof sent !== 'string') continue
		const normalise = (t: string) => t.replace(/\r\n?/g, '\n').trim()
		if (normalise(sent) === normalise(fieldToText(field, effective))) continue
		out[field] = textToField(field, sent)
	}
	return out as { [K in CorrectableField]?: ProcedureFields[K] }
}
