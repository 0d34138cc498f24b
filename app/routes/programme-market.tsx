import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { listOrganizerOptions } from '#server/classes/classes.server.ts'
import { requirePermission, residentScopeCondition } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { listTargetGroups } from '#server/people/list-target-groups.server.ts'
import {
	addDigitalMarketAudience,
	computeDigitalMarket,
	isInDigitalMarketAudience,
	listDigitalMarketPending,
	readDigitalMarketAudience,
	recordDigitalPractice,
	removeDigitalMarketAudience,
} from '#server/programmes/digital-market.server.ts'
import { digitalPractices } from '#server/programmes/schema.ts'
import type { Route } from './+types/programme-market'

export const meta: Route.MetaFunction = () => [{ title: '“Chợ số – Nông thôn số” — Bình dân học vụ số' }]

/** `/chuong-trinh/cho-so`: who the model is for, and recording who uses digital payment and online selling. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'programmes.manage')
	const db = context.app.db
	const scope = residentScopeCondition(user, 'programmes.manage')
	const [audience, figures, pending, groups, organizations] = await Promise.all([
		readDigitalMarketAudience(db, user.wardId),
		computeDigitalMarket(db, { wardId: user.wardId, scope }),
		listDigitalMarketPending(db, { wardId: user.wardId, scope }),
		listTargetGroups(db),
		listOrganizerOptions(db, user.wardId),
	])
	return {
		audience,
		figures,
		pending,
		groups,
		organizations,
		notice: new URL(request.url).searchParams.get('tb'),
	}
}

const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('addAudience'), choice: z.string().max(100) }),
	z.object({ intent: z.literal('removeAudience'), audienceId: z.uuid() }),
	z.object({ intent: z.literal('record'), residentId: z.uuid(), practice: z.enum(digitalPractices) }),
])

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'programmes.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const parsed = ActionSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) throw data(null, { status: 400 })
	const db = context.app.db
	const input = parsed.data
	if (input.intent === 'addAudience')
		return redirect(
			`/chuong-trinh/cho-so?tb=${await addDigitalMarketAudience(db, { wardId: user.wardId, choice: input.choice })}`,
		)
	if (input.intent === 'removeAudience') {
		if (!(await removeDigitalMarketAudience(db, { wardId: user.wardId, id: input.audienceId })))
			throw data(null, { status: 404 })
		return redirect('/chuong-trinh/cho-so?tb=removed')
	}
	const scope = residentScopeCondition(user, 'programmes.manage')
	if (!(await isInDigitalMarketAudience(db, { wardId: user.wardId, scope, residentId: input.residentId })))
		throw data(null, { status: 404 })
	if (await recordDigitalPractice(db, { ...input, source: 'staff', since: today(), by: user.id }))
		await recordAudit(db, {
			...requestAudit(context, user),
			action: 'programme.practiceRecorded',
			entityType: 'resident',
			entityId: input.residentId,
			details: { practice: input.practice },
		})
	return redirect('/chuong-trinh/cho-so?tb=recorded')
}

const notices: Record<string, MessageKey> = {
	added: 'programmes.market.outcome.added',
	exists: 'programmes.market.outcome.exists',
	unknown: 'programmes.market.outcome.unknown',
	removed: 'programmes.market.outcome.removed',
	recorded: 'programmes.market.recorded',
}

export default function ProgrammeMarket({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { audience, figures, pending, groups, organizations, notice } = loaderData
	const noticeKey = notice ? notices[notice] : undefined
	return (
		<div className="stack">
			<p>
				<Link to="/chuong-trinh">← {t('programmes.title')}</Link>
			</p>
			<h1>{t('programmes.market.title')}</h1>
			<p>{t('programmes.market.body')}</p>
			{noticeKey ? <p role="status">{t(noticeKey)}</p> : null}
			<p className="lead">
				{audience.length > 0 ? t('programmes.market.summary', figures) : t('programmes.market.noAudience')}
			</p>
			<section aria-labelledby="market-audience" className="stack">
				<h2 id="market-audience">{t('programmes.market.audienceTitle')}</h2>
				<ul className="stack">
					{audience.map((a) => {
						const name = a.targetGroupCode
							? t('programmes.market.audienceGroup', { name: a.targetGroupName ?? a.targetGroupCode })
							: t('programmes.market.audienceOrg', { name: a.organizationName ?? '' })
						return (
							<li key={a.id}>
								<Form method="post" className="inline-form">
									<CsrfInput />
									<input type="hidden" name="intent" value="removeAudience" />
									<input type="hidden" name="audienceId" value={a.id} />
									<span>{name}</span>{' '}
									<button
										type="submit"
										className="secondary"
										aria-label={t('programmes.market.removeLabel', { name })}
									>
										{t('programmes.market.remove')}
									</button>
								</Form>
							</li>
						)
					})}
				</ul>
				<Form method="post" className="form">
					<CsrfInput />
					<input type="hidden" name="intent" value="addAudience" />
					<div className="field">
						<label htmlFor="market-choice">{t('programmes.market.addChoice')}</label>
						<select id="market-choice" name="choice" required>
							<optgroup label={t('programmes.market.groups')}>
								{groups.map((g) => (
									<option key={g.code} value={`group:${g.code}`}>
										{locale === 'vi' ? g.nameVi : g.nameEn}
									</option>
								))}
							</optgroup>
							<optgroup label={t('programmes.market.orgs')}>
								{organizations.map((o) => (
									<option key={o.id} value={`org:${o.id}`}>
										{o.name}
									</option>
								))}
							</optgroup>
						</select>
					</div>
					<button type="submit" className="secondary">
						{t('programmes.market.add')}
					</button>
				</Form>
			</section>
			{pending.length > 0 ? (
				<section aria-labelledby="market-pending" className="stack">
					<h2 id="market-pending">{t('programmes.market.pendingTitle')}</h2>
					<div className="table-scroll">
						<table>
							<caption className="visually-hidden">{t('programmes.market.pendingCaption')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('programmes.market.name')}</th>
									<th scope="col">{t('programmes.market.cashless')}</th>
									<th scope="col">{t('programmes.market.eCommerce')}</th>
								</tr>
							</thead>
							<tbody>
								{pending.map((p) => (
									<tr key={p.id}>
										<th scope="row">
											{p.fullName} ({p.birthYear})
										</th>
										{(['cashlessPayment', 'eCommerce'] as const).map((practice) => {
											const used = practice === 'cashlessPayment' ? p.cashless : p.eCommerce
											const label = t(
												practice === 'cashlessPayment'
													? 'programmes.market.cashless'
													: 'programmes.market.eCommerce',
											)
											return (
												<td key={practice}>
													{used ? (
														t('programmes.market.yes')
													) : (
														<Form method="post">
															<CsrfInput />
															<input type="hidden" name="intent" value="record" />
															<input type="hidden" name="residentId" value={p.id} />
															<input type="hidden" name="practice" value={practice} />
															<button
																type="submit"
																className="secondary"
																aria-label={t('programmes.market.recordLabel', {
																	name: p.fullName,
																	practice: label,
																})}
															>
																{t('programmes.market.record')}
															</button>
														</Form>
													)}
												</td>
											)
										})}
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</section>
			) : null}
		</div>
	)
}
