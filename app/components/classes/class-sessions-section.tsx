import { Form, Link } from 'react-router'
import { sessionTime } from '#app/components/classes/session-time.ts'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

interface SessionRow {
	id: string
	startsAt: Date | string
	endsAt: Date | string
	topic: string
	place: string | null
	status: 'scheduled' | 'cancelled'
	lessonTitle: string | null
	attended: number
}

interface CourseOption {
	id: string
	title: string
	lessons: { id: string; title: string }[]
}

/** The class's schedule, and the form that adds a session (errors and typed values come back from the action). */
export function ClassSessionsSection({
	classId,
	sessions,
	courses,
	errors,
	values,
}: {
	classId: string
	sessions: SessionRow[]
	courses: CourseOption[]
	errors: Record<string, string[] | undefined> | null
	values: Record<string, string> | null
}) {
	const { t, locale } = useTranslate()
	const field = (name: string) => ({
		id: `session-${name}`,
		name,
		defaultValue: values?.[name] ?? '',
		'aria-invalid': errors?.[name] ? true : undefined,
		'aria-describedby': errors?.[name] ? `session-${name}-error` : undefined,
	})
	const error = (name: string) =>
		errors?.[name]?.[0] ? (
			<p className="field-error" id={`session-${name}-error`}>
				{t(errors[name]?.[0] as MessageKey)}
			</p>
		) : null
	return (
		<section aria-labelledby="class-sessions" className="stack">
			<h2 id="class-sessions">{t('classes.sessions.title')}</h2>
			{sessions.length === 0 ? (
				<p>{t('classes.sessions.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('classes.sessions.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('classes.sessions.topic')}</th>
								<th scope="col">{t('classes.sessions.attended')}</th>
								<th scope="col">{t('classes.sessions.open')}</th>
							</tr>
						</thead>
						<tbody>
							{sessions.map((s) => {
								const when = sessionTime(s.startsAt, s.endsAt, locale)
								const whenText = t('classes.session.when', when)
								return (
									<tr key={s.id}>
										{/* Time and topic share a cell: three narrow columns fit a 360-px phone. */}
										<td>
											<strong>{whenText}</strong>
											<br />
											{s.topic}
											{s.lessonTitle ? (
												<>
													<br />
													<small>
														{t('classes.sessions.lesson')}: {s.lessonTitle}
													</small>
												</>
											) : null}
											{s.place ? (
												<>
													<br />
													<small>{s.place}</small>
												</>
											) : null}
										</td>
										<td>{s.attended}</td>
										<td>
											{s.status === 'cancelled' ? (
												t('classes.sessions.cancelled')
											) : (
												<>
													<Link to={`/lop-hoc/${classId}/buoi/${s.id}`}>{t('classes.sessions.open')}</Link>
													{s.attended === 0 ? (
														<Form method="post" className="inline-form">
															<CsrfInput />
															<input type="hidden" name="intent" value="cancelSession" />
															<input type="hidden" name="sessionId" value={s.id} />
															<button
																type="submit"
																className="secondary"
																aria-label={t('classes.sessions.cancelLabel', { when: whenText })}
															>
																{t('classes.sessions.cancel')}
															</button>
														</Form>
													) : null}
												</>
											)}
										</td>
									</tr>
								)
							})}
						</tbody>
					</table>
				</div>
			)}
			<h3>{t('classes.sessions.add')}</h3>
			<Form method="post" className="form">
				<CsrfInput />
				<input type="hidden" name="intent" value="addSession" />
				<div className="field">
					<label htmlFor="session-date">{t('classes.sessions.date')}</label>
					<input type="date" required {...field('date')} />
					{error('date')}
				</div>
				<div className="field">
					<label htmlFor="session-startTime">{t('classes.sessions.start')}</label>
					<input type="time" required {...field('startTime')} />
					{error('startTime')}
				</div>
				<div className="field">
					<label htmlFor="session-endTime">{t('classes.sessions.end')}</label>
					<input type="time" required {...field('endTime')} />
					{error('endTime')}
				</div>
				<div className="field">
					<label htmlFor="session-topic">{t('classes.sessions.topic')}</label>
					<input type="text" required {...field('topic')} />
					{error('topic')}
				</div>
				<div className="field">
					<label htmlFor="session-place">{t('classes.sessions.placeOverride')}</label>
					<input type="text" {...field('place')} />
					{error('place')}
				</div>
				<div className="field">
					<label htmlFor="session-lessonId">{t('classes.sessions.lessonChoice')}</label>
					<p className="hint" id="session-lesson-hint">
						{t('classes.sessions.lessonHint')}
					</p>
					<select {...field('lessonId')} aria-describedby="session-lesson-hint">
						<option value="">{t('classes.sessions.noLesson')}</option>
						{courses.map((c) => (
							<optgroup key={c.id} label={c.title}>
								{c.lessons.map((l) => (
									<option key={l.id} value={l.id}>
										{l.title}
									</option>
								))}
							</optgroup>
						))}
					</select>
					{error('lessonId')}
				</div>
				<p className="actions">
					<button type="submit" className="primary">
						{t('classes.sessions.addButton')}
					</button>
				</p>
			</Form>
		</section>
	)
}
