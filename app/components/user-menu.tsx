import { Form, Link } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'

/** The header's account area: name, link to the account page and a sign-out button (a POST form). */
export function UserMenu({ viewer, returnTo }: { viewer: { displayName: string } | null; returnTo: string }) {
	const { t } = useTranslate()
	if (!viewer) {
		const query =
			returnTo === '/' || returnTo.startsWith('/dang-nhap') ? '' : `?returnTo=${encodeURIComponent(returnTo)}`
		return (
			<div className="user-menu">
				<Link to={`/dang-nhap${query}`}>{t('nav.signIn')}</Link>
			</div>
		)
	}
	return (
		<div className="user-menu">
			<Link to="/tai-khoan" aria-label={`${t('nav.account')}: ${viewer.displayName}`}>
				{viewer.displayName}
			</Link>
			<Form method="post" action="/dang-xuat">
				<CsrfInput />
				<button type="submit">{t('signOut.submit')}</button>
			</Form>
		</div>
	)
}
