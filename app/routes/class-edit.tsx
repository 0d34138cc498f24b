import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import type { z } from 'zod'
import { ClassFormFields } from '#app/components/classes/class-form-fields.tsx'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { SelectField } from '#app/components/text-field.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { ClassEditFormSchema } from '#server/classes/class-form-schemas.ts'
import {
	type ClassDetail,
	getClass,
	listInstructorOptions,
	listOrganizerOptions,
	updateClass,
} from '#server/classes/classes.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import type { Route } from './+types/class-edit'

export const meta: Route.MetaFunction = () => [{ title: 'Sửa lớp học — Bình dân học vụ số' }]

/** `/lop-hoc/:classId/sua`: edit a class (optimistic concurrency on `version`). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'classes.manage')
	const klass = await getClass(context.app.db, { wardId: user.wardId, classId: params.classId })
	if (!klass) throw data(null, { status: 404 })
	const [instructors, organizers] = await Promise.all([
		listInstructorOptions(context.app.db, user.wardId),
		listOrganizerOptions(context.app.db, user.wardId),
	])
	return { klass, instructors, organizers }
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'classes.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const submission = parseWithZod(formData, { schema: ClassEditFormSchema })
	if (submission.status !== 'success')
		return data({ result: submission.reply(), notice: null }, { status: 400 })
	const { version, status, ...form } = submission.value
	const saved = await updateClass(context.app.db, {
		wardId: user.wardId,
		classId: params.classId,
		version,
		status,
		form,
	})
	if (saved.outcome === 'notFound') throw data(null, { status: 404 })
	if (saved.outcome === 'conflict')
		return data({ result: submission.reply(), notice: 'conflict' as const }, { status: 409 })
	if (saved.outcome === 'belowEnrolled')
		return data(
			{
				result: submission.reply({ fieldErrors: { capacity: ['classes.error.capacityBelowEnrolled'] } }),
				notice: null,
				enrolled: saved.enrolled,
			},
			{ status: 400 },
		)
	if (saved.outcome === 'invalid')
		return data(
			{
				result: submission.reply({
					fieldErrors: {
						[saved.field]: [
							saved.field === 'instructorId' ? 'classes.error.instructor' : 'classes.error.organizer',
						],
					},
				}),
				notice: null,
			},
			{ status: 400 },
		)
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'class.updated',
		entityType: 'class',
		entityId: params.classId,
		details: { status, capacity: form.capacity },
	})
	return redirect(`/lop-hoc/${params.classId}`)
}

function defaults(klass: ClassDetail) {
	return {
		kind: klass.kind,
		title: klass.title,
		description: klass.description ?? '',
		place: klass.place,
		instructorId: klass.instructorId,
		organizerOrganizationId: klass.organizerOrganizationId ?? '',
		capacity: String(klass.capacity),
		status: klass.status,
	}
}

export default function ClassEdit({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { klass, instructors, organizers } = loaderData
	const [form, fields] = useForm<{ [K in keyof z.input<typeof ClassEditFormSchema>]?: string }>({
		lastResult: actionData?.result,
		defaultValue: defaults(klass),
	})
	return (
		<div className="stack">
			<p>
				<Link to={`/lop-hoc/${klass.id}`}>← {klass.title}</Link>
			</p>
			<h1>{t('classes.form.editTitle', { title: klass.title })}</h1>
			{actionData?.notice === 'conflict' ? <p role="alert">{t('classes.form.conflict')}</p> : null}
			{actionData && 'enrolled' in actionData ? (
				<p role="alert">{t('classes.form.belowEnrolled', { count: Number(actionData.enrolled) })}</p>
			) : null}
			<Form method="post" className="form" {...getFormProps(form)}>
				<CsrfInput />
				<input type="hidden" name="version" value={klass.version} />
				<ClassFormFields fields={fields} instructors={instructors} organizers={organizers} />
				<SelectField meta={fields.status} label={t('classes.form.status')}>
					<option value="open">{t('classes.status.open')}</option>
					<option value="closed">{t('classes.status.closed')}</option>
				</SelectField>
				<p className="actions">
					<button type="submit" className="primary">
						{t('classes.form.save')}
					</button>{' '}
					<Link to={`/lop-hoc/${klass.id}`}>{t('classes.form.cancel')}</Link>
				</p>
			</Form>
		</div>
	)
}
