import { Form } from 'react-router'
import { formatMonth } from '#app/components/indicators/indicator-format.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'

/**
 * The period filter of the dashboard pages: a month (the current one, or a closed month read from its
 * snapshot), as a GET form so it works without JavaScript and the address can be shared. `keep` carries
 * the page's other query values (e.g. the sort order).
 */
export function MonthPicker(props: {
	months: readonly string[]
	month: string
	current: string | undefined
	keep?: Record<string, string>
}) {
	const { t, locale } = useTranslate()
	return (
		<Form method="get" className="inline-form">
			{Object.entries(props.keep ?? {}).map(([name, value]) => (
				<input key={name} type="hidden" name={name} value={value} />
			))}
			<div className="field">
				<label htmlFor="thang">{t('dashboard.period')}</label>
				<select id="thang" name="thang" defaultValue={props.month}>
					{props.months.map((m) => (
						<option key={m} value={m}>
							{m === props.current
								? t('dashboard.period.current', { month: formatMonth(locale, m) })
								: formatMonth(locale, m)}
						</option>
					))}
				</select>
			</div>
			<button type="submit">{t('dashboard.period.submit')}</button>
		</Form>
	)
}
