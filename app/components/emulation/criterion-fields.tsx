import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

type Errors = Record<string, string[] | undefined> | undefined

/** A short alert above a form refused by the server, so a screen reader hears that it was not saved. */
export function FieldErrors({ errors }: { errors: Errors }) {
	const { t } = useTranslate()
	if (!errors || Object.keys(errors).length === 0) return null
	return (
		<p className="form-error" role="alert">
			{t('emulation.error.summary')}
		</p>
	)
}

/** One labelled input with its error, tied together for screen readers. */
export function PlainField(props: {
	id: string
	name: string
	label: string
	errors: Errors
	children: (aria: Record<string, unknown>) => React.ReactNode
}) {
	const { t } = useTranslate()
	const error = props.errors?.[props.name]?.[0]
	return (
		<div className="field">
			<label htmlFor={props.id}>{props.label}</label>
			{props.children({
				id: props.id,
				name: props.name,
				'aria-invalid': error ? true : undefined,
				'aria-describedby': error ? `${props.id}-error` : undefined,
			})}
			{error ? (
				<p className="field-error" id={`${props.id}-error`}>
					{t(error as MessageKey)}
				</p>
			) : null}
		</div>
	)
}

/** The fields of a criterion: (code when new), title, weight, maximum and, for computed rules, full marks. */
export function CriterionFields(props: {
	idPrefix: string
	values: {
		code: string
		title: string
		weight: number
		maxPoints: number
		kind: string
		fullAt: number | null
	}
	errors: Errors
	withCode?: boolean
}) {
	const { t } = useTranslate()
	const { values, errors } = props
	const id = (name: string) => `c-${props.idPrefix}-${name}`
	return (
		<>
			{props.withCode ? (
				<PlainField id={id('code')} name="code" label={t('emulation.criteria.field.code')} errors={errors}>
					{(aria) => <input type="text" required maxLength={40} defaultValue={values.code} {...aria} />}
				</PlainField>
			) : null}
			<PlainField id={id('title')} name="title" label={t('emulation.criteria.field.title')} errors={errors}>
				{(aria) => <input type="text" required maxLength={200} defaultValue={values.title} {...aria} />}
			</PlainField>
			<PlainField
				id={id('weight')}
				name="weight"
				label={t('emulation.criteria.field.weight')}
				errors={errors}
			>
				{(aria) => (
					<input type="text" inputMode="decimal" required defaultValue={String(values.weight)} {...aria} />
				)}
			</PlainField>
			<PlainField
				id={id('maxPoints')}
				name="maxPoints"
				label={t('emulation.criteria.field.maxPoints')}
				errors={errors}
			>
				{(aria) => (
					<input type="text" inputMode="numeric" required defaultValue={String(values.maxPoints)} {...aria} />
				)}
			</PlainField>
			{values.kind !== 'manual' && values.fullAt !== null ? (
				<PlainField
					id={id('fullAt')}
					name="fullAt"
					label={t('emulation.criteria.field.fullAt')}
					errors={errors}
				>
					{(aria) => (
						<input type="text" inputMode="decimal" required defaultValue={String(values.fullAt)} {...aria} />
					)}
				</PlainField>
			) : null}
		</>
	)
}
