import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

const kinds = ['aiLiteracy', 'other'] as const
const statuses = ['planned', 'active', 'completed', 'suspended'] as const

interface Values {
	kind?: string
	name?: string
	goal?: string
	status?: string
	startedOn?: string | null
	organizationId?: string | null
}

/** The fields of a pilot model (plain inputs: the form works without JavaScript). */
export function PilotModelFields({
	values,
	errors,
	organizations,
}: {
	values: Values
	errors: Record<string, string[] | undefined> | null
	organizations: { id: string; name: string }[]
}) {
	const { t } = useTranslate()
	const err = (name: string) =>
		errors?.[name]?.[0] ? (
			<p className="field-error" id={`pm-${name}-error`}>
				{t(errors[name]?.[0] as MessageKey)}
			</p>
		) : null
	const aria = (name: string) => ({
		id: `pm-${name}`,
		name,
		'aria-invalid': errors?.[name] ? true : undefined,
		'aria-describedby': errors?.[name] ? `pm-${name}-error` : undefined,
	})
	return (
		<>
			<div className="field">
				<label htmlFor="pm-kind">{t('programmes.pilot.kind')}</label>
				<select {...aria('kind')} defaultValue={values.kind ?? 'aiLiteracy'}>
					{kinds.map((k) => (
						<option key={k} value={k}>
							{t(`programmes.pilot.kind.${k}`)}
						</option>
					))}
				</select>
				{err('kind')}
			</div>
			<div className="field">
				<label htmlFor="pm-name">{t('programmes.pilot.name')}</label>
				<input type="text" required {...aria('name')} defaultValue={values.name ?? ''} />
				{err('name')}
			</div>
			<div className="field">
				<label htmlFor="pm-goal">{t('programmes.pilot.goal')}</label>
				<textarea rows={4} required {...aria('goal')} defaultValue={values.goal ?? ''} />
				{err('goal')}
			</div>
			<div className="field">
				<label htmlFor="pm-status">{t('programmes.pilot.status')}</label>
				<select {...aria('status')} defaultValue={values.status ?? 'planned'}>
					{statuses.map((s) => (
						<option key={s} value={s}>
							{t(`programmes.pilot.status.${s}`)}
						</option>
					))}
				</select>
				{err('status')}
			</div>
			<div className="field">
				<label htmlFor="pm-startedOn">{t('programmes.pilot.startedOn')}</label>
				<input type="date" {...aria('startedOn')} defaultValue={values.startedOn ?? ''} />
				{err('startedOn')}
			</div>
			<div className="field">
				<label htmlFor="pm-organizationId">{t('programmes.pilot.organization')}</label>
				<select {...aria('organizationId')} defaultValue={values.organizationId ?? ''}>
					<option value="">{t('programmes.pilot.noOrganization')}</option>
					{organizations.map((o) => (
						<option key={o.id} value={o.id}>
							{o.name}
						</option>
					))}
				</select>
				{err('organizationId')}
			</div>
		</>
	)
}
