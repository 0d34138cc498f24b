import { Link, useLocation } from 'react-router'
import { Pager } from '#app/components/pager.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import certificationStylesHref from '#app/styles/certification.css?url'
import { formatIsoDate } from '#app/utils/format-date.ts'
import { certificateBases, certificateStatuses } from '#server/certification/certificate-kinds.ts'
import {
	listCertificates,
	listTrackOptions,
	parseCertificateListQuery,
} from '#server/certification/list-certificates.server.ts'
import {
	can,
	requirePermission,
	residentialGroupsInScope,
	residentScopeCondition,
} from '#server/identity/policy.server.ts'
import { listResidentialGroups } from '#server/ward/list-residential-groups.server.ts'
import type { Route } from './+types/certificates'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: certificationStylesHref }]
export const meta: Route.MetaFunction = () => [{ title: 'Giấy chứng nhận — Bình dân học vụ số' }]

/** `/chung-nhan`: certificates of the residents in the person's scope, filtered and paged. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'certificates.read')
	const query = parseCertificateListQuery(new URL(request.url).searchParams)
	const { db } = context.app
	const [page, tracks, groups] = await Promise.all([
		listCertificates(db, {
			wardId: user.wardId,
			scope: residentScopeCondition(user, 'certificates.read'),
			query,
		}),
		listTrackOptions(db),
		listResidentialGroups(db, {
			wardId: user.wardId,
			only: residentialGroupsInScope(user, 'certificates.read'),
		}),
	])
	return { query, page, tracks, groups, canManage: can(user, 'certificates.manage') }
}

export default function Certificates({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const location = useLocation()
	const { page, query, tracks, groups, canManage } = loaderData
	const pages = Math.max(1, Math.ceil(page.total / page.pageSize))
	return (
		<div className="stack">
			<h1>{t('cert.list.title')}</h1>
			<p>{t('cert.list.intro')}</p>
			{canManage ? (
				<p>
					<Link to="/chung-nhan/nhap">{t('cert.import.link')}</Link>
				</p>
			) : null}
			<form method="get" className="filters">
				<div className="field filters__wide">
					<label htmlFor="cert-q">{t('cert.filter.q')}</label>
					<input id="cert-q" name="q" type="search" defaultValue={query.q ?? ''} />
				</div>
				<div className="field">
					<label htmlFor="cert-track">{t('cert.filter.track')}</label>
					<select id="cert-track" name="loTrinh" defaultValue={query.loTrinh ?? ''}>
						<option value="">{t('cert.filter.all')}</option>
						{tracks.map((track) => (
							<option key={track.id} value={track.id}>
								{locale === 'vi' ? track.nameVi : track.nameEn}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="cert-basis">{t('cert.filter.basis')}</label>
					<select id="cert-basis" name="canCu" defaultValue={query.canCu ?? ''}>
						<option value="">{t('cert.filter.all')}</option>
						{certificateBases.map((basis) => (
							<option key={basis} value={basis}>
								{t(`cert.basis.${basis}`)}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="cert-status">{t('cert.filter.status')}</label>
					<select id="cert-status" name="trangThai" defaultValue={query.trangThai ?? ''}>
						<option value="">{t('cert.filter.all')}</option>
						{certificateStatuses.map((status) => (
							<option key={status} value={status}>
								{t(`cert.status.${status}`)}
							</option>
						))}
					</select>
				</div>
				{groups.length > 1 ? (
					<div className="field">
						<label htmlFor="cert-group">{t('cert.filter.group')}</label>
						<select id="cert-group" name="to" defaultValue={query.to ?? ''}>
							<option value="">{t('cert.filter.all')}</option>
							{groups.map((group) => (
								<option key={group.id} value={group.id}>
									{group.name}
								</option>
							))}
						</select>
					</div>
				) : null}
				<div className="filters__actions">
					<button type="submit" className="button">
						{t('cert.filter.apply')}
					</button>
				</div>
			</form>
			<p role="status">{t('cert.list.count', { total: formatNumber(locale, page.total) })}</p>
			{page.items.length === 0 ? (
				<p>{t('cert.list.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('cert.list.caption', { page: page.page })}</caption>
						<thead>
							<tr>
								<th scope="col">{t('cert.col.name')}</th>
								<th scope="col">{t('cert.col.track')}</th>
								<th scope="col">{t('cert.col.issuedOn')}</th>
								<th scope="col">{t('cert.col.basis')}</th>
								<th scope="col">{t('cert.col.code')}</th>
								<th scope="col">{t('cert.col.status')}</th>
							</tr>
						</thead>
						<tbody>
							{page.items.map((c) => (
								<tr key={c.id}>
									<td>
										<Link to={`/chung-nhan/${c.id}`}>{c.fullName}</Link>
										{c.residentialGroupName ? (
											<>
												<br />
												<span className="hint">{c.residentialGroupName}</span>
											</>
										) : null}
									</td>
									<td>{locale === 'vi' ? c.trackNameVi : c.trackNameEn}</td>
									<td>{formatIsoDate(c.issuedOn)}</td>
									<td>{t(`cert.basis.${c.basis}`)}</td>
									<td className="code">{c.code}</td>
									<td className={c.status === 'revoked' ? 'status-revoked' : undefined}>
										{t(`cert.status.${c.status}`)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pager page={page.page} pages={pages} search={location.search} />
		</div>
	)
}
