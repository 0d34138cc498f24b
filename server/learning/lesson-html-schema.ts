import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { learningLessons } from '#server/learning/schema.ts'

/**
 * The body of each published lesson as rendered HTML (server/learning/lesson-html.server.ts): written
 * on the first view of a revision, read on every view after it. A row holds for the lesson's content
 * hash and the renderer that wrote it; when either changed (an edit was published, the renderer was
 * upgraded), the next view renders again and overwrites it. Derived from content: no personal data.
 */
export const learningLessonHtml = pgTable('learning_lesson_html', {
	lessonId: text()
		.primaryKey()
		.references(() => learningLessons.id, { onDelete: 'cascade' }),
	contentHash: text().notNull(),
	/** lessonRenderer(): a fingerprint of what the renderer makes of a sample lesson. */
	renderer: text().notNull(),
	html: text().notNull(),
	renderedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})
