import { z } from 'zod'

/*
 * What a ward report's draft holds: the words (sections, summary, recipients, signers, number and date).
 * The figures are never stored here: they are read from the period's snapshot each time the report is
 * shown or exported, so they cannot drift from it. No server imports: the edit page parses with it too.
 */

export const wardReportSectionKeys = [
	'leadership',
	'results',
	'models',
	'difficulties',
	'nextSteps',
	'proposals',
] as const
export type WardReportSectionKey = (typeof wardReportSectionKeys)[number]

/** Headings as the plan's reports are written; the figures table follows section "results". */
export const wardReportSectionHeadings: Record<WardReportSectionKey, string> = {
	leadership: 'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN',
	results: 'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
	models: 'III. MÔ HÌNH, CÁCH LÀM HAY',
	difficulties: 'IV. HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC',
	nextSteps: 'V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
	proposals: 'VI. ĐỀ XUẤT, KIẾN NGHỊ',
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/* Error messages are catalog keys (app/i18n/report-documents.*.ts), translated where they are shown. */
const line = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'reportWard.error.tooLong')
		// Control characters (other than line breaks and tabs) are not allowed in WordprocessingML.
		.refine((text) => !controlCharacters.test(text), 'reportWard.error.characters')

const SignerSchema = z.object({
	title: line(60).min(1, 'reportWard.error.signerTitle'),
	name: line(80),
})

export const WardReportContentSchema = z.object({
	/** The number alone; the office may leave it blank until the document is registered. */
	number: z
		.string()
		.trim()
		.max(12, 'reportWard.error.number')
		.regex(/^[0-9A-Za-z.]*$/, 'reportWard.error.number'),
	reportDate: z.iso.date('reportWard.error.date').nullable(),
	summary: line(300).min(1, 'reportWard.error.summary'),
	sections: z.object(
		Object.fromEntries(wardReportSectionKeys.map((k) => [k, line(20_000)])) as Record<
			WardReportSectionKey,
			ReturnType<typeof line>
		>,
	),
	recipients: z.array(line(200).min(1)).max(30, 'reportWard.error.recipients'),
	signers: z.object({ party: SignerSchema, state: SignerSchema }),
})
export type WardReportContent = z.infer<typeof WardReportContentSchema>

/**
 * The edit form as posted (works without JavaScript): recipients one per line, an empty date for "leave
 * blank", `version` 0 when no draft is stored yet.
 */
export const WardReportFormSchema = z.object({
	version: z.coerce.number().int().min(0),
	number: z.string().default(''),
	reportDate: z.string().optional(),
	summary: z.string().default(''),
	sections: z.record(z.string(), z.string().optional()).default({}),
	recipients: z.string().default(''),
	signers: z
		.object({
			party: z
				.object({ title: z.string().default(''), name: z.string().default('') })
				.default({ title: '', name: '' }),
			state: z
				.object({ title: z.string().default(''), name: z.string().default('') })
				.default({ title: '', name: '' }),
		})
		.default({ party: { title: '', name: '' }, state: { title: '', name: '' } }),
})

/** Form values → content, or the first error per field (dotted path → catalog key). */
export function parseWardReportForm(
	form: z.infer<typeof WardReportFormSchema>,
): { ok: true; content: WardReportContent } | { ok: false; errors: Record<string, string> } {
	const parsed = WardReportContentSchema.safeParse({
		number: form.number,
		reportDate: form.reportDate?.trim() ? form.reportDate.trim() : null,
		summary: form.summary,
		sections: Object.fromEntries(wardReportSectionKeys.map((k) => [k, form.sections[k] ?? ''])),
		recipients: form.recipients
			.split(/\r?\n/)
			.map((l) => l.trim().replace(/^[-–]\s*/, ''))
			.filter((l) => l !== ''),
		signers: form.signers,
	})
	if (parsed.success) return { ok: true, content: parsed.data }
	const errors: Record<string, string> = {}
	for (const issue of parsed.error.issues) {
		const path = issue.path[0] === 'recipients' ? 'recipients' : issue.path.join('.')
		errors[path] ??= issue.message
	}
	return { ok: false, errors }
}
