import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

export interface RoleLine {
	role: string
	scopeKind: string
	scopeName: string | null
}

/** "Tổ trưởng tổ dân phố — Tổ dân phố 1": a role and where it applies. */
export function useDescribeRole(): (line: RoleLine) => string {
	const { t } = useTranslate()
	return (line) => {
		const scope =
			line.scopeKind === 'ward' || line.scopeKind === 'self'
				? t(`scope.${line.scopeKind}` as MessageKey)
				: (line.scopeName ?? t('scope.unknown'))
		return `${t(`role.${line.role}` as MessageKey)} — ${scope}`
	}
}

/** A list of a person's roles with their scopes. */
export function RoleList({ roles }: { roles: RoleLine[] }) {
	const { t } = useTranslate()
	const describe = useDescribeRole()
	if (roles.length === 0) return <p>{t('account.noRoles')}</p>
	return (
		<ul>
			{roles.map((line) => (
				<li key={`${line.role}:${line.scopeKind}:${line.scopeName ?? ''}`}>{describe(line)}</li>
			))}
		</ul>
	)
}
