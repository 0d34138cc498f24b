import { Link } from 'react-router'
import { RoleHome } from '#app/components/role-home.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { homeCardsFor } from '#app/role-home.server.ts'
import { getCurrentUser } from '#server/identity/current-user.server.ts'
import { describeGrants } from '#server/identity/scope-options.server.ts'
import { readWardOverview } from '#server/ward/ward-overview.server.ts'
import type { Route } from './+types/home'

export const meta: Route.MetaFunction = () => [{ title: 'Bình dân học vụ số' }]

/** `/`: the public home page, or for a signed-in person what their roles let them do next. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await getCurrentUser(request, context)
	if (user) {
		const roles = await describeGrants(context.app.db, user.roles)
		const me = {
			displayName: user.displayName,
			roles: roles.map(({ role, scopeKind, scopeName }) => ({ role, scopeKind, scopeName })),
			cards: homeCardsFor(user),
		}
		return { me, overview: null }
	}
	return { me: null, overview: await readWardOverview(context.app.db) }
}

export default function Home({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { overview, me } = loaderData
	if (me) return <RoleHome me={me} />
	return (
		<div className="stack">
			<section className="hero" aria-labelledby="welcome-title">
				<h1 id="welcome-title">{t('home.welcome', { ward: overview?.wardName ?? '' })}</h1>
				<p className="lead">{t('home.intro')}</p>
				<p>{t('home.signInPrompt')}</p>
			</section>
			{overview ? (
				<section aria-labelledby="stats-title">
					<h2 id="stats-title">{t('home.statsTitle')}</h2>
					<ul className="stat-grid">
						<li>
							<strong>{formatNumber(locale, overview.residents)}</strong> {t('home.statsResidents')}
						</li>
						<li>
							<strong>{formatNumber(locale, overview.households)}</strong> {t('home.statsHouseholds')}
						</li>
						<li>
							<strong>{formatNumber(locale, overview.residentialGroups)}</strong> {t('home.statsGroups')}
						</li>
						<li>
							<strong>{formatNumber(locale, overview.organizations)}</strong> {t('home.statsOrganizations')}
						</li>
					</ul>
				</section>
			) : null}
			<p>
				<Link to="/dang-nhap" className="button">
					{t('nav.signIn')}
				</Link>
			</p>
		</div>
	)
}
