import { z } from 'zod'
import {
	ContentIdSchema,
	ContentVersionSchema,
	IsoDateSchema,
	LocalizedTextSchema,
	TargetGroupCodeSchema,
	TextSchema,
} from './common-schemas.ts'
import { basicSkillsAudienceCodes } from './framework-schemas.ts'

export const FinalAssessmentRequirementSchema = z.strictObject({
	required: z.boolean(),
	/** Percentage of correct answers needed to pass. */
	passMarkPercent: z.int().min(1).max(100),
	/** True while the ward has not decided the pass mark: the number is only a default. */
	placeholder: z.boolean(),
	note: TextSchema.optional(),
})

/** What completing a track means; the certification module reads this later. */
export const TrackCompletionSchema = z.strictObject({
	/** Courses that must be finished; each must be one of the track's courses. */
	requiredCourses: z.array(ContentIdSchema).min(1),
	finalAssessment: FinalAssessmentRequirementSchema,
	/** In plain Vietnamese: what a learner who completes the track can do, and what it counts towards. */
	meaning: TextSchema,
})

/** A learning track for one or more target groups: an ordered list of courses. */
export const TrackSchema = z
	.strictObject({
		id: ContentIdSchema,
		name: LocalizedTextSchema,
		description: TextSchema,
		order: z.int().min(1),
		targetGroups: z.array(TargetGroupCodeSchema).min(1),
		/** The audience of the QĐ 757/QĐ-BKHCN basic skills framework this track serves, if any. */
		basicSkillsAudience: z.enum(basicSkillsAudienceCodes).optional(),
		courses: z.array(ContentIdSchema).min(1),
		completion: TrackCompletionSchema,
		version: ContentVersionSchema,
		updated: IsoDateSchema,
	})
	.refine((t) => new Set(t.courses).size === t.courses.length, {
		message: 'Một khóa học bị lặp lại trong lộ trình',
		path: ['courses'],
	})
	.refine((t) => t.completion.requiredCourses.every((c) => t.courses.includes(c)), {
		message: 'Khóa học bắt buộc phải nằm trong danh sách khóa học của lộ trình',
		path: ['completion', 'requiredCourses'],
	})

export type Track = z.infer<typeof TrackSchema>
