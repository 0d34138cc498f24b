import { z } from 'zod'

/** Ids of tracks, courses and lessons: lower-case ASCII words joined by hyphens (used in URLs and file names). */
export const ContentIdSchema = z
	.string()
	.regex(
		/^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		'Mã định danh chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối, ví dụ "vneid-muc-2"',
	)
	.max(60, 'Mã định danh dài tối đa 60 ký tự')

/**
 * A TT 02/2025 competency code such as "1.1" or "6.3". YAML reads an unquoted 1.1 as a number, so the
 * message says to quote it.
 */
export const CompetencyCodeSchema = z
	.string({
		error: (issue) =>
			issue.input === undefined
				? 'Thiếu mã năng lực'
				: 'Mã năng lực phải là chuỗi, hãy đặt trong dấu nháy, ví dụ "1.1"',
	})
	.regex(/^[1-9]\.[1-9]$/, 'Mã năng lực có dạng "miền.năng lực", ví dụ "4.2"')

/** An ISO calendar date (YYYY-MM-DD). YAML keeps unquoted dates as strings with the core schema. */
export const IsoDateSchema = z.iso.date({ error: 'Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-11-24' })

/** Non-empty text after trimming. */
export const TextSchema = z.string().trim().min(1, 'Không được để trống')

/** Text in Vietnamese (required) and English (second locale). */
export const LocalizedTextSchema = z.strictObject({ vi: TextSchema, en: TextSchema })

/** Content revision: a whole number that increases with every published change. */
export const ContentVersionSchema = z.int().min(1, 'Phiên bản là số nguyên từ 1 trở lên')

/**
 * How far a piece of content has been checked against its source. Every framework element says this
 * so that staff and learners know what is official and what is our reading of it.
 */
export const verificationStates = [
	/** Compared word for word with the official text. */
	'officialText',
	/** Names as widely reproduced in official news and training material; not compared with the annex. */
	'widelyReproduced',
	/** Our wording of what the source says; the official wording was not available. */
	'paraphrased',
	/** A proposal by the hocvuso team (for example a mapping between two frameworks). */
	'hocvusoProposal',
	/** The official text was not available to us. */
	'unavailable',
] as const

export type VerificationState = (typeof verificationStates)[number]

export const SourceRefSchema = z.strictObject({
	/** Document number and symbol as printed, e.g. "Thông tư 02/2025/TT-BGDĐT". */
	document: TextSchema,
	/** Article, clause, annex or section, as far as known. */
	location: TextSchema.optional(),
	verification: z.enum(verificationStates),
	/** Vietnamese note on what is and is not confirmed. */
	note: TextSchema.optional(),
})

export type SourceRef = z.infer<typeof SourceRefSchema>
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

/**
 * Target group codes of the ward registry (server/people/schema.ts `targetGroupCodes`), repeated here so
 * content schemas stay free of database code; a test keeps the two lists equal.
 */
export const contentTargetGroupCodes = [
	'publicEmployee',
	'student',
	'enterpriseWorker',
	'adultCitizen',
	'elderly',
	'disabled',
	'ethnicMinority',
	'poorHousehold',
	'communityTechTeam',
	'digitalAmbassador',
] as const
export const TargetGroupCodeSchema = z.enum(contentTargetGroupCodes)
