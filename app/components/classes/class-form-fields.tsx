import type { FieldMetadata } from '@conform-to/react'
import { SelectField, TextField } from '#app/components/text-field.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { classKinds } from '#server/classes/class-kinds.ts'

interface Option {
	id: string
	name?: string
	displayName?: string
}

/** The fields a class is created and edited with. */
export function ClassFormFields({
	fields,
	instructors,
	organizers,
}: {
	fields: Record<
		'kind' | 'title' | 'description' | 'place' | 'instructorId' | 'organizerOrganizationId' | 'capacity',
		FieldMetadata<string>
	>
	instructors: Option[]
	organizers: Option[]
}) {
	const { t } = useTranslate()
	return (
		<>
			<SelectField meta={fields.kind} label={t('classes.form.kind')}>
				{classKinds.map((k) => (
					<option key={k} value={k}>
						{t(`classes.kind.${k}`)}
					</option>
				))}
			</SelectField>
			<TextField meta={fields.title} label={t('classes.form.title')} required />
			<TextField
				meta={fields.place}
				label={t('classes.form.place')}
				hint={t('classes.form.placeHint')}
				required
			/>
			<SelectField meta={fields.instructorId} label={t('classes.form.instructor')}>
				{instructors.map((i) => (
					<option key={i.id} value={i.id}>
						{i.displayName}
					</option>
				))}
			</SelectField>
			<SelectField meta={fields.organizerOrganizationId} label={t('classes.form.organizer')}>
				<option value="">{t('classes.form.noOrganizer')}</option>
				{organizers.map((o) => (
					<option key={o.id} value={o.id}>
						{o.name}
					</option>
				))}
			</SelectField>
			<TextField meta={fields.capacity} label={t('classes.form.capacity')} inputMode="numeric" required />
			<TextField meta={fields.description} label={t('classes.form.description')} />
		</>
	)
}
