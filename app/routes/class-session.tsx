import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import { sessionTime } from '#app/components/classes/session-time.ts'
import { WalkInSection } from '#app/components/classes/walk-in-section.tsx'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { readPreferences } from '#app/utils/preferences.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { listRoster, recordTickedAttendance } from '#server/classes/attendance.server.ts'
import { WalkInFormSchema } from '#server/classes/class-form-schemas.ts'
import { getSession } from '#server/classes/class-sessions.server.ts'
import { registerWalkIn } from '#server/classes/walk-in.server.ts'
import { requirePermission, residentScopeCondition } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import type { Route } from './+types/class-session'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.session.topic ?? 'Điểm danh'} — Bình dân học vụ số` },
]

async function loadSession(
	request: Request,
	context: Route.LoaderArgs['context'],
	params: Route.LoaderArgs['params'],
) {
	const user = await requirePermission(request, context, 'classes.manage')
	const session = await getSession(context.app.db, { wardId: user.wardId, sessionId: params.sessionId })
	if (!session || session.classId !== params.classId) throw data(null, { status: 404 })
	return { user, session }
}

/**
 * `/lop-hoc/:classId/buoi/:sessionId`: the instructor's attendance page. The list is a plain form of
 * checkboxes (works without JavaScript, on a phone, for people without one); walk-ins are registered below.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { session } = await loadSession(request, context, params)
	const roster = await listRoster(context.app.db, { classId: session.classId, sessionId: session.id })
	const url = new URL(request.url)
	return {
		session,
		roster,
		ticked: url.searchParams.get('tb') === 'ticked' ? Number(url.searchParams.get('n') ?? 0) : null,
	}
}

const TickSchema = z.object({ intent: z.literal('tick'), present: z.array(z.uuid()).max(500) })

export async function action({ request, context, params }: Route.ActionArgs) {
	await requirePermission(request, context, 'classes.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const { user, session } = await loadSession(request, context, params)
	if (session.status === 'cancelled') throw data(null, { status: 409 })
	const db = context.app.db
	const audit = { ...requestAudit(context, user), entityType: 'classSession', entityId: session.id }
	if (formData.get('intent') === 'tick') {
		const parsed = TickSchema.safeParse({ intent: 'tick', present: formData.getAll('present') })
		if (!parsed.success) throw data(null, { status: 400 })
		const added = await recordTickedAttendance(db, {
			classId: session.classId,
			sessionId: session.id,
			learnerIds: parsed.data.present,
			recordedBy: user.id,
		})
		if (added > 0) await recordAudit(db, { ...audit, action: 'class.attendanceTicked', details: { added } })
		return { tick: { added }, walkIn: null }
	}
	if (formData.get('intent') !== 'walkIn') throw data(null, { status: 400 })
	const values = {
		fullName: String(formData.get('fullName') ?? ''),
		birthYear: String(formData.get('birthYear') ?? ''),
		sex: String(formData.get('sex') ?? ''),
		phone: String(formData.get('phone') ?? ''),
		personalId: String(formData.get('personalId') ?? ''),
	}
	const parsed = WalkInFormSchema.safeParse({
		...values,
		residentId: formData.get('residentId') || undefined,
	})
	if (!parsed.success)
		return data(
			{
				tick: null,
				walkIn: { kind: 'invalid' as const, errors: z.flattenError(parsed.error).fieldErrors, values },
			},
			{ status: 400 },
		)
	const { locale } = await readPreferences(request)
	const result = await registerWalkIn(context.app, {
		wardId: user.wardId,
		scope: residentScopeCondition(user, 'classes.manage'),
		classId: session.classId,
		sessionId: session.id,
		form: parsed.data,
		recordedBy: user.id,
		locale,
	})
	if (result.outcome === 'invalid')
		return data(
			{ tick: null, walkIn: { kind: 'invalid' as const, errors: result.fieldErrors, values } },
			{ status: 400 },
		)
	if (result.outcome === 'choose')
		return { tick: null, walkIn: { kind: 'choose' as const, candidates: result.candidates, values } }
	if (result.created)
		await recordAudit(db, {
			...requestAudit(context, user),
			action: 'resident.created',
			entityType: 'resident',
			entityId: result.residentId,
			details: { via: 'classWalkIn', sessionId: session.id },
		})
	if (result.outcome === 'recorded')
		await recordAudit(db, {
			...audit,
			action: 'class.walkInRecorded',
			details: { residentId: result.residentId },
		})
	return {
		tick: null,
		walkIn: {
			kind: 'done' as const,
			outcome: result.outcome,
			name: result.name,
			created: result.created,
			full: result.enrolment === 'full',
		},
	}
}

export default function ClassSession({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { session, roster } = loaderData
	const when = sessionTime(session.startsAt, session.endsAt, locale)
	const present = roster.filter((r) => r.method).length
	const cancelled = session.status === 'cancelled'
	return (
		<div className="stack">
			<p>
				<Link to={`/lop-hoc/${session.classId}`}>← {session.classTitle}</Link>
			</p>
			<h1>{t('classes.session.title', { topic: session.topic })}</h1>
			<p>
				{t('classes.session.when', when)} · {session.place ?? session.classPlace}
			</p>
			{cancelled ? (
				<p role="alert">{t('classes.session.cancelledNotice')}</p>
			) : (
				<p>
					<Link to={`/lop-hoc/${session.classId}/buoi/${session.id}/ma-qr`} className="button primary">
						{t('classes.session.showQr')}
					</Link>{' '}
					<small>{t('classes.session.qrHint')}</small>
				</p>
			)}
			<section aria-labelledby="roster-title" className="stack">
				<h2 id="roster-title">{t('classes.session.listTitle')}</h2>
				<p role="status">{t('classes.session.presentCount', { present })}</p>
				{actionData?.tick ? (
					<p role="status">{t('classes.session.ticked', { count: actionData.tick.added })}</p>
				) : null}
				{roster.length === 0 ? (
					<p>{t('classes.session.listEmpty')}</p>
				) : (
					<Form method="post" className="stack">
						<CsrfInput />
						<input type="hidden" name="intent" value="tick" />
						<p className="hint">{t('classes.session.listHint')}</p>
						<ul className="tick-list">
							{roster.map((r) => (
								<li key={r.learnerId} className="field field--checkbox">
									<input
										type="checkbox"
										id={`present-${r.learnerId}`}
										name="present"
										value={r.learnerId}
										defaultChecked={!!r.method}
										disabled={!!r.method || cancelled || !r.enrolled}
									/>
									<label htmlFor={`present-${r.learnerId}`}>
										{r.name}
										{r.birthYear ? ` (${r.birthYear})` : ''}
										{r.method
											? ` — ${t('classes.session.presentVia', { method: t(`classes.session.method.${r.method}`) })}`
											: ''}
									</label>
								</li>
							))}
						</ul>
						{cancelled ? null : (
							<p className="actions">
								<button type="submit" className="primary">
									{t('classes.session.saveTicks')}
								</button>
							</p>
						)}
					</Form>
				)}
			</section>
			{cancelled ? null : <WalkInSection result={actionData?.walkIn ?? null} />}
		</div>
	)
}
