import type { FieldMetadata } from '@conform-to/react'
import { SelectField } from '#app/components/text-field.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

export interface ScopeChoices {
	roles: readonly string[]
	residentialGroups: { id: string; name: string }[]
	organizations: { id: string; name: string }[]
}

/** Role, residential group and organisation pickers (which one applies depends on the role). */
export function RoleScopeFields({
	fields,
	choices,
}: {
	fields: {
		role: FieldMetadata<string>
		residentialGroupId: FieldMetadata<string>
		organizationId: FieldMetadata<string>
	}
	choices: ScopeChoices
}) {
	const { t } = useTranslate()
	return (
		<>
			<SelectField meta={fields.role} label={t('admin.create.role')}>
				<option value="">{t('admin.create.choose')}</option>
				{choices.roles.map((role) => (
					<option key={role} value={role}>
						{t(`role.${role}` as MessageKey)}
					</option>
				))}
			</SelectField>
			<SelectField
				meta={fields.residentialGroupId}
				label={t('admin.create.group')}
				hint={t('admin.create.groupHint')}
			>
				<option value="">{t('admin.create.choose')}</option>
				{choices.residentialGroups.map((g) => (
					<option key={g.id} value={g.id}>
						{g.name}
					</option>
				))}
			</SelectField>
			<SelectField
				meta={fields.organizationId}
				label={t('admin.create.organization')}
				hint={t('admin.create.organizationHint')}
			>
				<option value="">{t('admin.create.choose')}</option>
				{choices.organizations.map((o) => (
					<option key={o.id} value={o.id}>
						{o.name}
					</option>
				))}
			</SelectField>
		</>
	)
}
