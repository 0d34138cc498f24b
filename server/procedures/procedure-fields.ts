import { z } from 'zod'
import { canonicalJson } from '#server/audit/canonical-json.ts'

/** How a dossier can be filed, with its time limit and fee, each as the source words it. */
export const ProcedureChannelSchema = z.object({
	/** The source's channel name: "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính". */
	channel: z.string().max(200),
	/** As in the source, e.g. "5 Ngày làm việc"; null when the source gives none. */
	timeLimit: z.string().max(500).nullable(),
	/** As in the source, e.g. "Miễn phí", "50,000 VNĐ"; null when the source gives none. */
	fee: z.string().max(500).nullable(),
	/** The bracketed note that follows the fee in the source (often the real amount and unit), or null. */
	feeNote: z.string().max(4000).nullable(),
	/** The source's explanation of the row (often the fee's legal detail); null when empty. */
	description: z.string().max(4000).nullable(),
})
export type ProcedureChannel = z.infer<typeof ProcedureChannelSchema>

/** A paper to bring or show, as listed in the source. */
export const ProcedureDocumentSchema = z.object({
	/** The source's sub-heading for a group of papers ("Giấy tờ phải nộp", a case), or null. */
	group: z.string().max(1000).nullable(),
	name: z.string().max(4000),
	/** The template's file name when the source names one. */
	form: z.string().max(500).nullable(),
	/** As in the source: "1 bản chính", "0 bản chính,1 bản sao". */
	quantity: z.string().max(200).nullable(),
})
export type ProcedureDocument = z.infer<typeof ProcedureDocumentSchema>

export const LegalDocumentSchema = z.object({
	name: z.string().max(2000),
	code: z.string().max(200).nullable(),
})
export type LegalDocument = z.infer<typeof LegalDocumentSchema>

/**
 * The structured fields of a procedure record: derived from the national record on import, and each
 * correctable by ward staff (a correction overrides one field and survives re-imports).
 */
export const ProcedureFieldsSchema = z.object({
	name: z.string().min(1).max(2000),
	field: z.string().max(500),
	levels: z.string().max(500),
	procedureType: z.string().max(500),
	decisionNumber: z.string().max(500),
	applicants: z.string().max(4000),
	executingAgency: z.string().max(4000),
	competentAgency: z.string().max(4000),
	delegatedAgency: z.string().max(4000),
	coordinatingAgency: z.string().max(4000),
	receivingAddress: z.string().max(4000),
	steps: z.array(z.string().max(20_000)).max(500),
	channels: z.array(ProcedureChannelSchema).max(100),
	documents: z.array(ProcedureDocumentSchema).max(500),
	conditions: z.string().max(50_000),
	legalBasis: z.array(LegalDocumentSchema).max(200),
	results: z.array(z.string().max(2000)).max(50),
	relatedProcedures: z.string().max(4000),
})
export type ProcedureFields = z.infer<typeof ProcedureFieldsSchema>
export type ProcedureFieldName = keyof ProcedureFields

/** The fields staff may correct on the correction page (the rest come only from the national data). */
export const correctableFields = [
	'name',
	'applicants',
	'executingAgency',
	'receivingAddress',
	'steps',
	'documents',
	'channels',
	'conditions',
	'results',
] as const satisfies readonly ProcedureFieldName[]
export type CorrectableField = (typeof correctableFields)[number]

/** A staff correction of one field: the new value, and the national value it was made against. */
export interface FieldOverride<K extends ProcedureFieldName = ProcedureFieldName> {
	value: ProcedureFields[K]
	/** What the national data said when the correction was made (to flag a later national change). */
	nationalValue: ProcedureFields[K]
}
export type ProcedureOverrides = { [K in ProcedureFieldName]?: FieldOverride<K> }

/** The fields people see: the national values with the ward's corrections applied. */
export function effectiveFields(national: ProcedureFields, overrides: ProcedureOverrides): ProcedureFields {
	const result = { ...national } as Record<ProcedureFieldName, unknown>
	for (const [key, override] of Object.entries(overrides) as [ProcedureFieldName, FieldOverride][]) {
		if (override) result[key] = override.value
	}
	return result as ProcedureFields
}

/** Corrections whose national value has changed since they were made: staff should look again. */
export function staleOverrides(
	national: ProcedureFields,
	overrides: ProcedureOverrides,
): ProcedureFieldName[] {
	return (Object.entries(overrides) as [ProcedureFieldName, FieldOverride][])
		.filter(([key, o]) => o && canonicalJson(o.nationalValue) !== canonicalJson(national[key]))
		.map(([key]) => key)
}
