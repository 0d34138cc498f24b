import { Form } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'

interface Enrolment {
	enrolmentId: string
	name: string
	birthYear: number | null
	source: 'staff' | 'walkIn' | 'self'
	attended: number
}

interface Candidate {
	id: string
	fullName: string
	birthYear: number
	groupName: string | null
}

/** Who is enrolled, and finding residents to enrol (within the person's scope). */
export function ClassEnrolmentSection({
	enrolments,
	text,
	candidates,
	open,
}: {
	enrolments: Enrolment[]
	text: string
	candidates: Candidate[] | null
	open: boolean
}) {
	const { t } = useTranslate()
	return (
		<section aria-labelledby="class-enrolments" className="stack">
			<h2 id="class-enrolments">{t('classes.enrol.title', { count: enrolments.length })}</h2>
			{open ? (
				<>
					<Form method="get" className="form" preventScrollReset>
						<div className="field">
							<label htmlFor="enrol-search">{t('classes.enrol.search')}</label>
							<input id="enrol-search" type="search" name="tim" defaultValue={text} autoComplete="off" />
						</div>
						<button type="submit" className="secondary">
							{t('classes.enrol.searchButton')}
						</button>
					</Form>
					{candidates && candidates.length === 0 ? <p>{t('classes.enrol.none')}</p> : null}
					{candidates && candidates.length > 0 ? (
						<ul className="stack">
							{candidates.map((c) => (
								<li key={c.id}>
									<Form method="post" className="inline-form">
										<CsrfInput />
										<input type="hidden" name="intent" value="enrol" />
										<input type="hidden" name="residentId" value={c.id} />
										<span>
											{c.fullName} ({c.birthYear}){c.groupName ? ` — ${c.groupName}` : ''}
										</span>{' '}
										<button type="submit" aria-label={t('classes.enrol.addLabel', { name: c.fullName })}>
											{t('classes.enrol.add')}
										</button>
									</Form>
								</li>
							))}
						</ul>
					) : null}
				</>
			) : null}
			{enrolments.length === 0 ? (
				<p>{t('classes.enrol.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('classes.enrol.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('classes.enrol.name')}</th>
								<th scope="col">{t('classes.enrol.birthYear')}</th>
								<th scope="col">{t('classes.enrol.attended')}</th>
								<th scope="col">{t('classes.enrol.withdraw')}</th>
							</tr>
						</thead>
						<tbody>
							{enrolments.map((e) => (
								<tr key={e.enrolmentId}>
									<td>
										{e.name}
										<br />
										<small>{t(`classes.enrol.source.${e.source}`)}</small>
									</td>
									<td>{e.birthYear ?? '—'}</td>
									<td>{e.attended}</td>
									<td>
										<Form method="post">
											<CsrfInput />
											<input type="hidden" name="intent" value="withdraw" />
											<input type="hidden" name="enrolmentId" value={e.enrolmentId} />
											<button
												type="submit"
												className="secondary"
												aria-label={t('classes.enrol.withdrawLabel', { name: e.name })}
											>
												{t('classes.enrol.withdraw')}
											</button>
										</Form>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	)
}
