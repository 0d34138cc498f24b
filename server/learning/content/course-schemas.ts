import { z } from 'zod'
import {
	CompetencyCodeSchema,
	ContentIdSchema,
	ContentVersionSchema,
	IsoDateSchema,
	TargetGroupCodeSchema,
	TextSchema,
} from './common-schemas.ts'
import { LevelCodeSchema } from './framework-schemas.ts'

/** A course: its lessons are the Markdown files in the same folder, ordered by their `order`. */
export const CourseSchema = z.strictObject({
	id: ContentIdSchema,
	title: TextSchema,
	summary: TextSchema,
	level: LevelCodeSchema,
	targetGroups: z.array(TargetGroupCodeSchema).min(1),
	version: ContentVersionSchema,
	updated: IsoDateSchema,
})

/** An image file next to the lesson; only a bare file name, so a lesson can only show its own folder's images. */
export const ImageFileNameSchema = z
	.string()
	.regex(
		/^[a-z0-9]+(?:-[a-z0-9]+)*\.(svg|png|jpg|jpeg|webp)$/,
		'Tên tệp hình chỉ gồm chữ thường không dấu, số, gạch nối và đuôi .svg, .png, .jpg hoặc .webp',
	)

export const LessonImageSchema = z.strictObject({
	file: ImageFileNameSchema,
	/** Vietnamese text alternative read by screen readers and shown when the image cannot load. */
	alt: TextSchema.min(10, 'Lời mô tả hình (alt) cần đủ ý, ít nhất 10 ký tự'),
})

const OptionIdSchema = z.string().regex(/^[a-z]$/, 'Mã lựa chọn là một chữ cái thường: a, b, c…')

export const PracticeOptionSchema = z.strictObject({ id: OptionIdSchema, text: TextSchema })

const practiceBase = {
	id: z.string().regex(/^q[0-9]+$/, 'Mã câu hỏi có dạng q1, q2…'),
	competency: CompetencyCodeSchema,
	prompt: TextSchema,
	/** Short Vietnamese explanation shown after answering. */
	explanation: TextSchema,
}

const distinctOptionIds = (item: { options: { id: string }[] }) =>
	new Set(item.options.map((o) => o.id)).size === item.options.length
const answersAreOptions = (item: { options: { id: string }[]; answer: string[] }) =>
	item.answer.every((a) => item.options.some((o) => o.id === a))

export const SingleChoiceItemSchema = z
	.strictObject({
		...practiceBase,
		kind: z.literal('singleChoice'),
		options: z.array(PracticeOptionSchema).min(2).max(6),
		answer: z.array(OptionIdSchema).length(1, 'Câu hỏi một lựa chọn có đúng một đáp án'),
	})
	.refine(distinctOptionIds, { message: 'Mã lựa chọn bị trùng', path: ['options'] })
	.refine(answersAreOptions, { message: 'Đáp án không trùng với lựa chọn nào', path: ['answer'] })

export const MultipleChoiceItemSchema = z
	.strictObject({
		...practiceBase,
		kind: z.literal('multipleChoice'),
		options: z.array(PracticeOptionSchema).min(3).max(6),
		answer: z.array(OptionIdSchema).min(1, 'Cần ít nhất một đáp án đúng'),
	})
	.refine(distinctOptionIds, { message: 'Mã lựa chọn bị trùng', path: ['options'] })
	.refine(answersAreOptions, { message: 'Đáp án không trùng với lựa chọn nào', path: ['answer'] })
	.refine((item) => new Set(item.answer).size === item.answer.length, {
		message: 'Đáp án bị lặp',
		path: ['answer'],
	})

export const TrueFalseItemSchema = z.strictObject({
	...practiceBase,
	kind: z.literal('trueFalse'),
	answer: z.boolean({ error: 'Đáp án câu đúng/sai là true (đúng) hoặc false (sai)' }),
})

/** A practice question at the end of a lesson, tagged with the TT 02/2025 competency it checks. */
export const PracticeItemSchema = z.discriminatedUnion(
	'kind',
	[SingleChoiceItemSchema, MultipleChoiceItemSchema, TrueFalseItemSchema],
	{ error: 'Loại câu hỏi phải là singleChoice, multipleChoice hoặc trueFalse' },
)

export const LessonSourceSchema = z.strictObject({
	title: TextSchema,
	note: TextSchema.optional(),
})

/** The YAML front matter of a lesson file. */
export const LessonFrontMatterSchema = z
	.strictObject({
		id: ContentIdSchema,
		title: TextSchema,
		summary: TextSchema,
		minutes: z.int().min(5, 'Bài học dài từ 5 phút').max(15, 'Bài học dài tối đa 15 phút'),
		level: LevelCodeSchema,
		competencies: z.array(CompetencyCodeSchema).min(1),
		/** Items of the QĐ 757/QĐ-BKHCN basic skills framework this lesson serves (codes like "0.1"). */
		basicSkills: z.array(z.string()).optional(),
		order: z.int().min(1),
		version: ContentVersionSchema,
		updated: IsoDateSchema,
		/** Legal and official texts the lesson relies on. */
		sources: z.array(LessonSourceSchema).optional(),
		images: z.array(LessonImageSchema).default([]),
		practice: z
			.array(PracticeItemSchema)
			.min(2, 'Mỗi bài cần 2–4 câu luyện tập')
			.max(4, 'Mỗi bài cần 2–4 câu luyện tập'),
	})
	.refine((l) => new Set(l.practice.map((p) => p.id)).size === l.practice.length, {
		message: 'Mã câu hỏi bị trùng trong bài',
		path: ['practice'],
	})
	.refine((l) => l.practice.every((p) => l.competencies.includes(p.competency)), {
		message: 'Mỗi câu hỏi phải gắn với một năng lực có trong danh sách competencies của bài',
		path: ['practice'],
	})
	.refine((l) => new Set(l.images.map((i) => i.file)).size === l.images.length, {
		message: 'Một hình được khai báo hai lần',
		path: ['images'],
	})

export type Course = z.infer<typeof CourseSchema>
export type LessonFrontMatter = z.infer<typeof LessonFrontMatterSchema>
export type PracticeItem = z.infer<typeof PracticeItemSchema>
export type LessonImage = z.infer<typeof LessonImageSchema>
