import { useTranslate } from '#app/i18n/use-translate.ts'
import type { UnitStanding } from '#server/reports/reporting-rules.ts'

/** Where a unit's report stands, in words (never by colour alone). */
export function StandingBadge({ standing }: { standing: UnitStanding }) {
	const { t } = useTranslate()
	return (
		<span className={`report-standing report-standing--${standing}`}>
			{t(`reports.standing.${standing}`)}
		</span>
	)
}
