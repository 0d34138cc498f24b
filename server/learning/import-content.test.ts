import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { defaultContentDir } from '#server/learning/content/load-content.server.ts'
import { appendRevision } from '#server/learning/content-revisions.server.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import {
	learningContentImports,
	learningImages,
	learningLessons,
	learningRevisions,
	practiceItems,
	skillCompetencies,
} from '#server/learning/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let dir: string

beforeAll(async () => {
	services = await createTestServices()
	dir = await mkdtemp(path.join(os.tmpdir(), 'hocvuso-content-'))
	await cp(defaultContentDir, dir, { recursive: true })
})
afterAll(async () => {
	await services.close()
	await rm(dir, { recursive: true, force: true })
})

async function revisionCount() {
	const [row] = await services.db.select({ n: count() }).from(learningRevisions)
	return row!.n
}

const lessonFile = () => path.join(dir, 'courses/vneid/vneid-what-is.md')

describe('importing the content folder', () => {
	test('the first import publishes every framework, course, lesson and track once', async () => {
		const result = await importLearningContent(services.db, dir)
		expect(result.skipped).toBe(false)
		expect(result.summary).toMatchObject({ created: 2 + 13 + 60 + 8, updated: 0, unchanged: 0 })
		expect(result.summary!.images).toBeGreaterThan(20)
		expect(await revisionCount()).toBe(83)
		const [competencies] = await services.db.select({ n: count() }).from(skillCompetencies)
		expect(competencies!.n).toBe(24)
		const [items] = await services.db.select({ n: count() }).from(practiceItems)
		expect(items!.n).toBeGreaterThanOrEqual(120)
		const image = await services.db.query.learningImages.findFirst({
			where: and(eq(learningImages.courseId, 'vneid'), eq(learningImages.fileName, 'vneid-levels.svg')),
		})
		expect(new TextDecoder().decode(image!.bytes)).toContain('<svg')
	})

	test('the same folder again is recognised by its hash and skipped', async () => {
		const again = await importLearningContent(services.db, dir)
		expect(again).toMatchObject({ skipped: true })
		expect(await revisionCount()).toBe(83)
		const [imports] = await services.db.select({ n: count() }).from(learningContentImports)
		expect(imports!.n).toBe(1)
	})

	test('a folder whose files changed but whose content did not adds no revision', async () => {
		const readme = path.join(dir, 'README.md')
		await writeFile(readme, `${await readFile(readme, 'utf8')}\n`)
		const result = await importLearningContent(services.db, dir)
		expect(result.skipped).toBe(false)
		expect(result.summary).toMatchObject({ unchanged: 83, created: 0, updated: 0, images: 0 })
		expect(await revisionCount()).toBe(83)
	})

	test('two app servers importing at once import once', async () => {
		const readme = path.join(dir, 'README.md')
		await writeFile(readme, `${await readFile(readme, 'utf8')}\n`)
		const results = await Promise.all([
			importLearningContent(services.db, dir),
			importLearningContent(services.db, dir),
		])
		expect(results.filter((r) => !r.skipped)).toHaveLength(1)
		expect(await revisionCount()).toBe(83)
	})

	test('a changed lesson gets a new published revision; the old one is kept', async () => {
		const text = await readFile(lessonFile(), 'utf8')
		await writeFile(lessonFile(), text.replace('title: VNeID là gì?', 'title: VNeID là gì nhỉ?'))
		const result = await importLearningContent(services.db, dir)
		expect(result.summary).toMatchObject({ updated: 1, unchanged: 82 })
		const lesson = await services.db.query.learningLessons.findFirst({
			where: eq(learningLessons.id, 'vneid-what-is'),
		})
		expect(lesson).toMatchObject({ title: expect.stringContaining('VNeID là gì nhỉ?'), revision: 2 })
		const history = await services.db.query.learningRevisions.findMany({
			where: and(eq(learningRevisions.entityKind, 'lesson'), eq(learningRevisions.entityId, 'vneid-what-is')),
			orderBy: (r, { asc }) => asc(r.revision),
		})
		expect(history.map((r) => [r.revision, r.status, r.origin])).toEqual([
			[1, 'superseded', 'files'],
			[2, 'published', 'files'],
		])
	})

	test("after ward staff's own version, a changed file waits as a draft and staff's version stands", async () => {
		const current = await services.db.query.learningRevisions.findFirst({
			where: and(eq(learningRevisions.entityId, 'vneid-what-is'), eq(learningRevisions.status, 'published')),
		})
		await services.db.transaction((tx) =>
			appendRevision(tx, {
				kind: 'lesson',
				entityId: 'vneid-what-is',
				data: { ...current!.data, title: 'Bản của phường' },
				origin: 'staff',
				status: 'draft',
			}),
		)
		const text = await readFile(lessonFile(), 'utf8')
		await writeFile(lessonFile(), text.replace('VNeID là gì nhỉ?', 'VNeID là gì ạ?'))
		const result = await importLearningContent(services.db, dir)
		expect(result.summary).toMatchObject({ keptAsDraft: 1 })
		const lesson = await services.db.query.learningLessons.findFirst({
			where: eq(learningLessons.id, 'vneid-what-is'),
		})
		expect(lesson!.title).toContain('VNeID là gì nhỉ?')
		const latest = await services.db.query.learningRevisions.findFirst({
			where: eq(learningRevisions.entityId, 'vneid-what-is'),
			orderBy: (r, { desc }) => desc(r.revision),
		})
		expect(latest).toMatchObject({ revision: 4, status: 'draft', origin: 'files' })
	})

	test('a lesson removed from the files is withdrawn from learners, its history kept', async () => {
		await rm(path.join(dir, 'courses/vneid/vneid-documents.md'))
		const result = await importLearningContent(services.db, dir)
		expect(result.summary!.withdrawn).toBe(1)
		const lesson = await services.db.query.learningLessons.findFirst({
			where: eq(learningLessons.id, 'vneid-documents'),
		})
		expect(lesson!.status).toBe('withdrawn')
	})
})
