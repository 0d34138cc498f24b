import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { isImportFileError } from '#server/people/import/import-file-error.ts'
import { defaultImportLimits } from '#server/people/import/import-limits.ts'
import { importOrganizationMembers } from '#server/ward/import-organization-members.server.ts'
import { requireOrganization } from '#server/ward/require-organization.server.ts'
import { membershipKinds } from '#server/ward/schema.ts'
import type { Route } from './+types/organization-import'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `Nhập danh sách thành viên — ${data?.organization.name ?? 'Tổ chức'} — Bình dân học vụ số` },
]

const MAX_MB = Math.round(defaultImportLimits.maxFileBytes / 1024 / 1024)
/** The page lists this many unmatched rows; the counts are always complete. */
const SHOWN_UNMATCHED = 200

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())

/** `/to-chuc/:organizationId/nhap`: add an organisation's members from its own list (.xlsx/.csv). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { organization } = await requireOrganization(request, context, params.organizationId)
	return { organization, maxMb: MAX_MB, today: today() }
}

const ImportFormSchema = z.object({
	intent: z.enum(['check', 'import']),
	kind: z.enum(membershipKinds),
	startedOn: z.iso.date(),
})

type Failure = 'noFile' | 'tooLarge' | 'form' | 'file'

function failure(error: Failure, status: number, message: { vi: string; en: string } | null = null) {
	return data({ ok: false as const, error, message }, { status })
}

export async function action({ request, context, params }: Route.ActionArgs) {
	await requirePermission(request, context, 'organizations.manage')
	const declared = Number(request.headers.get('content-length') ?? 0)
	if (declared > defaultImportLimits.maxFileBytes + 64 * 1024) return failure('tooLarge', 413)
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const { user, organization } = await requireOrganization(request, context, params.organizationId)
	const parsed = ImportFormSchema.safeParse({
		intent: formData.get('intent'),
		kind: formData.get('kind'),
		startedOn: formData.get('startedOn'),
	})
	if (!parsed.success) return failure('form', 400)
	const file = formData.get('file')
	if (!(file instanceof File) || file.size === 0) return failure('noFile', 400)
	if (file.size > defaultImportLimits.maxFileBytes) return failure('tooLarge', 413)
	try {
		const result = await importOrganizationMembers(context.app, {
			wardId: user.wardId,
			organizationId: organization.id,
			bytes: Buffer.from(await file.arrayBuffer()),
			fileName: file.name || 'danh-sach.xlsx',
			kind: parsed.data.kind,
			startedOn: parsed.data.startedOn,
			actor: requestAudit(context, user).actor,
			dryRun: parsed.data.intent === 'check',
		})
		return {
			ok: true as const,
			checked: parsed.data.intent === 'check',
			fileName: file.name,
			added: result.added,
			alreadyMembers: result.alreadyMembers,
			unmatchedCount: result.unmatched.length,
			unmatched: result.unmatched.slice(0, SHOWN_UNMATCHED),
		}
	} catch (error) {
		if (!isImportFileError(error)) throw error
		return failure('file', 400, { vi: error.messageVi, en: error.messageEn })
	}
}

export default function OrganizationImport({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { organization, maxMb } = loaderData
	const busy = useNavigation().state === 'submitting'
	const error =
		actionData && !actionData.ok
			? actionData.error === 'file'
				? (actionData.message?.[locale] ?? '')
				: actionData.error === 'tooLarge'
					? t('import.tooLarge', { max: maxMb })
					: t(actionData.error === 'noFile' ? 'import.noFile' : 'org.import.formError')
			: null
	const result = actionData?.ok ? actionData : null
	return (
		<div className="stack">
			<p>
				<Link to={`/to-chuc/${organization.id}`}>← {organization.name}</Link>
			</p>
			<h1>{t('org.import.title')}</h1>
			<p>{t('org.import.intro', { name: organization.name })}</p>
			{result ? (
				<section aria-labelledby="org-import-result" className="stack">
					<h2 id="org-import-result">
						{t(result.checked ? 'org.import.checkedTitle' : 'org.import.doneTitle', {
							file: result.fileName,
						})}
					</h2>
					<p role="status">
						{t(result.checked ? 'org.import.checkedSummary' : 'org.import.doneSummary', {
							added: result.added,
							already: result.alreadyMembers,
							unmatched: result.unmatchedCount,
						})}
					</p>
					{result.unmatched.length > 0 ? (
						<div className="table-scroll">
							<table>
								<caption>{t('org.import.unmatchedCaption', { count: result.unmatchedCount })}</caption>
								<thead>
									<tr>
										<th scope="col">{t('org.import.col.sheet')}</th>
										<th scope="col">{t('org.import.col.row')}</th>
										<th scope="col">{t('org.col.name')}</th>
										<th scope="col">{t('org.import.col.reason')}</th>
									</tr>
								</thead>
								<tbody>
									{result.unmatched.map((row) => (
										<tr key={`${row.sheetName}:${row.rowNumber}`}>
											<td>{row.sheetName}</td>
											<td>{row.rowNumber}</td>
											<td>{row.fullName}</td>
											<td>{row.reason}</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					) : null}
					{result.unmatchedCount > result.unmatched.length ? (
						<p>{t('org.import.moreUnmatched', { shown: result.unmatched.length })}</p>
					) : null}
				</section>
			) : null}
			<Form method="post" encType="multipart/form-data" className="form">
				<CsrfInput />
				<div className="field">
					<label htmlFor="members-file">{t('import.file')}</label>
					<p className="hint" id="members-file-hint">
						{t('org.import.fileHint', { max: maxMb })}
					</p>
					<input
						id="members-file"
						type="file"
						name="file"
						accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
						aria-describedby={error ? 'members-file-hint members-file-error' : 'members-file-hint'}
						aria-invalid={error ? true : undefined}
						required
					/>
					{error ? (
						<p className="field-error" id="members-file-error" role="alert">
							{error}
						</p>
					) : null}
				</div>
				<div className="field">
					<label htmlFor="members-kind">{t('org.add.kind')}</label>
					<select id="members-kind" name="kind" defaultValue="member">
						{membershipKinds.map((k) => (
							<option key={k} value={k}>
								{t(`org.membership.${k}`)}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="members-since">{t('org.members.since')}</label>
					<input id="members-since" type="date" name="startedOn" defaultValue={loaderData.today} required />
				</div>
				<p className="hint">{t('org.import.checkHint')}</p>
				<div className="actions">
					<button type="submit" name="intent" value="check" className="secondary" disabled={busy}>
						{t('org.import.check')}
					</button>
					<button type="submit" name="intent" value="import" disabled={busy}>
						{t('org.import.submit')}
					</button>
				</div>
			</Form>
		</div>
	)
}
