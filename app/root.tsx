import type { ReactNode } from 'react'
import {
	data,
	Form,
	isRouteErrorResponse,
	Link,
	Links,
	Meta,
	NavLink,
	Outlet,
	Scripts,
	ScrollRestoration,
	useLocation,
	useMatches,
	useRouteLoaderData,
} from 'react-router'
import { ErrorPage } from '#app/components/error-page.tsx'
import { UserMenu } from '#app/components/user-menu.tsx'
import { readHeaderData } from '#app/header-data.server.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { navigationFor } from '#app/navigation.server.ts'
import { readPreferences } from '#app/utils/preferences.server.ts'
import { getCurrentUser } from '#server/identity/current-user.server.ts'
import { csrfTokenForPage } from '#server/identity/require-csrf.server.ts'
import type { Route } from './+types/root'
import stylesHref from './styles/app.css?url'

export const links: Route.LinksFunction = () => [
	{ rel: 'stylesheet', href: stylesHref },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, context }: Route.LoaderArgs) {
	const prefs = await readPreferences(request)
	const user = await getCurrentUser(request, context)
	const csrf = await csrfTokenForPage(request, context)
	// The ward's name and the bell's count (unread notifications) in one query.
	const header = await readHeaderData(context.app.db, user?.id ?? null)
	// Only what the header needs reaches the browser: the name and the menu the policy allows.
	const viewer = user
		? { displayName: user.displayName, nav: navigationFor(user), unread: header.unread }
		: null
	return data(
		{ prefs, wardName: header.wardName, viewer, csrfToken: csrf.token },
		csrf.setCookie ? { headers: { 'Set-Cookie': csrf.setCookie } } : undefined,
	)
}

export function Layout({ children }: { children: ReactNode }) {
	const data = useRouteLoaderData<typeof loader>('root')
	const prefs = data?.prefs ?? { locale: 'vi', textSize: 'normal', contrast: 'normal' }
	// A route whose handle says `hydrate: false` is served as plain HTML: no framework scripts (the
	// learner pages; see docs/decisions/009-learning-pages-without-hydration.md).
	const hydrate = !useMatches().some(
		(m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false,
	)
	return (
		<html lang={prefs.locale} data-text-size={prefs.textSize} data-contrast={prefs.contrast}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="color-scheme" content="light" />
				<Meta />
				{/* Stylesheets need no nonce (style-src 'self'). Left to itself, <Links> would print the
				    script nonce on them, and since browsers hide nonce values from the DOM, hydration
				    would then see a mismatch on every page. */}
				<Links nonce="" />
			</head>
			<body>
				{children}
				{hydrate ? <ScrollRestoration /> : null}
				{hydrate ? <Scripts /> : null}
			</body>
		</html>
	)
}

function Shell({ children }: { children: ReactNode }) {
	const { t, locale } = useTranslate()
	const data = useRouteLoaderData<typeof loader>('root')
	const prefs = data?.prefs
	const location = useLocation()
	const returnTo = location.pathname + location.search
	return (
		<>
			<a className="skip-link" href="#main">
				{t('a11y.skipToContent')}
			</a>
			<header className="site-header">
				<div className="site-header__inner">
					<Link to="/" className="brand">
						<span className="brand__name">{t('app.name')}</span>
						{data?.wardName ? <span className="brand__ward">{data.wardName}</span> : null}
					</Link>
					<nav aria-label={t('a11y.mainNav')} className="main-nav">
						<NavLink to="/" end>
							{t('nav.home')}
						</NavLink>
						{data?.viewer?.nav.map((item) => (
							// Full page loads: some sections (the learner pages) are plain HTML that is never
							// hydrated, so they must not be rendered by the client router.
							<NavLink key={item.to} to={item.to} reloadDocument>
								{t(item.labelKey)}
								{item.to === '/thong-bao' && data.viewer?.unread ? (
									<>
										{' '}
										<span className="badge">{data.viewer.unread}</span>
										<span className="visually-hidden"> {t('notifications.unreadShort')}</span>
									</>
								) : null}
							</NavLink>
						))}
					</nav>
					<UserMenu viewer={data?.viewer ?? null} returnTo={returnTo} />
					<Form method="post" action="/tuy-chon" className="prefs" aria-label={t('a11y.preferences')}>
						<input type="hidden" name="returnTo" value={returnTo} />
						<button
							type="submit"
							name="locale"
							value={locale === 'vi' ? 'en' : 'vi'}
							lang={locale === 'vi' ? 'en' : 'vi'}
						>
							{locale === 'vi' ? t('prefs.switchToEnglish') : t('prefs.switchToVietnamese')}
						</button>
						<button
							type="submit"
							name="textSize"
							value={prefs?.textSize === 'large' ? 'normal' : 'large'}
							aria-pressed={prefs?.textSize === 'large'}
						>
							{t('prefs.textLarge')}
						</button>
						<button
							type="submit"
							name="contrast"
							value={prefs?.contrast === 'high' ? 'normal' : 'high'}
							aria-pressed={prefs?.contrast === 'high'}
						>
							{t('prefs.contrastHigh')}
						</button>
					</Form>
				</div>
			</header>
			<main id="main" tabIndex={-1}>
				{children}
			</main>
			<footer className="site-footer">
				<p>{t('footer.text')}</p>
				<p>
					<Link to="/du-lieu-ca-nhan">{t('privacy.footer.link')}</Link>
				</p>
			</footer>
		</>
	)
}

export default function App() {
	return (
		<Shell>
			<Outlet />
		</Shell>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	const status = isRouteErrorResponse(error) ? error.status : 500
	if (!isRouteErrorResponse(error)) console.error(error)
	return (
		<Shell>
			<ErrorPage status={status} />
		</Shell>
	)
}
