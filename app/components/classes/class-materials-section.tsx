import { Form } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'

interface Material {
	id: string
	courseId: string | null
	courseTitle: string | null
	lessonTitle: string | null
}

interface CourseOption {
	id: string
	title: string
	lessons: { id: string; title: string }[]
}

/** The courses and lessons the class teaches from. */
export function ClassMaterialsSection({
	materials,
	courses,
}: {
	materials: Material[]
	courses: CourseOption[]
}) {
	const { t } = useTranslate()
	return (
		<section aria-labelledby="class-materials" className="stack">
			<h2 id="class-materials">{t('classes.materials.title')}</h2>
			{materials.length === 0 ? (
				<p>{t('classes.materials.empty')}</p>
			) : (
				<ul className="stack">
					{materials.map((m) => {
						const title = m.courseId ? (m.courseTitle ?? '') : (m.lessonTitle ?? '')
						return (
							<li key={m.id}>
								<Form method="post" className="inline-form">
									<CsrfInput />
									<input type="hidden" name="intent" value="removeMaterial" />
									<input type="hidden" name="materialId" value={m.id} />
									<span>
										{m.courseId
											? t('classes.materials.course', { title })
											: t('classes.materials.lesson', { title })}
									</span>{' '}
									<button
										type="submit"
										className="secondary"
										aria-label={t('classes.materials.removeLabel', { title })}
									>
										{t('classes.materials.remove')}
									</button>
								</Form>
							</li>
						)
					})}
				</ul>
			)}
			<Form method="post" className="form">
				<CsrfInput />
				<input type="hidden" name="intent" value="addMaterial" />
				<div className="field">
					<label htmlFor="material-choice">{t('classes.materials.choice')}</label>
					<select id="material-choice" name="material" required>
						{courses.map((c) => (
							<optgroup key={c.id} label={c.title}>
								<option value={`course:${c.id}`}>
									{t('classes.materials.wholeCourse', { title: c.title })}
								</option>
								{c.lessons.map((l) => (
									<option key={l.id} value={`lesson:${l.id}`}>
										{l.title}
									</option>
								))}
							</optgroup>
						))}
					</select>
				</div>
				<p className="actions">
					<button type="submit" className="secondary">
						{t('classes.materials.add')}
					</button>
				</p>
			</Form>
		</section>
	)
}
