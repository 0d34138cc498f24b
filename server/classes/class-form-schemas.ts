import { z } from 'zod'
import { classKinds } from '#server/classes/class-kinds.ts'

/*
 * The class pages' forms. Messages are i18n keys (app/i18n/classes.vi.ts). Times are typed as Vietnam
 * time (UTC+7 all year, no daylight saving) and stored as instants.
 */

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: 'classes.error.tooLong' })
		.transform((v) => (v ? v : undefined))
		.optional()

export const ClassFormSchema = z.object({
	kind: z.enum(classKinds, { error: 'classes.error.kind' }),
	title: z
		.string({ error: 'classes.error.title' })
		.trim()
		.min(3, { error: 'classes.error.title' })
		.max(150, { error: 'classes.error.title' }),
	description: optionalText(2000),
	place: z
		.string({ error: 'classes.error.place' })
		.trim()
		.min(2, { error: 'classes.error.place' })
		.max(200, { error: 'classes.error.place' }),
	instructorId: z.uuid({ error: 'classes.error.instructor' }),
	organizerOrganizationId: z.union([z.literal('').transform(() => undefined), z.uuid()]).optional(),
	capacity: z.coerce
		.number({ error: 'classes.error.capacity' })
		.int({ error: 'classes.error.capacity' })
		.min(1, { error: 'classes.error.capacity' })
		.max(500, { error: 'classes.error.capacity' }),
})
export type ClassForm = z.infer<typeof ClassFormSchema>

export const ClassEditFormSchema = ClassFormSchema.extend({
	version: z.coerce.number().int().min(1),
	status: z.enum(['open', 'closed'], { error: 'classes.error.status' }),
})

const VIETNAM_OFFSET = '+07:00'

/** "2026-12-07" + "08:30" (Vietnam time) → the instant. */
export function vietnamInstant(date: string, time: string): Date {
	return new Date(`${date}T${time}:00${VIETNAM_OFFSET}`)
}

/** An instant → { date: "2026-12-07", time: "08:30" } in Vietnam time. */
export function vietnamDateTime(at: Date): { date: string; time: string } {
	const local = new Date(at.getTime() + 7 * 3600 * 1000).toISOString()
	return { date: local.slice(0, 10), time: local.slice(11, 16) }
}

export const SessionFormSchema = z
	.object({
		date: z
			.string({ error: 'classes.error.date' })
			.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'classes.error.date' }),
		startTime: z
			.string({ error: 'classes.error.time' })
			.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'classes.error.time' }),
		endTime: z
			.string({ error: 'classes.error.time' })
			.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'classes.error.time' }),
		topic: z
			.string({ error: 'classes.error.topic' })
			.trim()
			.min(2, { error: 'classes.error.topic' })
			.max(200, { error: 'classes.error.topic' }),
		place: optionalText(200),
		lessonId: optionalText(100),
	})
	.refine((v) => !Number.isNaN(vietnamInstant(v.date, v.startTime).getTime()), {
		error: 'classes.error.date',
		path: ['date'],
	})
	.refine((v) => v.endTime > v.startTime, { error: 'classes.error.endBeforeStart', path: ['endTime'] })
export type SessionForm = z.infer<typeof SessionFormSchema>

/**
 * Walk-in registration at the door: a name and birth year, plus a phone or a personal ID number when the
 * person has one, to find them in the registry (or add them).
 */
export const WalkInFormSchema = z.object({
	fullName: z
		.string({ error: 'classes.error.fullName' })
		.trim()
		.min(2, { error: 'classes.error.fullName' })
		.max(100, { error: 'classes.error.fullName' }),
	birthYear: z.coerce
		.number({ error: 'classes.error.birthYear' })
		.int({ error: 'classes.error.birthYear' })
		.min(1900, { error: 'classes.error.birthYear' })
		.refine((y) => y <= new Date().getFullYear(), { error: 'classes.error.birthYear' }),
	sex: z.enum(['male', 'female'], { error: 'classes.error.sex' }),
	phone: optionalText(40),
	personalId: optionalText(20),
	/** Set when the instructor chose one of several people the details matched. */
	residentId: z.uuid().optional(),
})
export type WalkInForm = z.infer<typeof WalkInFormSchema>
