import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { FrameworkFields } from '#app/components/learning/framework-fields.tsx'
import { learningLinks } from '#app/components/learning/learning-route.ts'
import { RevisionHistory } from '#app/components/learning/revision-history.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { verificationStates } from '#server/learning/content/common-schemas.ts'
import {
	FrameworkEditSchema,
	readFrameworks,
	saveFrameworkEdits,
} from '#server/learning/framework-authoring.server.ts'
import { listRevisions } from '#server/learning/lesson-authoring.server.ts'
import type { Route } from './+types/content-admin-framework'

export const meta: Route.MetaFunction = () => [{ title: 'Khung năng lực số — Bình dân học vụ số' }]
export const links = learningLinks

/**
 * `/quan-tri/noi-dung/khung-nang-luc`: the two frameworks (TT 02/2025 competences, QĐ 757 basic skills)
 * with names, descriptions and source notes staff may correct; each save is a new version, history kept.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	await requirePermission(request, context, 'content.manage')
	const { db } = context.app
	const frameworks = await readFrameworks(db)
	const histories = await Promise.all(frameworks.map((f) => listRevisions(db, 'framework', f.id)))
	const saved = new URL(request.url).searchParams.get('daLuu')
	return {
		saved,
		verificationStates,
		frameworks: frameworks.map((f, i) => ({
			...f,
			revisions: (histories[i] ?? []).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
		})),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'content.manage')
	const formData = await readCsrfCheckedForm(request, context)
	const submission = parseWithZod(formData, { schema: FrameworkEditSchema })
	if (submission.status !== 'success') {
		const messages = Object.entries(submission.error ?? {}).flatMap(([path, errors]) =>
			(errors ?? []).map((e) => `${path}: ${e}`),
		)
		return data(
			{ frameworkId: String(formData.get('frameworkId')), messages, conflict: false },
			{ status: 400 },
		)
	}
	const result = await saveFrameworkEdits(context.app.db, requestAudit(context, user), submission.value)
	if (result.ok)
		return redirect(
			`/quan-tri/noi-dung/khung-nang-luc?daLuu=${encodeURIComponent(submission.value.frameworkId)}`,
		)
	if (result.reason === 'notFound') throw data(null, { status: 404 })
	return data(
		{
			frameworkId: submission.value.frameworkId,
			messages: result.reason === 'invalid' ? result.messages : [],
			conflict: result.reason === 'conflict',
		},
		{ status: result.reason === 'conflict' ? 409 : 400 },
	)
}

export default function ContentAdminFramework({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	return (
		<div className="stack">
			<p>
				<Link to="/quan-tri/noi-dung">← {t('content.admin.title')}</Link>
			</p>
			<h1>{t('content.framework.title')}</h1>
			<p>{t('content.framework.intro')}</p>
			{loaderData.saved ? (
				<p className="notice" role="status">
					{t('content.framework.saved')}
				</p>
			) : null}
			{loaderData.frameworks.map((framework) => {
				const problem = actionData && actionData.frameworkId === framework.id ? actionData : null
				const title = locale === 'vi' ? framework.data.title.vi : framework.data.title.en
				return (
					<section key={framework.id} aria-labelledby={`fw-${framework.id}`} className="stack">
						<h2 id={`fw-${framework.id}`}>
							{title} ({framework.data.source.document})
						</h2>
						<p className="muted">
							{t('content.framework.version', { n: framework.revision })} ·{' '}
							{t(`content.verification.${framework.data.source.verification}`)}
						</p>
						{problem ? (
							<div className="form-error" role="alert">
								<p>{problem.conflict ? t('content.editor.conflict') : t('content.editor.hasProblems')}</p>
								<ul>
									{problem.messages.map((m) => (
										<li key={m}>{m}</li>
									))}
								</ul>
							</div>
						) : null}
						<Form method="post" className="form content-editor">
							<CsrfInput />
							<input type="hidden" name="frameworkId" value={framework.id} />
							<input type="hidden" name="baseRevision" value={framework.revision} />
							<FrameworkFields
								framework={framework.data}
								verificationStates={loaderData.verificationStates}
							/>
							<div className="field">
								<label htmlFor={`${framework.id}-note`}>{t('content.editor.note')}</label>
								<input id={`${framework.id}-note`} name="note" maxLength={500} />
							</div>
							<p>
								<button type="submit" className="primary">
									{t('content.framework.save')}
									<span className="visually-hidden">: {title}</span>
								</button>
							</p>
						</Form>
						<RevisionHistory revisions={framework.revisions} id={`history-${framework.id}`} level={3} />
					</section>
				)
			})}
		</div>
	)
}
