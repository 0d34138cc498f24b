import { z } from 'zod'
import {
	CompetencyCodeSchema,
	ContentVersionSchema,
	IsoDateSchema,
	LocalizedTextSchema,
	SourceRefSchema,
	TargetGroupCodeSchema,
	TextSchema,
} from './common-schemas.ts'

/** Band codes of TT 02/2025: Cơ bản, Trung cấp, Nâng cao, Chuyên sâu. */
export const bandCodes = ['CB', 'TC', 'NC', 'CS'] as const
export type BandCode = (typeof bandCodes)[number]

/** Level codes: two levels per band, eight in all (CB1 = level 1 … CS2 = level 8). */
export const levelCodes = ['CB1', 'CB2', 'TC1', 'TC2', 'NC1', 'NC2', 'CS1', 'CS2'] as const
export type LevelCode = (typeof levelCodes)[number]
export const LevelCodeSchema = z.enum(levelCodes, {
	error: 'Bậc năng lực phải là một trong CB1, CB2, TC1, TC2, NC1, NC2, CS1, CS2',
})

export const CompetencySchema = z.strictObject({
	code: CompetencyCodeSchema,
	name: LocalizedTextSchema,
	/** Official description of the competency, or null when we do not have it. */
	description: TextSchema.nullable(),
	source: SourceRefSchema,
})

export const DomainSchema = z.strictObject({
	code: z.string().regex(/^[1-9]$/, 'Mã miền năng lực là một chữ số, đặt trong dấu nháy, ví dụ "1"'),
	name: LocalizedTextSchema,
	/**
	 * The domain in everyday words, for learners with little schooling (the learner home's progress). Our
	 * wording, not the framework's: the official name stays in `name`.
	 */
	plainName: LocalizedTextSchema.optional(),
	source: SourceRefSchema,
	competencies: z.array(CompetencySchema).min(1),
})

export const BandSchema = z.strictObject({
	code: z.enum(bandCodes),
	name: LocalizedTextSchema,
	source: SourceRefSchema,
})

/** An outside description shown for orientation only, never as the text of the framework itself. */
export const InformativeReferenceSchema = z.strictObject({
	source: TextSchema,
	text: TextSchema,
})

export const LevelSchema = z
	.strictObject({
		code: LevelCodeSchema,
		number: z.int().min(1).max(8),
		band: z.enum(bandCodes),
		name: LocalizedTextSchema,
		/** The official level descriptor, or null when the official text is not available to us. */
		descriptor: TextSchema.nullable(),
		/** Why the descriptor is missing or where it comes from. Required when descriptor is null. */
		sourceNote: TextSchema.optional(),
		/** School stage this level corresponds to in the education sector's guidance, if any. */
		schoolStage: TextSchema.optional(),
		informativeReference: InformativeReferenceSchema.optional(),
		source: SourceRefSchema,
	})
	.refine((level) => level.descriptor !== null || level.sourceNote !== undefined, {
		message: 'Bậc chưa có mô tả chính thức thì phải ghi rõ lý do ở sourceNote',
		path: ['sourceNote'],
	})
	.refine((level) => level.code === levelCodes[level.number - 1], {
		message: 'Mã bậc không khớp với số thứ tự bậc (CB1 = 1, CB2 = 2, …, CS2 = 8)',
		path: ['code'],
	})
	.refine((level) => level.code.startsWith(level.band), {
		message: 'Bậc không thuộc đúng trình độ (ví dụ TC1 thuộc TC)',
		path: ['band'],
	})

/** Thông tư 02/2025/TT-BGDĐT "Khung năng lực số cho người học", as data. */
export const FrameworkSchema = z.strictObject({
	kind: z.literal('competenceFramework'),
	id: z.string().min(1),
	title: LocalizedTextSchema,
	version: ContentVersionSchema,
	updated: IsoDateSchema,
	source: SourceRefSchema.extend({
		issuer: TextSchema,
		issued: IsoDateSchema,
		effective: IsoDateSchema,
	}),
	/** What we had in hand when we transcribed the framework, in Vietnamese. */
	sourceNote: TextSchema,
	bands: z.array(BandSchema).length(4, 'Khung có đúng 4 trình độ'),
	levels: z.array(LevelSchema).length(8, 'Khung có đúng 8 bậc'),
	domains: z.array(DomainSchema).min(1),
})

export const basicSkillsAudienceCodes = ['student', 'citizen', 'publicEmployee', 'enterpriseWorker'] as const

export const BasicSkillItemSchema = z.strictObject({
	code: z.string().regex(/^[0-9]+\.[0-9a-z]+$/, 'Mã kỹ năng có dạng "nhóm.mục", ví dụ "0.1" hoặc "1.a"'),
	/** True when the code is the one printed in the source; false when we assigned it. */
	officialCode: z.boolean(),
	name: LocalizedTextSchema,
	/** TT 02/2025 competencies this item builds. */
	competencies: z.array(CompetencyCodeSchema).min(1),
	/** Who proposed the mapping to TT 02/2025. */
	mappingSource: z.enum(['official', 'hocvusoProposal', 'ward']),
	/** 'seed' came with hocvuso from the sources below; 'ward' was added by ward staff. */
	origin: z.enum(['seed', 'ward']),
	source: SourceRefSchema,
})

export const BasicSkillGroupSchema = z.strictObject({
	code: z.string().regex(/^[0-9]+$/, 'Mã nhóm kỹ năng là số, đặt trong dấu nháy, ví dụ "0"'),
	name: LocalizedTextSchema,
	audiences: z.array(z.enum(basicSkillsAudienceCodes)).min(1),
	origin: z.enum(['seed', 'ward']),
	source: SourceRefSchema,
	items: z.array(BasicSkillItemSchema),
})

export const BasicSkillsAudienceSchema = z.strictObject({
	code: z.enum(basicSkillsAudienceCodes),
	name: LocalizedTextSchema,
	/** Target groups of the ward registry that fall in this audience. */
	targetGroups: z.array(TargetGroupCodeSchema).min(1),
})

/**
 * Quyết định 757/QĐ-BKHCN (2025) "Khung kiến thức, kỹ năng số cơ bản": a fill-in structure, because its full
 * skill list was not available; seeded with the groups and the items we could source.
 */
export const BasicSkillsFrameworkSchema = z.strictObject({
	kind: z.literal('basicSkillsFramework'),
	id: z.string().min(1),
	title: LocalizedTextSchema,
	/** Version of the official framework (the decision calls it version 1.0). */
	frameworkVersion: TextSchema,
	version: ContentVersionSchema,
	updated: IsoDateSchema,
	source: SourceRefSchema.extend({ issuer: TextSchema, issued: IsoDateSchema }),
	completeness: z.enum(['complete', 'partial']),
	sourceNote: TextSchema,
	audiences: z.array(BasicSkillsAudienceSchema).min(1),
	skillGroups: z.array(BasicSkillGroupSchema),
})

export type Framework = z.infer<typeof FrameworkSchema>
export type Domain = z.infer<typeof DomainSchema>
export type Competency = z.infer<typeof CompetencySchema>
export type Level = z.infer<typeof LevelSchema>
export type BasicSkillsFramework = z.infer<typeof BasicSkillsFrameworkSchema>
export type BasicSkillItem = z.infer<typeof BasicSkillItemSchema>
