import { LearnPage } from '#app/components/learning/learn-page.tsx'
import { learnerHandle, learningLinks } from '#app/components/learning/learning-route.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatIsoDate } from '#app/utils/format-date.ts'
import { listResidentCertificates } from '#server/certification/list-certificates.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import type { Route } from './+types/certificates-mine'

export const meta: Route.MetaFunction = () => [{ title: 'Giấy chứng nhận của tôi — Bình dân học vụ số' }]
export const handle = learnerHandle
export const links = learningLinks

/** `/hoc/chung-nhan`: the signed-in learner's own certificates, each with its PDF. Plain HTML. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const certificates = user.residentId
		? await listResidentCertificates(context.app.db, user.wardId, user.residentId)
		: []
	return { userId: user.id, linked: user.residentId !== null, certificates }
}

export default function CertificatesMine({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { certificates, linked, userId } = loaderData
	return (
		<LearnPage userId={userId}>
			<p>
				<a href="/hoc">{t('cert.mine.back')}</a>
			</p>
			<h1>{t('cert.mine.title')}</h1>
			{certificates.length === 0 ? (
				<p>{linked ? t('cert.mine.empty') : t('cert.mine.notLinked')}</p>
			) : (
				<ul className="stack" aria-label={t('cert.mine.title')}>
					{certificates.map((c) => (
						<li key={c.id} className="card stack">
							<h2>{locale === 'vi' ? c.trackNameVi : c.trackNameEn}</h2>
							<p>
								{t('cert.mine.issued', { date: formatIsoDate(c.issuedOn) })} · {t(`cert.basis.${c.basis}`)}
							</p>
							<p>
								{t('cert.col.code')}: <strong>{c.code}</strong>
							</p>
							{c.status === 'valid' ? (
								<p>
									<a href={`/hoc/chung-nhan/${c.id}/pdf`} download className="button">
										{t('cert.downloadPdf')}
									</a>
								</p>
							) : (
								<p>
									<strong>{t('cert.status.revoked')}</strong>
								</p>
							)}
						</li>
					))}
				</ul>
			)}
		</LearnPage>
	)
}
