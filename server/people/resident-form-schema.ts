import { z } from 'zod'

const currentYear = () => new Date().getFullYear()

/**
 * The resident edit form. Messages are i18n keys (app/i18n/people.vi.ts); the personal ID is checked
 * separately by personal-id.ts, whose messages carry the details of what is wrong.
 */
export const ResidentEditFormSchema = z
	.object({
		version: z.coerce.number().int().min(1),
		fullName: z
			.string({ error: 'people.error.fullName' })
			.trim()
			.min(2, { error: 'people.error.fullName' })
			.max(100, { error: 'people.error.fullName' }),
		sex: z.enum(['male', 'female'], { error: 'people.error.required' }),
		birthDate: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'people.error.birthDate' })
			.refine((v) => !Number.isNaN(Date.parse(v)) && Date.parse(v) <= Date.now(), {
				error: 'people.error.birthDate',
			})
			.optional(),
		birthYear: z.coerce
			.number({ error: 'people.error.birthYear' })
			.int({ error: 'people.error.birthYear' })
			.min(1900, { error: 'people.error.birthYear' })
			.refine((y) => y <= currentYear(), { error: 'people.error.birthYear' }),
		ethnicity: z.string().trim().min(1).max(50).default('Kinh'),
		occupation: z.string().trim().max(100).optional(),
		relationToHead: z.string().trim().max(50).optional(),
		residence: z.enum(['permanent', 'temporary', 'nonResident'], { error: 'people.error.required' }),
		vneidLevel: z.coerce.number().pipe(z.union([z.literal(0), z.literal(1), z.literal(2)])),
		hasDisability: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
		personalId: z.string().trim().max(20).optional(),
		/** Checked and normalised by the same rules as the import (import/parse-phone.ts). */
		phone: z.string().trim().max(40).optional(),
	})
	.refine((v) => !v.birthDate || Number(v.birthDate.slice(0, 4)) === v.birthYear, {
		error: 'people.error.birthMismatch',
		path: ['birthYear'],
	})

export type ResidentEditForm = z.infer<typeof ResidentEditFormSchema>
