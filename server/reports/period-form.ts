import { z } from 'zod'
import { reportingPeriodKinds } from '#server/reports/schema.ts'

// The forms of the ward's reporting calendar: a new period, the due days of the regular reports.

const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'reports.error.date' })
	.refine(
		(value) =>
			!Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
			new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
		{
			error: 'reports.error.date',
		},
	)

export const PeriodFormSchema = z
	.object({
		kind: z.enum(reportingPeriodKinds, { error: 'reports.error.kind' }),
		year: z.coerce
			.number({ error: 'reports.error.year' })
			.int({ error: 'reports.error.year' })
			.min(2020, { error: 'reports.error.year' })
			.max(2100, { error: 'reports.error.year' }),
		label: z
			.string()
			.trim()
			.min(3, { error: 'reports.error.label' })
			.max(200, { error: 'reports.error.label' }),
		startsOn: isoDate,
		endsOn: isoDate,
		dueOn: isoDate,
	})
	.superRefine((value, ctx) => {
		if (value.startsOn > value.endsOn)
			ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'reports.error.endsBeforeStart' })
		if (value.dueOn < value.startsOn)
			ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'reports.error.dueBeforeStart' })
		if (!value.startsOn.startsWith(String(value.year)) && !value.endsOn.startsWith(String(value.year)))
			ctx.addIssue({ code: 'custom', path: ['year'], message: 'reports.error.yearOutside' })
	})
export type PeriodForm = z.infer<typeof PeriodFormSchema>

const dueDay = (field: string) =>
	z
		.string()
		.regex(/^\d{1,2}\/\d{1,2}$/, { error: 'reports.error.dueDay' })
		.transform((value) => {
			const [day, month] = value.split('/').map(Number) as [number, number]
			return { day, month }
		})
		.refine(
			({ day, month }) =>
				month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2024, month, 0)).getUTCDate(),
			{
				error: 'reports.error.dueDay',
				path: [field],
			},
		)

/** Due days typed as dd/mm, the way Vietnamese offices write them. */
export const ScheduleFormSchema = z.object({
	semiannual: dueDay('semiannual'),
	annual: dueDay('annual'),
})
