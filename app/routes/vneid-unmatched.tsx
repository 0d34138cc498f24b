import { Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { safeRedirectPath } from '#app/utils/safe-redirect.ts'
import type { Route } from './+types/vneid-unmatched'

export const meta: Route.MetaFunction = () => [{ title: 'Chưa đối chiếu được — Bình dân học vụ số' }]

/** After a first VNeID sign-in that the ward's registry does not hold: say so, then carry on. */
export function loader({ request }: Route.LoaderArgs) {
	return { continueTo: safeRedirectPath(new URL(request.url).searchParams.get('returnTo')) }
}

export default function VneidUnmatched({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	return (
		<section className="stack" aria-labelledby="unmatched-title">
			<h1 id="unmatched-title">{t('vneid.unmatched.title')}</h1>
			<p>{t('vneid.unmatched.body')}</p>
			<p>{t('vneid.unmatched.meanwhile')}</p>
			<p>
				<Link to={loaderData.continueTo} className="button">
					{t('vneid.unmatched.continue')}
				</Link>
			</p>
		</section>
	)
}
