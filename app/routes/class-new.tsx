import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import type { z } from 'zod'
import { ClassFormFields } from '#app/components/classes/class-form-fields.tsx'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { ClassFormSchema } from '#server/classes/class-form-schemas.ts'
import { createClass, listInstructorOptions, listOrganizerOptions } from '#server/classes/classes.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import type { Route } from './+types/class-new'

export const meta: Route.MetaFunction = () => [{ title: 'Mở lớp mới — Bình dân học vụ số' }]

/** `/lop-hoc/tao-moi`: open a class (the instructor defaults to the person opening it, if they teach). */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'classes.manage')
	const [instructors, organizers] = await Promise.all([
		listInstructorOptions(context.app.db, user.wardId),
		listOrganizerOptions(context.app.db, user.wardId),
	])
	return { instructors, organizers, me: user.id }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'classes.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const submission = parseWithZod(formData, { schema: ClassFormSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const saved = await createClass(context.app.db, {
		wardId: user.wardId,
		createdBy: user.id,
		form: submission.value,
	})
	if (saved.outcome !== 'saved') {
		const key =
			saved.outcome === 'invalid' && saved.field === 'organizerOrganizationId'
				? 'classes.error.organizer'
				: 'classes.error.instructor'
		const field = saved.outcome === 'invalid' ? saved.field : 'instructorId'
		return data({ result: submission.reply({ fieldErrors: { [field]: [key] } }) }, { status: 400 })
	}
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'class.created',
		entityType: 'class',
		entityId: saved.id,
		details: { kind: submission.value.kind, capacity: submission.value.capacity },
	})
	return redirect(`/lop-hoc/${saved.id}`)
}

export default function ClassNew({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { instructors, organizers, me } = loaderData
	const [form, fields] = useForm<{ [K in keyof z.input<typeof ClassFormSchema>]?: string }>({
		lastResult: actionData?.result,
		defaultValue: {
			kind: 'community',
			capacity: '30',
			instructorId: instructors.some((i) => i.id === me) ? me : instructors[0]?.id,
		},
	})
	return (
		<div className="stack">
			<p>
				<Link to="/lop-hoc">← {t('classes.detail.back')}</Link>
			</p>
			<h1>{t('classes.form.newTitle')}</h1>
			<Form method="post" className="form" {...getFormProps(form)}>
				<CsrfInput />
				<ClassFormFields fields={fields} instructors={instructors} organizers={organizers} />
				<p className="actions">
					<button type="submit" className="primary">
						{t('classes.form.create')}
					</button>{' '}
					<Link to="/lop-hoc">{t('classes.form.cancel')}</Link>
				</p>
			</Form>
		</div>
	)
}
