import { useRouteLoaderData } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { loader as rootLoader } from '#app/root.tsx'
import { consentPurposes } from '#server/privacy/consent-vocabulary.ts'
import { legalBasisText, personalDataRegister } from '#server/privacy/personal-data-register.ts'
import type { Route } from './+types/privacy-notice'

export const meta: Route.MetaFunction = () => [
	{ title: 'Dữ liệu cá nhân: phường lưu gì và vì sao — Bình dân học vụ số' },
]

/**
 * `/du-lieu-ca-nhan`: the public notice (Decree 13/2023/NĐ-CP, Art. 13), rendered from the register
 * so it names exactly what the software keeps. No sign-in; no loader: the register is code.
 */
export default function PrivacyNotice() {
	const { t, locale } = useTranslate()
	const wardName = useRouteLoaderData<typeof rootLoader>('root')?.wardName
	return (
		<div className="stack privacy-notice">
			<h1>{t('privacy.notice.title')}</h1>
			<p>{wardName ? t('privacy.notice.intro', { ward: wardName }) : t('privacy.notice.introNoWard')}</p>
			<p>{t('privacy.notice.security')}</p>
			{personalDataRegister.map((entry) => (
				<section key={entry.id} aria-labelledby={`register-${entry.id}`} className="card stack">
					<h2 id={`register-${entry.id}`}>
						{entry.category[locale]}
						{entry.sensitive ? ` (${t('privacy.notice.sensitive')})` : null}
					</h2>
					<dl className="facts facts--stacked">
						<dt>{t('privacy.notice.data')}</dt>
						<dd>{entry.data[locale]}</dd>
						<dt>{t('privacy.notice.purpose')}</dt>
						<dd>{entry.purpose[locale]}</dd>
						<dt>{t('privacy.notice.basis')}</dt>
						<dd>{legalBasisText[entry.basis][locale]}</dd>
						<dt>{t('privacy.notice.access')}</dt>
						<dd>{entry.access[locale]}</dd>
						<dt>{t('privacy.notice.retention')}</dt>
						<dd>{entry.retention[locale]}</dd>
					</dl>
				</section>
			))}
			<section aria-labelledby="notice-consent" className="stack">
				<h2 id="notice-consent">{t('privacy.notice.consentTitle')}</h2>
				<ul>
					{consentPurposes.map((purpose) => (
						<li key={purpose}>{t(`privacy.consent.purpose.${purpose}`)}</li>
					))}
				</ul>
				<p>{t('privacy.notice.consentBody')}</p>
			</section>
			<section aria-labelledby="notice-rights" className="stack">
				<h2 id="notice-rights">{t('privacy.notice.rightsTitle')}</h2>
				<p>{t('privacy.notice.rights')}</p>
			</section>
		</div>
	)
}
