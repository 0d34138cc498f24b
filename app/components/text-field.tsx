import { type FieldMetadata, getInputProps, getSelectProps } from '@conform-to/react'
import type { InputHTMLAttributes, ReactNode } from 'react'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

interface FieldProps {
	meta: FieldMetadata<string>
	label: string
	hint?: string
}

/** A labelled input with its hint and error (message keys from the zod schema, translated here). */
export function TextField({
	meta,
	label,
	hint,
	type = 'text',
	...rest
}: FieldProps & { type?: 'text' | 'password' | 'tel' | 'date' | 'search' } & Omit<
		InputHTMLAttributes<HTMLInputElement>,
		'type' | 'name' | 'id' | 'form'
	>) {
	const { key: _key, ...input } = getInputProps(meta, {
		type,
		ariaDescribedBy: hint ? `${meta.id}-hint` : undefined,
	})
	return (
		<div className="field">
			<label htmlFor={meta.id}>{label}</label>
			{hint ? (
				<p className="hint" id={`${meta.id}-hint`}>
					{hint}
				</p>
			) : null}
			<input {...input} {...rest} />
			<FieldError meta={meta} />
		</div>
	)
}

/** A labelled select with its hint and error. */
export function SelectField({ meta, label, hint, children }: FieldProps & { children: ReactNode }) {
	const { key: _key, ...select } = getSelectProps(meta, {
		ariaDescribedBy: hint ? `${meta.id}-hint` : undefined,
	})
	return (
		<div className="field">
			<label htmlFor={meta.id}>{label}</label>
			{hint ? (
				<p className="hint" id={`${meta.id}-hint`}>
					{hint}
				</p>
			) : null}
			<select {...select}>{children}</select>
			<FieldError meta={meta} />
		</div>
	)
}

function FieldError({ meta }: { meta: FieldMetadata<string> }) {
	const { t } = useTranslate()
	if (!meta.errors?.length) return null
	return (
		<p className="field-error" id={meta.errorId}>
			{t(meta.errors[0] as MessageKey)}
		</p>
	)
}
