import { data, Link, redirect } from 'react-router'
import { z } from 'zod'
import { ClassEnrolmentSection } from '#app/components/classes/class-enrolment-section.tsx'
import { ClassMaterialsSection } from '#app/components/classes/class-materials-section.tsx'
import { ClassSessionsSection } from '#app/components/classes/class-sessions-section.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { SessionFormSchema } from '#server/classes/class-form-schemas.ts'
import {
	addMaterial,
	listMaterialOptions,
	listMaterials,
	removeMaterial,
} from '#server/classes/class-materials.server.ts'
import { addSession, cancelSession, listSessions } from '#server/classes/class-sessions.server.ts'
import { getClass } from '#server/classes/classes.server.ts'
import {
	enrolResident,
	findResidentForClass,
	findResidentsForClass,
	listEnrolments,
	withdrawEnrolment,
} from '#server/classes/enrolments.server.ts'
import { requirePermission, residentScopeCondition } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import type { Route } from './+types/class-detail'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.klass.title ?? 'Lớp học'} — Bình dân học vụ số` },
]

/** `/lop-hoc/:classId`: the class, its sessions, its learners and its materials. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'classes.manage')
	const db = context.app.db
	const klass = await getClass(db, { wardId: user.wardId, classId: params.classId })
	if (!klass) throw data(null, { status: 404 })
	const url = new URL(request.url)
	const text = (url.searchParams.get('tim') ?? '').trim().slice(0, 100)
	const [sessions, enrolments, materials, courses, candidates] = await Promise.all([
		listSessions(db, klass.id),
		listEnrolments(db, klass.id),
		listMaterials(db, klass.id),
		listMaterialOptions(db),
		text
			? findResidentsForClass(db, {
					wardId: user.wardId,
					// The residents this person may reach for class work (the ward for ward staff and instructors).
					scope: residentScopeCondition(user, 'classes.manage'),
					text,
				})
			: Promise.resolve(null),
	])
	return {
		klass,
		sessions,
		enrolments,
		materials,
		courses,
		text,
		candidates,
		notice: url.searchParams.get('tb'),
	}
}

const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('addSession') }).loose(),
	z.object({ intent: z.literal('cancelSession'), sessionId: z.uuid() }),
	z.object({ intent: z.literal('enrol'), residentId: z.uuid() }),
	z.object({ intent: z.literal('withdraw'), enrolmentId: z.uuid() }),
	z.object({ intent: z.literal('addMaterial'), material: z.string().max(200) }),
	z.object({ intent: z.literal('removeMaterial'), materialId: z.uuid() }),
])

const notices = [
	'sessionAdded',
	'sessionCancelled',
	'hasAttendance',
	'enrolled',
	'already',
	'full',
	'closed',
	'withdrawn',
	'added',
	'exists',
	'unknown',
	'removed',
] as const
const noticeKeys: Record<(typeof notices)[number], MessageKey> = {
	sessionAdded: 'classes.sessions.added',
	sessionCancelled: 'classes.sessions.cancelledNotice',
	hasAttendance: 'classes.sessions.hasAttendance',
	enrolled: 'classes.enrol.outcome.enrolled',
	already: 'classes.enrol.outcome.already',
	full: 'classes.enrol.outcome.full',
	closed: 'classes.enrol.outcome.closed',
	withdrawn: 'classes.enrol.outcome.withdrawn',
	added: 'classes.materials.outcome.added',
	exists: 'classes.materials.outcome.exists',
	unknown: 'classes.materials.outcome.unknown',
	removed: 'classes.materials.outcome.removed',
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'classes.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const db = context.app.db
	const klass = await getClass(db, { wardId: user.wardId, classId: params.classId })
	if (!klass) throw data(null, { status: 404 })
	const parsed = ActionSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) throw data(null, { status: 400 })
	const audit = { ...requestAudit(context, user), entityType: 'class', entityId: klass.id }
	const back = (notice: (typeof notices)[number]) => redirect(`/lop-hoc/${klass.id}?tb=${notice}`)
	const input = parsed.data
	switch (input.intent) {
		case 'addSession': {
			const values = Object.fromEntries([...formData].filter(([k]) => typeof k === 'string')) as Record<
				string,
				string
			>
			const session = SessionFormSchema.safeParse(values)
			if (!session.success)
				return data({ errors: z.flattenError(session.error).fieldErrors, values }, { status: 400 })
			const added = await addSession(db, { classId: klass.id, form: session.data })
			if (added.outcome === 'lesson')
				return data({ errors: { lessonId: ['classes.error.lesson'] }, values }, { status: 400 })
			await recordAudit(db, { ...audit, action: 'class.sessionAdded', details: { sessionId: added.id } })
			return back('sessionAdded')
		}
		case 'cancelSession': {
			const outcome = await cancelSession(db, { classId: klass.id, sessionId: input.sessionId })
			if (outcome === 'notFound') throw data(null, { status: 404 })
			if (outcome === 'cancelled')
				await recordAudit(db, {
					...audit,
					action: 'class.sessionCancelled',
					details: { sessionId: input.sessionId },
				})
			return back(outcome === 'cancelled' ? 'sessionCancelled' : 'hasAttendance')
		}
		case 'enrol': {
			const visible = await findResidentForClass(db, {
				wardId: user.wardId,
				residentId: input.residentId,
				scope: residentScopeCondition(user, 'classes.manage'),
			})
			if (!visible) throw data(null, { status: 404 })
			const outcome = await enrolResident(db, {
				wardId: user.wardId,
				classId: klass.id,
				residentId: input.residentId,
				by: user.id,
			})
			if (outcome === 'enrolled')
				await recordAudit(db, {
					...audit,
					action: 'class.enrolled',
					details: { residentId: input.residentId },
				})
			return back(outcome)
		}
		case 'withdraw': {
			if (!(await withdrawEnrolment(db, { classId: klass.id, enrolmentId: input.enrolmentId })))
				throw data(null, { status: 404 })
			await recordAudit(db, {
				...audit,
				action: 'class.withdrawn',
				details: { enrolmentId: input.enrolmentId },
			})
			return back('withdrawn')
		}
		case 'addMaterial':
			return back(await addMaterial(db, { classId: klass.id, material: input.material }))
		case 'removeMaterial':
			if (!(await removeMaterial(db, { classId: klass.id, materialId: input.materialId })))
				throw data(null, { status: 404 })
			return back('removed')
	}
}

export default function ClassDetail({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { klass, sessions, enrolments, materials, courses, text, candidates, notice } = loaderData
	const noticeKey = notices.find((n) => n === notice)
	return (
		<div className="stack">
			<p>
				<Link to="/lop-hoc">← {t('classes.detail.back')}</Link>
			</p>
			<h1>{klass.title}</h1>
			<p>
				{t(`classes.kind.${klass.kind}`)} · {t(`classes.status.${klass.status}`)}
			</p>
			<ul>
				<li>{t('classes.detail.place', { place: klass.place })}</li>
				<li>{t('classes.detail.instructor', { name: klass.instructorName })}</li>
				{klass.organizerName ? <li>{t('classes.detail.organizer', { name: klass.organizerName })}</li> : null}
				<li>{t('classes.detail.capacity', { enrolled: enrolments.length, capacity: klass.capacity })}</li>
			</ul>
			{klass.description ? <p>{klass.description}</p> : null}
			<p>
				<Link to={`/lop-hoc/${klass.id}/sua`}>{t('classes.detail.edit')}</Link>
			</p>
			{noticeKey ? <p role="status">{t(noticeKeys[noticeKey])}</p> : null}
			<ClassSessionsSection
				classId={klass.id}
				sessions={sessions}
				courses={courses}
				errors={actionData?.errors ?? null}
				values={actionData?.values ?? null}
			/>
			<ClassEnrolmentSection
				enrolments={enrolments}
				text={text}
				candidates={candidates}
				open={klass.status === 'open'}
			/>
			<ClassMaterialsSection materials={materials} courses={courses} />
		</div>
	)
}
