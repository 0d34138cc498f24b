import { OutreachPage } from '#app/components/outreach/outreach-page.tsx'
import { outreachHandle, outreachLinks } from '#app/components/outreach/outreach-route.ts'
import { VolunteerFiguresView } from '#app/components/outreach/volunteer-figures-view.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requirePermission, residentialGroupsInScope } from '#server/identity/policy.server.ts'
import { dateInVietnam } from '#server/outreach/record-visit.server.ts'
import { figuresSince, readVolunteerFigures } from '#server/outreach/volunteer-figures.server.ts'
import type { Route } from './+types/outreach-figures-mine'

export const meta: Route.MetaFunction = () => [
	{ title: 'Kết quả của tôi — Đi từng nhà — Bình dân học vụ số' },
]
export const handle = outreachHandle
export const links = outreachLinks
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

/** `/tiep-can/thanh-tich`: a volunteer's own figures beside their groups' other volunteers (emulation). */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const today = dateInVietnam()
	const since = figuresSince(new URL(request.url).searchParams.get('tu'), today)
	const figures = await readVolunteerFigures(context.app.db, {
		wardId: user.wardId,
		since,
		scope: { groups: residentialGroupsInScope(user, 'outreach.record'), organizations: [] },
	})
	return { userId: user.id, since, figures }
}

export default function OutreachFiguresMine({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	return (
		<OutreachPage userId={loaderData.userId}>
			<p>
				<a href="/tiep-can">{t('outreach.worklist.title')}</a>
			</p>
			<h1>{t('outreach.figures.mineTitle')}</h1>
			<VolunteerFiguresView
				figures={loaderData.figures}
				since={loaderData.since}
				action="/tiep-can/thanh-tich"
				highlightId={loaderData.userId}
			/>
		</OutreachPage>
	)
}
