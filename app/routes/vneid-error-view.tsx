import { Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { VneidErrorCode } from '#server/vneid/vneid-errors.ts'

/** Why VNeID sign-in stopped, in plain Vietnamese, and what to do next: never a stack trace. */
export function VneidErrorView({ code }: { code: VneidErrorCode }) {
	const { t } = useTranslate()
	const canRetry = code !== 'notConfigured' && code !== 'accountDisabled' && code !== 'notInRegistry'
	return (
		<section className="error-page" aria-labelledby="vneid-error-title">
			<h1 id="vneid-error-title">{t('vneid.error.title')}</h1>
			<p role="alert">{t(`vneid.error.${code}`)}</p>
			<ul className="link-list">
				{canRetry ? (
					<li>
						<a href="/dang-nhap/vneid" className="button">
							{t('vneid.tryAgain')}
						</a>
					</li>
				) : null}
				<li>
					<Link to="/dang-nhap">{t('vneid.otherWays')}</Link>
				</li>
				<li>
					<Link to="/">{t('error.backHome')}</Link>
				</li>
			</ul>
		</section>
	)
}
