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

const line = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`)

const SignerSchema = z.object({
	title: line(60).min(1, 'Nhập chức vụ người ký'),
	name: line(80),
})

export const WardReportContentSchema = z.object({
	/** The number alone; the office may leave it blank until the document is registered. */
	number: z
		.string()
		.trim()
		.max(12, 'Số văn bản tối đa 12 ký tự')
		.regex(/^[0-9A-Za-z.]*$/, 'Số văn bản chỉ gồm chữ số (và chữ cái), không kèm ký hiệu'),
	reportDate: z.iso.date('Ngày báo cáo không hợp lệ').nullable(),
	summary: line(300).min(1, 'Nhập trích yếu của báo cáo'),
	sections: z.object(
		Object.fromEntries(wardReportSectionKeys.map((k) => [k, line(20_000)])) as Record<
			WardReportSectionKey,
			ReturnType<typeof line>
		>,
	),
	recipients: z.array(line(200).min(1)).max(30, 'Tối đa 30 nơi nhận'),
	signers: z.object({ party: SignerSchema, state: SignerSchema }),
})
export type WardReportContent = z.infer<typeof WardReportContentSchema>
