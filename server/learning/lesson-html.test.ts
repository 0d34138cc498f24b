import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createIdentityWard, createUserWithRole } from '#server/identity/testing/identity-fixtures.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import {
	listRevisions,
	readLessonRevision,
	saveLessonRevision,
} from '#server/learning/lesson-authoring.server.ts'
import { learningLessonHtml } from '#server/learning/lesson-html-schema.ts'
import { readLessonPage } from '#server/learning/lesson-page.server.ts'
import { lessonRenderer, renderLessonBody } from '#server/learning/render-lesson.server.ts'
import { learningLessons } from '#server/learning/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

// The lesson page reads a lesson's rendered body from learning_lesson_html: rendered on the first view
// of a revision, current for its content hash and renderer, rendered again when either changed.

let services: TestServices
let account: { id: string; wardId: string; residentId: string | null }
let audit: Parameters<typeof saveLessonRevision>[1]
const lessonId = 'vneid-what-is'

beforeAll(async () => {
	services = await createTestServices()
	await importLearningContent(services.db)
	const ward = await createIdentityWard(services)
	const learner = await createUserWithRole(services, ward, 'learner')
	account = { id: learner.id, wardId: ward.wardId, residentId: null }
	const admin = await createUserWithRole(services, ward, 'wardAdmin')
	audit = {
		actor: { userId: admin.id, label: 'quantri-test', wardId: ward.wardId },
		ip: null,
		requestId: 'test',
	}
})
afterAll(async () => {
	await services.close()
})

const view = async () => (await readLessonPage(services.db, { lessonId, account, retry: null }))!.lesson.html
const stored = () =>
	services.db.query.learningLessonHtml.findFirst({ where: eq(learningLessonHtml.lessonId, lessonId) })
const head = () => services.db.query.learningLessons.findFirst({ where: eq(learningLessons.id, lessonId) })

describe('the rendered body of a lesson, kept in the database', () => {
	test('the first view renders and stores it; later views read the stored HTML', async () => {
		expect(await stored()).toBeUndefined()
		const lesson = (await head())!
		const first = await view()
		expect(first).toBe(renderLessonBody(lesson))
		expect(first).toContain('<h2 id="muc-1">')
		expect(await stored()).toMatchObject({
			contentHash: lesson.contentHash,
			renderer: lessonRenderer(),
			html: first,
		})
		// A marker in the stored row shows the next view takes it from there rather than rendering again.
		await services.db
			.update(learningLessonHtml)
			.set({ html: `${first}<!-- stored -->` })
			.where(eq(learningLessonHtml.lessonId, lessonId))
		expect(await view()).toBe(`${first}<!-- stored -->`)
	})

	test('an edit that is published shows on the very next view', async () => {
		const [latest] = await listRevisions(services.db, 'lesson', lessonId)
		const data = (await readLessonRevision(services.db, lessonId, latest!.revision))!.data
		const body = `${data.body}\n\n## Mục vừa thêm\n\nĐoạn vừa sửa trên trang soạn bài.`
		const saved = await saveLessonRevision(services.db, audit, {
			data: { ...data, body, version: data.version + 1 },
			baseRevision: latest!.revision,
			publish: true,
			note: 'sửa',
			isNew: false,
		})
		expect(saved.ok).toBe(true)
		const html = await view()
		expect(html).toContain('Đoạn vừa sửa trên trang soạn bài.')
		expect(html).not.toContain('<!-- stored -->')
		expect(await stored()).toMatchObject({ contentHash: (await head())!.contentHash, html })
	})

	test('a body stored by another renderer is rendered again', async () => {
		const current = await view()
		await services.db
			.update(learningLessonHtml)
			.set({ renderer: 'renderer-of-an-older-release', html: '<p>cũ</p>' })
			.where(eq(learningLessonHtml.lessonId, lessonId))
		expect(await view()).toBe(current)
		expect(await stored()).toMatchObject({ renderer: lessonRenderer(), html: current })
	})
})
