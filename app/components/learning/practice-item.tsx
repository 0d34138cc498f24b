import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { PracticeView } from '#server/learning/lesson-view.server.ts'

interface PracticeItemProps {
	lessonId: string
	item: PracticeView
	number: number
	/** A fresh id for the answer form (the page's script replaces it at every submit). */
	activityId: string
	/** Set when the learner sent the form without choosing anything. */
	missingChoice: boolean
}

/**
 * One practice question: a plain form (radio buttons or check boxes) posted to the lesson page and
 * scored on the server; once answered, the learner's answer, whether it was right, the right answer and
 * the explanation. The right answer is not in the page before the learner answers.
 */
export function PracticeItem({ lessonId, item, number, activityId, missingChoice }: PracticeItemProps) {
	const { t } = useTranslate()
	const id = `cau-${item.itemId}`
	const heading = t('learn.practice.number', { n: number })
	const optionText = (value: string | boolean) =>
		typeof value === 'boolean'
			? value
				? t('learn.practice.true')
				: t('learn.practice.false')
			: (item.options.find((o) => o.id === value)?.text ?? value)
	if (item.result) {
		const { result } = item
		return (
			<div className="practice-item" id={id}>
				<p>
					<strong>{heading}</strong> {item.prompt}
				</p>
				<div className={result.correct ? 'practice-result--right' : 'practice-result--wrong'}>
					<p>
						{t('learn.practice.yourAnswer')} {result.answer.map(optionText).join('; ')}
					</p>
					<p className="learn-state">
						{result.correct ? t('learn.practice.right') : t('learn.practice.wrong')}
					</p>
					{result.correct ? null : (
						<p>
							{t('learn.practice.rightAnswer')} {result.key.map(optionText).join('; ')}
						</p>
					)}
					<p>{result.explanation}</p>
				</div>
				<p className="muted" data-attempts={result.attempts}>
					{t('learn.practice.attempts', { n: result.attempts })}
				</p>
				<p>
					<a href={`/hoc/bai/${lessonId}?lamLai=${item.itemId}#${id}`}>{t('learn.practice.retry')}</a>
				</p>
			</div>
		)
	}
	const errorId = `${id}-loi`
	const multiple = item.kind === 'multipleChoice'
	const options =
		item.kind === 'trueFalse'
			? [
					{ id: 'true', text: t('learn.practice.true') },
					{ id: 'false', text: t('learn.practice.false') },
				]
			: item.options
	return (
		<form
			method="post"
			className="practice-item"
			id={id}
			data-learn-form="answer"
			data-item={item.itemId}
			data-kind={item.kind}
			aria-describedby={missingChoice ? errorId : undefined}
		>
			<CsrfInput />
			<input type="hidden" name="intent" value="answer" />
			<input type="hidden" name="itemId" value={item.itemId} />
			<input type="hidden" name="activityId" value={activityId} />
			<fieldset>
				<legend data-read="">
					{heading} {item.prompt}{' '}
					<span className="muted">
						{multiple ? t('learn.practice.chooseAll') : t('learn.practice.chooseOneHint')}
					</span>
				</legend>
				{options.map((option) => (
					<label key={option.id} className="practice-option" data-read="">
						<input
							type={multiple ? 'checkbox' : 'radio'}
							name="answer"
							value={option.id}
							required={!multiple}
						/>
						<span>{option.text}</span>
					</label>
				))}
			</fieldset>
			{missingChoice ? (
				<p className="field-error" id={errorId} role="alert">
					{t('learn.practice.chooseOne')}
				</p>
			) : null}
			<p className="notice" hidden data-offline-note="" data-msg={t('learn.practice.savedOffline')} />
			<p>
				<button type="submit" className="primary">
					{t('learn.practice.submit')}
				</button>
			</p>
		</form>
	)
}
