import {
	type FieldMetadata,
	getFormProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { useState } from 'react'
import { Form } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { SelectField, TextField } from '#app/components/text-field.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { LessonDraftForm } from '#server/learning/lesson-draft.ts'

export interface LessonEditorProps {
	/** Present when the lesson is new: the id is typed by the author. */
	newLesson?: boolean
	defaultValue: Partial<LessonDraftForm> & { id?: string }
	baseRevision: number
	lastResult?: SubmissionResult<string[]> | null
	competencies: { code: string; nameVi: string; nameEn: string }[]
	images: string[]
	/** CB1…CS2, from the loader (the content schemas stay on the server). */
	levels: readonly string[]
}

/**
 * The lesson authoring form (Conform, works without JavaScript): the front matter as fields, the body in
 * Markdown, and the lists (practice questions, images, sources) in YAML exactly as in a lesson file.
 * Buttons: preview (nothing saved), save a draft, publish.
 */
export function LessonEditor({
	newLesson,
	defaultValue,
	baseRevision,
	lastResult,
	competencies,
	images,
	levels,
}: LessonEditorProps) {
	const { t, locale } = useTranslate()
	// The values the page opened with: a revalidated loader must not reset what the author is typing.
	const [initial] = useState(() => defaultValue)
	const [form, fields] = useForm<LessonDraftForm & { id: string }>({
		lastResult,
		defaultValue: initial,
		shouldValidate: 'onSubmit',
	})
	const chosen = new Set(fields.competencies.value as string[] | string | undefined)
	const formErrors = Object.keys(lastResult?.error ?? {}).length
	return (
		<Form method="post" className="form content-editor" {...getFormProps(form)}>
			<CsrfInput />
			<input type="hidden" name="baseRevision" value={baseRevision} />
			{formErrors > 0 ? (
				<p className="form-error" role="alert">
					{t('content.editor.hasProblems')}
				</p>
			) : null}
			{newLesson ? (
				<TextField
					meta={fields.id}
					label={t('content.editor.id')}
					hint={t('content.editor.idHint')}
					required
				/>
			) : null}
			<TextField meta={fields.title} label={t('content.editor.title')} required />
			<TextAreaField meta={fields.summary} label={t('content.editor.summary')} rows={3} />
			<TextField
				meta={fields.minutes}
				label={t('content.editor.minutes')}
				hint={t('content.editor.minutesHint')}
				inputMode="numeric"
			/>
			<SelectField meta={fields.level} label={t('content.editor.level')}>
				{levels.map((code) => (
					<option key={code} value={code}>
						{code}
					</option>
				))}
			</SelectField>
			<fieldset
				aria-describedby={fields.competencies.errors?.length ? fields.competencies.errorId : undefined}
			>
				<legend>{t('content.editor.competencies')}</legend>
				<div className="competency-choices">
					{competencies.map((c) => (
						<div key={c.code} className="field--checkbox">
							<input
								type="checkbox"
								id={`competency-${c.code}`}
								name={fields.competencies.name}
								value={c.code}
								defaultChecked={chosen.has(c.code)}
							/>
							<label htmlFor={`competency-${c.code}`}>
								{c.code} — {locale === 'vi' ? c.nameVi : c.nameEn}
							</label>
						</div>
					))}
				</div>
				<Errors meta={fields.competencies} />
			</fieldset>
			<TextField
				meta={fields.basicSkills}
				label={t('content.editor.basicSkills')}
				hint={t('content.editor.basicSkillsHint')}
			/>
			<TextAreaField
				meta={fields.body}
				label={t('content.editor.body')}
				hint={t('content.editor.bodyHint', { images: images.join(', ') || '—' })}
				rows={18}
			/>
			<TextAreaField
				meta={fields.practiceYaml}
				label={t('content.editor.practice')}
				hint={t('content.editor.practiceHint')}
				rows={14}
			/>
			<TextAreaField
				meta={fields.imagesYaml}
				label={t('content.editor.images')}
				hint={t('content.editor.imagesHint')}
				rows={4}
			/>
			<TextAreaField
				meta={fields.sourcesYaml}
				label={t('content.editor.sources')}
				hint={t('content.editor.sourcesHint')}
				rows={4}
			/>
			<TextField meta={fields.note} label={t('content.editor.note')} hint={t('content.editor.noteHint')} />
			<p className="actions">
				<button type="submit" name="intent" value="preview" className="secondary">
					{t('content.editor.preview')}
				</button>
				<button type="submit" name="intent" value="save" className="secondary">
					{t('content.editor.save')}
				</button>
				<button type="submit" name="intent" value="publish" className="primary">
					{t('content.editor.publish')}
				</button>
			</p>
		</Form>
	)
}

/** A labelled text area with its hint and every error (a lesson body can have several). */
export function TextAreaField({
	meta,
	label,
	hint,
	rows,
}: {
	meta: FieldMetadata<string>
	label: string
	hint?: string
	rows: number
}) {
	const { key, ...textarea } = getTextareaProps(meta, {
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
			<textarea key={key} {...textarea} rows={rows} spellCheck={false} />
			<Errors meta={meta} />
		</div>
	)
}

function Errors({ meta }: { meta: FieldMetadata<unknown> }) {
	if (!meta.errors?.length) return null
	return (
		<ul className="field-error" id={meta.errorId}>
			{meta.errors.map((message) => (
				<li key={message}>{message}</li>
			))}
		</ul>
	)
}
