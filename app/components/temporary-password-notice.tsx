import { useTranslate } from '#app/i18n/use-translate.ts'

/** Shows a just-issued temporary password once (it is not stored anywhere in clear). */
export function TemporaryPasswordNotice({ password }: { password: string }) {
	const { t } = useTranslate()
	return (
		<div className="notice" role="status">
			<p>
				<strong className="temporary-password">{t('admin.temporaryPassword', { password })}</strong>
			</p>
			<p>{t('admin.temporaryPasswordHint')}</p>
		</div>
	)
}
