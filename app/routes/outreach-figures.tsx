import { outreachLinks } from '#app/components/outreach/outreach-route.ts'
import { VolunteerFiguresView } from '#app/components/outreach/volunteer-figures-view.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import {
	organizationsInScope,
	requirePermission,
	residentialGroupsInScope,
} from '#server/identity/policy.server.ts'
import { dateInVietnam } from '#server/outreach/record-visit.server.ts'
import { figuresSince, readVolunteerFigures } from '#server/outreach/volunteer-figures.server.ts'
import type { Route } from './+types/outreach-figures'

export const meta: Route.MetaFunction = () => [{ title: 'Kết quả tình nguyện viên — Bình dân học vụ số' }]
export const links = outreachLinks
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

/**
 * `/tiep-can/thi-dua`: staff see volunteers' figures for emulation, per person and per team, within their
 * scope (the ward; a group leader their groups; a focal point their organisation's members).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'indicators.read')
	const today = dateInVietnam()
	const since = figuresSince(new URL(request.url).searchParams.get('tu'), today)
	const figures = await readVolunteerFigures(context.app.db, {
		wardId: user.wardId,
		since,
		scope: {
			groups: residentialGroupsInScope(user, 'indicators.read'),
			organizations: organizationsInScope(user, 'indicators.read'),
		},
	})
	return { since, figures }
}

export default function OutreachFigures({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	return (
		<div className="stack">
			<h1>{t('outreach.figures.title')}</h1>
			<VolunteerFiguresView
				figures={loaderData.figures}
				since={loaderData.since}
				action="/tiep-can/thi-dua"
			/>
		</div>
	)
}
