import { Link } from 'react-router'
import { share } from '#app/components/programmes/share.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import {
	can,
	requirePermission,
	residentialGroupsInScope,
	residentScopeCondition,
} from '#server/identity/policy.server.ts'
import { ambassadorNetworkFigures } from '#server/programmes/ambassadors.server.ts'
import {
	computeDigitalFamilies,
	readDigitalFamilyCriteria,
} from '#server/programmes/digital-family.server.ts'
import { computeDigitalIdentity } from '#server/programmes/digital-identity.server.ts'
import { computeDigitalMarket, readDigitalMarketAudience } from '#server/programmes/digital-market.server.ts'
import { aiPilotFigures } from '#server/programmes/pilot-models.server.ts'
import type { Route } from './+types/programme-overview'

export const meta: Route.MetaFunction = () => [{ title: 'Chương trình, mô hình — Bình dân học vụ số' }]

/** `/chuong-trinh`: each programme of the plan with its criteria and progress, within the person's scope. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'indicators.read')
	const db = context.app.db
	const scope = residentScopeCondition(user, 'indicators.read')
	const criteria = await readDigitalFamilyCriteria(db, user.wardId)
	const [identity, family, market, audience, network, pilots] = await Promise.all([
		computeDigitalIdentity(db, { wardId: user.wardId, scope }),
		computeDigitalFamilies(db, {
			wardId: user.wardId,
			groupIds: residentialGroupsInScope(user, 'indicators.read'),
			criteria,
		}),
		computeDigitalMarket(db, { wardId: user.wardId, scope }),
		readDigitalMarketAudience(db, user.wardId),
		ambassadorNetworkFigures(db, user.wardId),
		aiPilotFigures(db, user.wardId),
	])
	return {
		identity,
		family,
		criteria,
		market,
		hasAudience: audience.length > 0,
		network,
		pilots,
		wardScope: residentialGroupsInScope(user, 'indicators.read') === 'all',
		manages: can(user, 'programmes.manage'),
		assigns: can(user, 'people.write'),
	}
}

export default function ProgrammeOverview({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { identity, family, criteria, market, hasAudience, network, pilots, wardScope, manages, assigns } =
		loaderData
	return (
		<div className="stack">
			<h1>{t('programmes.title')}</h1>
			<p>{t('programmes.intro')}</p>
			{wardScope ? null : <p className="hint">{t('programmes.scopeNote')}</p>}

			<section aria-labelledby="p-identity" className="stack">
				<h2 id="p-identity">{t('programmes.identity.title')}</h2>
				<p>{t('programmes.identity.body')}</p>
				<p className="lead">{share(identity.level2, identity.eligible, locale)}</p>
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('programmes.identity.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('programmes.identity.group')}</th>
								<th scope="col">{t('programmes.identity.eligible')}</th>
								<th scope="col">{t('programmes.identity.level1')}</th>
								<th scope="col">{t('programmes.identity.share')}</th>
							</tr>
						</thead>
						<tbody>
							{identity.byGroup.map((g) => (
								<tr key={g.groupId ?? 'none'}>
									<th scope="row">{g.groupName || t('programmes.identity.noGroup')}</th>
									<td>{g.eligible}</td>
									<td>{g.level1}</td>
									<td>{share(g.level2, g.eligible, locale)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>

			<section aria-labelledby="p-family" className="stack">
				<h2 id="p-family">{t('programmes.family.title')}</h2>
				<p>{t('programmes.family.body')}</p>
				<p className="lead">
					{t('programmes.family.summary', { count: family.digitalFamilies, total: family.households })}
				</p>
				<h3>{t('programmes.family.criteriaTitle')}</h3>
				<ul>
					{criteria
						.filter((c) => c.enabled)
						.map((c) => (
							<li key={c.kind}>
								{t(`programmes.family.criterion.${c.kind}`, { threshold: c.threshold })} —{' '}
								{t('programmes.family.criterionMet', { count: family.byCriterion[c.kind] ?? 0 })}
							</li>
						))}
				</ul>
				{manages ? (
					<p>
						<Link to="/chuong-trinh/gia-dinh-so">{t('programmes.family.edit')}</Link>
					</p>
				) : null}
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('programmes.family.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('programmes.identity.group')}</th>
								<th scope="col">{t('programmes.family.households')}</th>
								<th scope="col">{t('programmes.family.families')}</th>
							</tr>
						</thead>
						<tbody>
							{family.byGroup.map((g) => (
								<tr key={g.groupId}>
									<th scope="row">{g.groupName}</th>
									<td>{g.households}</td>
									<td>{share(g.digitalFamilies, g.households, locale)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>

			<section aria-labelledby="p-market" className="stack">
				<h2 id="p-market">{t('programmes.market.title')}</h2>
				<p>{t('programmes.market.body')}</p>
				<p className="lead">
					{hasAudience ? t('programmes.market.summary', market) : t('programmes.market.noAudience')}
				</p>
				{manages ? (
					<p>
						<Link to="/chuong-trinh/cho-so">{t('programmes.market.manage')}</Link>
					</p>
				) : null}
			</section>

			<section aria-labelledby="p-ambassadors" className="stack">
				<h2 id="p-ambassadors">{t('programmes.ambassadors.title')}</h2>
				<p>{t('programmes.ambassadors.body')}</p>
				<p className="lead">
					{t('programmes.ambassadors.summary', {
						ambassadors: network.ambassadors,
						assigned: network.assignedHouseholds,
						households: network.households,
					})}
				</p>
				{assigns ? (
					<p>
						<Link to="/chuong-trinh/dai-su-so">{t('programmes.ambassadors.manage')}</Link>
					</p>
				) : null}
			</section>

			<section aria-labelledby="p-pilots" className="stack">
				<h2 id="p-pilots">{t('programmes.pilot.title')}</h2>
				<p>{t('programmes.pilot.body')}</p>
				<p className="lead">{t('programmes.pilot.summary', pilots)}</p>
				<p>
					<Link to="/chuong-trinh/mo-hinh-diem">{t('programmes.pilot.manage')}</Link>
				</p>
			</section>
		</div>
	)
}
