import { z } from 'zod'
import {
	breakdownDimensions,
	type IndicatorSpec,
	PilotModelIndicatorSpecSchema,
	ResidentIndicatorSpecSchema,
} from '#server/indicators/indicator-spec.ts'

/*
 * The indicator editor's form: plain fields for what a ward administrator sets most (name, explanation,
 * target, period, breakdowns) and the two condition lists as JSON checked against the vocabulary. Every
 * error comes back in Vietnamese with the field it belongs to; nothing is saved unless all is valid.
 */

export const reservedCodes = ['moi'] as const

export const IndicatorFieldsSchema = z.object({
	code: z
		.string()
		.trim()
		.regex(/^[0-9A-Za-z][0-9A-Za-z_-]{0,11}$/, 'Mã chỉ tiêu chỉ gồm chữ, số, gạch ngang (tối đa 12 ký tự)')
		.refine((c) => !(reservedCodes as readonly string[]).includes(c), 'Mã này không dùng được'),
	name: z.string().trim().min(3, 'Tên chỉ tiêu quá ngắn').max(300, 'Tên chỉ tiêu quá dài'),
	explanation: z.string().trim().min(10, 'Hãy giải thích cách tính').max(3000, 'Phần giải thích quá dài'),
	targetKind: z.enum(['share', 'count'], 'Chọn loại mục tiêu'),
	targetValue: z.coerce.number('Giá trị mục tiêu phải là số'),
	from: z.iso.date('Ngày bắt đầu không hợp lệ'),
	deadline: z.iso.date('Hạn hoàn thành không hợp lệ'),
	population: z.string().max(20_000),
	reached: z.string().max(20_000),
	archived: z.boolean(),
	version: z.coerce.number().int().min(0),
})

export interface IndicatorFormValue {
	code: string
	name: string
	explanation: string
	spec: IndicatorSpec
	archived: boolean
	version: number
}

export type FieldErrors = Partial<Record<string, string>>

function parseJsonList(text: string, field: string, errors: FieldErrors): unknown {
	const trimmed = text.trim()
	if (trimmed === '') return []
	try {
		return JSON.parse(trimmed)
	} catch (error) {
		errors[field] = `Không đọc được JSON: ${(error as Error).message}`
		return undefined
	}
}

function issuePath(path: readonly PropertyKey[]): string {
	const [head] = path
	if (head === 'population' || head === 'reached') return head
	if (head === 'models') return 'reached'
	if (head === 'target') return 'targetValue'
	if (head === 'period') return path[1] === 'from' ? 'from' : 'deadline'
	if (head === 'breakdowns') return 'breakdowns'
	return 'form'
}

/** Parses the posted form; either the value to save or errors by field (in Vietnamese). */
export function parseIndicatorForm(
	form: FormData,
): { ok: true; value: IndicatorFormValue } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {}
	const fields = IndicatorFieldsSchema.safeParse({
		code: form.get('code') ?? '',
		name: form.get('name') ?? '',
		explanation: form.get('explanation') ?? '',
		targetKind: form.get('targetKind') ?? '',
		targetValue: form.get('targetValue') ?? '',
		from: form.get('from') ?? '',
		deadline: form.get('deadline') ?? '',
		population: form.get('population') ?? '',
		reached: form.get('reached') ?? '',
		archived: form.get('archived') === 'on',
		version: form.get('version') ?? '0',
	})
	if (!fields.success) {
		for (const issue of fields.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
		return { ok: false, errors }
	}
	const f = fields.data
	const population = parseJsonList(f.population, 'population', errors)
	const reached = parseJsonList(f.reached, 'reached', errors)
	if (Object.keys(errors).length > 0) return { ok: false, errors }
	const breakdowns = form.getAll('breakdowns').map(String)
	const period = { from: f.from, deadline: f.deadline }
	// The schema of the subject, not the union: its errors name the field at fault.
	const pilot = form.get('subject') === 'pilotModels'
	const spec = (pilot ? PilotModelIndicatorSpecSchema : ResidentIndicatorSpecSchema).safeParse(
		pilot
			? {
					subject: 'pilotModels',
					models: reached,
					target: { kind: 'count', value: f.targetValue },
					period,
					breakdowns: [],
				}
			: {
					population,
					reached,
					target:
						f.targetKind === 'share'
							? { kind: 'share', percent: f.targetValue }
							: { kind: 'count', value: f.targetValue },
					period: { from: f.from, deadline: f.deadline },
					breakdowns: breakdownDimensions.filter((d) => breakdowns.includes(d)),
				},
	)
	if (!spec.success) {
		for (const issue of spec.error.issues) {
			const where = issue.path.join('.')
			errors[issuePath(issue.path)] ??= `${issue.message}${where ? ` (tại ${where})` : ''}`
		}
		return { ok: false, errors }
	}
	return {
		ok: true,
		value: {
			code: f.code,
			name: f.name,
			explanation: f.explanation,
			spec: spec.data,
			archived: f.archived,
			version: f.version,
		},
	}
}
