import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import type { PersonNeed } from '#server/outreach/person-needs.ts'

/** A person's name line: age, relation to the head, VNeID level. */
export function PersonSummary({
	person,
	year,
}: {
	person: { fullName: string; birthYear: number; relationToHead: string | null; vneidLevel: number }
	year: number
}) {
	const { t } = useTranslate()
	return (
		<>
			<strong>{person.fullName}</strong>{' '}
			<span className="muted">
				{person.relationToHead ? `${person.relationToHead} · ` : ''}
				{t('outreach.person.age', { age: year - person.birthYear })} ·{' '}
				{t('outreach.person.vneidLevel', { level: t(`outreach.vneid.${person.vneidLevel}` as MessageKey) })}
			</span>
		</>
	)
}

/** What a person still needs, as short labels (words, not colours). */
export function PersonNeeds({ needs }: { needs: readonly PersonNeed[] }) {
	const { t } = useTranslate()
	if (needs.length === 0) return <p className="muted">{t('outreach.need.none')}</p>
	return (
		<ul className="outreach-needs">
			{needs.map((need) => (
				<li key={need} className={`need-${need}`}>
					{t(`outreach.need.${need}` as MessageKey)}
				</li>
			))}
		</ul>
	)
}
