import { z } from 'zod'
import { CompetencyCodeSchema, ContentIdSchema, TextSchema } from '#server/learning/content/common-schemas.ts'
import { LevelCodeSchema } from '#server/learning/content/framework-schemas.ts'

/*
 * content/questions/<course-id>.yaml: the question bank of one course. Checked like the lesson files
 * (Vietnamese messages with file and line); the rules between fields (the key names real options, an
 * ordering key is every option once…) are checked here too, so staff authoring reuses them.
 */

const OptionIdSchema = z.string().regex(/^[a-h]$/, 'Mã lựa chọn là một chữ cái thường từ a đến h')
const TargetIdSchema = z.string().regex(/^[p-w]$/, 'Mã cột ghép là một chữ cái thường từ p đến w')
const OptionSchema = z.strictObject({ id: OptionIdSchema, text: TextSchema.max(300, 'Tối đa 300 ký tự') })
const TargetSchema = z.strictObject({ id: TargetIdSchema, text: TextSchema.max(300, 'Tối đa 300 ký tự') })

const common = {
	id: ContentIdSchema,
	competency: CompetencyCodeSchema,
	level: LevelCodeSchema,
	prompt: TextSchema.max(600, 'Câu hỏi dài tối đa 600 ký tự'),
	explanation: TextSchema.max(800, 'Lời giải thích dài tối đa 800 ký tự'),
	/** A picture from the course folder (content/courses/<course>/), described for screen readers. */
	image: z
		.strictObject({ file: z.string().regex(/^[a-z0-9-]+\.(svg|png|jpg|jpeg|webp)$/), alt: TextSchema })
		.optional(),
}

const options = (min: number) => z.array(OptionSchema).min(min, `Cần ít nhất ${min} lựa chọn`).max(8)

export const QuestionItemSchema = z
	.discriminatedUnion('kind', [
		z.strictObject({
			...common,
			kind: z.literal('singleChoice'),
			options: options(2),
			answer: z.array(OptionIdSchema).length(1, 'Câu chọn một có đúng một đáp án'),
		}),
		z.strictObject({
			...common,
			kind: z.literal('multipleChoice'),
			options: options(3),
			answer: z.array(OptionIdSchema).min(1, 'Cần ít nhất một đáp án'),
		}),
		z.strictObject({
			...common,
			kind: z.literal('trueFalse'),
			answer: z.boolean({ error: 'Câu đúng/sai có answer: true hoặc answer: false' }),
		}),
		z.strictObject({
			...common,
			kind: z.literal('ordering'),
			options: options(3),
			answer: z.array(OptionIdSchema),
		}),
		z.strictObject({
			...common,
			kind: z.literal('matching'),
			options: options(2),
			targets: z.array(TargetSchema).min(2).max(8),
			answer: z.array(z.string().regex(/^[a-h]:[p-w]$/, 'Cặp ghép có dạng "a:p"')),
		}),
		/** Done in front of an instructor or volunteer; `options` are what they watch for. */
		z.strictObject({ ...common, kind: z.literal('practical'), options: options(1) }),
	])
	.superRefine((item, ctx) => {
		const problem = (message: string, path: PropertyKey[] = ['answer']) =>
			ctx.addIssue({ code: 'custom', message, path })
		if (!('options' in item)) return
		const ids = item.options.map((o) => o.id)
		if (new Set(ids).size !== ids.length) problem('Hai lựa chọn trùng mã', ['options'])
		if (new Set(item.options.map((o) => o.text)).size !== ids.length)
			problem('Hai lựa chọn trùng nội dung', ['options'])
		if (item.kind === 'practical') return
		if (item.kind === 'matching') {
			const targetIds = item.targets.map((t) => t.id)
			const pairs = item.answer.map((p) => p.split(':') as [string, string])
			const left = pairs.map(([o]) => o)
			if (left.length !== ids.length || !ids.every((id) => left.includes(id)))
				problem('Mỗi lựa chọn phải được ghép đúng một lần')
			if (pairs.some(([, t]) => !targetIds.includes(t))) problem('Cặp ghép nhắc tới cột không có')
			return
		}
		if (item.answer.some((a) => !ids.includes(a))) problem('Đáp án nhắc tới lựa chọn không có')
		if (new Set(item.answer).size !== item.answer.length) problem('Đáp án bị lặp')
		if (item.kind === 'ordering' && item.answer.length !== ids.length)
			problem('Thứ tự đúng phải gồm mọi lựa chọn')
		if (item.kind === 'multipleChoice' && item.answer.length === ids.length)
			problem('Câu chọn nhiều không nên có mọi lựa chọn đều đúng')
	})

export type QuestionItem = z.infer<typeof QuestionItemSchema>

export const QuestionFileSchema = z.strictObject({
	course: ContentIdSchema,
	items: z.array(QuestionItemSchema).min(1),
})

export type QuestionFile = z.infer<typeof QuestionFileSchema>

/** An item's answer key in the database's form (see AssessmentAnswerKey). */
export function answerKeyOf(item: QuestionItem): (string | boolean)[] {
	if (item.kind === 'practical') return []
	if (item.kind === 'trueFalse') return [item.answer]
	return item.answer
}
