import { Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatIsoDate } from '#app/utils/format-date.ts'
import type { CertificateListItem } from '#server/certification/list-certificates.server.ts'

/** The certificates card on a resident's page (/nguoi-dan/:residentId). */
export function ResidentCertificates({ certificates }: { certificates: CertificateListItem[] }) {
	const { t, locale } = useTranslate()
	return (
		<section aria-labelledby="certificates-title" className="card">
			<h2 id="certificates-title">{t('cert.resident.title')}</h2>
			{certificates.length === 0 ? (
				<p>{t('cert.resident.none')}</p>
			) : (
				<ul>
					{certificates.map((c) => (
						<li key={c.id}>
							<Link to={`/chung-nhan/${c.id}`}>{locale === 'vi' ? c.trackNameVi : c.trackNameEn}</Link> —{' '}
							{formatIsoDate(c.issuedOn)}, {t(`cert.basis.${c.basis}`)}
							{c.status === 'revoked' ? ` (${t('cert.status.revoked')})` : null}
						</li>
					))}
				</ul>
			)}
		</section>
	)
}
