import { Form } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import {
	type UnitReportFigures,
	type UnitReportSections,
	unitReportFigureKeys,
	unitReportSectionKeys,
} from '#server/reports/unit-report-content.ts'

type Errors = Record<string, string[] | undefined> | null

/**
 * The unit's report form: the figures (each with what the system recorded beside it) and the four
 * narrative sections; two buttons, save a draft or submit. Plain inputs: it works without JavaScript.
 */
export function UnitReportForm({
	version,
	values,
	systemFigures,
	errors,
}: {
	version: number
	values: { figures: Record<string, string | number>; sections: Partial<UnitReportSections> }
	systemFigures: UnitReportFigures
	errors: Errors
}) {
	const { t, locale } = useTranslate()
	const err = (name: string) =>
		errors?.[name]?.[0] ? (
			<p className="field-error" id={`ur-${name}-error`}>
				{t(errors[name]?.[0] as MessageKey)}
			</p>
		) : null
	const described = (name: string, hint?: string) => {
		const ids = [hint, errors?.[name] ? `ur-${name}-error` : null].filter(Boolean).join(' ')
		return { 'aria-invalid': errors?.[name] ? true : undefined, 'aria-describedby': ids || undefined }
	}
	return (
		<Form method="post" className="form">
			<CsrfInput />
			<input type="hidden" name="version" value={version} />
			{errors ? (
				<p role="alert" className="form-error">
					{t('reports.error.form')}
				</p>
			) : null}
			<fieldset className="stack">
				<legend>{t('reports.unit.figures')}</legend>
				<p className="hint">{t('reports.unit.figuresHint')}</p>
				{unitReportFigureKeys.map((key) => (
					<div className="field" key={key}>
						<label htmlFor={`ur-${key}`}>{t(`reports.figure.${key}`)}</label>
						<input
							id={`ur-${key}`}
							name={key}
							type="number"
							inputMode="numeric"
							min={0}
							max={10_000_000}
							step={1}
							required
							defaultValue={String(values.figures[key] ?? '')}
							{...described(key, `ur-${key}-system`)}
						/>
						<p className="hint" id={`ur-${key}-system`}>
							{t('reports.unit.systemValue', { value: formatNumber(locale, systemFigures[key]) })}
						</p>
						{err(key)}
					</div>
				))}
			</fieldset>
			<fieldset className="stack">
				<legend>{t('reports.unit.sections')}</legend>
				{unitReportSectionKeys.map((key) => (
					<div className="field" key={key}>
						<label htmlFor={`ur-${key}`}>{t(`reports.section.${key}`)}</label>
						<textarea
							id={`ur-${key}`}
							name={key}
							rows={5}
							maxLength={20000}
							defaultValue={values.sections[key] ?? ''}
							{...described(key)}
						/>
						{err(key)}
					</div>
				))}
			</fieldset>
			<p className="actions">
				<button type="submit" name="intent" value="save" className="secondary">
					{t('reports.unit.saveDraft')}
				</button>
				<button type="submit" name="intent" value="submit" className="primary">
					{t('reports.unit.submit')}
				</button>
			</p>
		</Form>
	)
}
