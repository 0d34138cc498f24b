import { Form, Link } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { type ConsentRow, ConsentTable } from '#app/components/privacy/consent-table.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'

/**
 * On /tai-khoan: the person's own data (download) and consents, each changed with one plain form so it
 * works before scripts load. `consents` is null when the account is not linked to a resident.
 */
export function MyDataSection({ consents }: { consents: ConsentRow[] | null }) {
	const { t } = useTranslate()
	return (
		<section aria-labelledby="my-data-title" className="stack">
			<h2 id="my-data-title">{t('privacy.mine.title')}</h2>
			<p>{t('privacy.mine.body')}</p>
			<p>
				<Link to="/du-lieu-ca-nhan">{t('privacy.mine.notice')}</Link>
			</p>
			{consents ? (
				<>
					<p>
						<a href="/tai-khoan/du-lieu.json" download>
							{t('privacy.mine.download')}
						</a>
					</p>
					<ConsentTable consents={consents} />
					<ul className="stack">
						{consents.map(({ purpose, current }) => {
							const given = current?.decision === 'given'
							return (
								<li key={purpose}>
									<Form method="post" className="actions">
										<CsrfInput />
										<input type="hidden" name="intent" value="consent" />
										<input type="hidden" name="purpose" value={purpose} />
										<input type="hidden" name="decision" value={given ? 'withdrawn' : 'given'} />
										<span>{t(`privacy.consent.purpose.${purpose}`)}</span>
										<button type="submit" className="secondary">
											{given ? t('privacy.mine.withdraw') : t('privacy.mine.give')}
										</button>
									</Form>
								</li>
							)
						})}
					</ul>
				</>
			) : (
				<p>{t('privacy.mine.notLinked')}</p>
			)}
		</section>
	)
}
