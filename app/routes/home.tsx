import { Link } from 'react-router'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { readWardOverview } from '#server/ward/ward-overview.server.ts'
import type { Route } from './+types/home'

export const meta: Route.MetaFunction = () => [{ title: 'Bình dân học vụ số' }]

export async function loader({ context }: Route.LoaderArgs) {
	return { overview: await readWardOverview(context.app.db) }
}

export default function Home({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { overview } = loaderData
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
				<Link to="/" className="button">
					{t('nav.home')}
				</Link>
			</p>
		</div>
	)
}
