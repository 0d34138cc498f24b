import { Form } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

type Values = Record<'fullName' | 'birthYear' | 'sex' | 'phone' | 'personalId', string>

export type WalkInState =
	| { kind: 'invalid'; errors: Record<string, string[] | undefined>; values: Values }
	| {
			kind: 'choose'
			candidates: { id: string; fullName: string; birthYear: number; groupName: string | null }[]
			values: Values
	  }
	| { kind: 'done'; outcome: 'recorded' | 'already'; name: string; created: boolean; full: boolean }
	| null

/** Walk-in registration: the person's details, then (if several match) a choice between them. */
export function WalkInSection({ result }: { result: WalkInState }) {
	const { t } = useTranslate()
	const values = result && result.kind !== 'done' ? result.values : null
	const errors = result?.kind === 'invalid' ? result.errors : null
	const input = (name: keyof Values) => ({
		id: `walkin-${name}`,
		name,
		defaultValue: values?.[name] ?? '',
		'aria-invalid': errors?.[name] ? true : undefined,
		'aria-describedby': errors?.[name] ? `walkin-${name}-error` : undefined,
	})
	const error = (name: keyof Values) =>
		errors?.[name]?.[0] ? (
			<p className="field-error" id={`walkin-${name}-error`}>
				{t(errors[name]?.[0] as MessageKey)}
			</p>
		) : null
	return (
		<section aria-labelledby="walkin-title" className="stack">
			<h2 id="walkin-title">{t('classes.walkIn.title')}</h2>
			{result?.kind === 'done' ? (
				<div role="status" className="stack">
					<p>
						{result.outcome === 'already'
							? t('classes.walkIn.already', { name: result.name })
							: t(result.created ? 'classes.walkIn.recordedCreated' : 'classes.walkIn.recordedMatched', {
									name: result.name,
								})}
					</p>
					{result.full ? <p>{t('classes.walkIn.full')}</p> : null}
				</div>
			) : null}
			{result?.kind === 'choose' ? (
				<Form method="post" className="form">
					<CsrfInput />
					<input type="hidden" name="intent" value="walkIn" />
					{(Object.keys(result.values) as (keyof Values)[]).map((k) => (
						<input key={k} type="hidden" name={k} value={result.values[k]} />
					))}
					<fieldset>
						<legend>{t('classes.walkIn.choose')}</legend>
						{result.candidates.map((c, i) => (
							<div key={c.id} className="field field--checkbox">
								<input
									type="radio"
									id={`walkin-choice-${c.id}`}
									name="residentId"
									value={c.id}
									required
									defaultChecked={i === 0}
								/>
								<label htmlFor={`walkin-choice-${c.id}`}>
									{t('classes.walkIn.chooseOne', {
										name: c.fullName,
										birthYear: c.birthYear,
										group: c.groupName ?? t('classes.walkIn.noGroup'),
									})}
								</label>
							</div>
						))}
					</fieldset>
					<p className="actions">
						<button type="submit" className="primary">
							{t('classes.walkIn.submit')}
						</button>
					</p>
				</Form>
			) : null}
			<p className="hint">{t('classes.walkIn.hint')}</p>
			{/* A new key after each registration empties the form for the next person. */}
			<Form
				method="post"
				className="form"
				key={result?.kind === 'done' ? `${result.name}-${result.outcome}` : 'walkin'}
			>
				<CsrfInput />
				<input type="hidden" name="intent" value="walkIn" />
				<div className="field">
					<label htmlFor="walkin-fullName">{t('classes.walkIn.fullName')}</label>
					<input type="text" autoComplete="off" required {...input('fullName')} />
					{error('fullName')}
				</div>
				<div className="field">
					<label htmlFor="walkin-birthYear">{t('classes.walkIn.birthYear')}</label>
					<input type="text" inputMode="numeric" required {...input('birthYear')} />
					{error('birthYear')}
				</div>
				<div className="field">
					<label htmlFor="walkin-sex">{t('classes.walkIn.sex')}</label>
					<select required {...input('sex')}>
						<option value="female">{t('classes.walkIn.female')}</option>
						<option value="male">{t('classes.walkIn.male')}</option>
					</select>
					{error('sex')}
				</div>
				<div className="field">
					<label htmlFor="walkin-phone">{t('classes.walkIn.phone')}</label>
					<input type="tel" autoComplete="off" {...input('phone')} />
					{error('phone')}
				</div>
				<div className="field">
					<label htmlFor="walkin-personalId">{t('classes.walkIn.personalId')}</label>
					<input type="text" inputMode="numeric" autoComplete="off" {...input('personalId')} />
					{error('personalId')}
				</div>
				<p className="actions">
					<button type="submit" className="primary">
						{t('classes.walkIn.submit')}
					</button>
				</p>
			</Form>
		</section>
	)
}
