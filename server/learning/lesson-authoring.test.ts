import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { createIdentityWard, createUserWithRole } from '#server/identity/testing/identity-fixtures.ts'
import {
	FrameworkEditSchema,
	readFrameworks,
	saveFrameworkEdits,
} from '#server/learning/framework-authoring.server.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import {
	listRevisions,
	readLessonRevision,
	republishLessonRevision,
	saveLessonRevision,
} from '#server/learning/lesson-authoring.server.ts'
import type { LessonData } from '#server/learning/lesson-data.ts'
import {
	type DraftContext,
	LessonDraftFormSchema,
	validateLessonDraft,
} from '#server/learning/lesson-draft.ts'
import { lessonFormValues } from '#server/learning/lesson-form-values.ts'
import { listCourseLessons } from '#server/learning/lesson-view.server.ts'
import { learningLessons, skillCompetencies } from '#server/learning/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let audit: Parameters<typeof saveLessonRevision>[1]

beforeAll(async () => {
	services = await createTestServices()
	await importLearningContent(services.db)
	const ward = await createIdentityWard(services)
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

const lessonId = 'vneid-passcode-otp'

async function publishedData(): Promise<LessonData> {
	const [latest] = await listRevisions(services.db, 'lesson', lessonId)
	return (await readLessonRevision(services.db, lessonId, latest!.revision))!.data
}

async function head() {
	return services.db.query.learningLessons.findFirst({ where: eq(learningLessons.id, lessonId) })
}

const context = (overrides: Partial<DraftContext> = {}): DraftContext => ({
	lessonId,
	courseId: 'vneid',
	order: 4,
	version: 2,
	updated: '2026-11-25',
	competencies: new Set(['4.1', '4.2', '2.6']),
	images: new Set(['never-share-otp.svg', 'vneid-levels.svg', 'vneid-activate.svg']),
	basicSkills: new Set(['0.1', '0.2', '1.a', '1.b', '1.c']),
	...overrides,
})

describe('checking what an author wrote', () => {
	test.each(['vneid-passcode-otp', 'dvc-submit-dossier'])(
		'%s round-trips through the form unchanged',
		async (id) => {
			const data = (await readLessonRevision(services.db, id, 1))!.data
			const checked = validateLessonDraft(
				lessonFormValues(data),
				context({
					lessonId: id,
					courseId: data.courseId,
					version: data.version,
					updated: data.updated,
					order: data.order,
					competencies: new Set(data.competencies),
					images: new Set(data.images.map((i) => i.file)),
				}),
			)
			expect(checked.problems).toEqual({})
			expect(checked.data).toEqual(data)
		},
	)

	test('raw HTML, script links and undeclared images are refused with Vietnamese messages per field', async () => {
		const form = LessonDraftFormSchema.parse({
			...lessonFormValues(await publishedData()),
			body: 'Chào bạn <script>alert(1)</script>\n\n[bấm](javascript:alert(1))\n\n![hình](https://example.com/x.png)',
		})
		const { data, problems } = validateLessonDraft(form, context())
		expect(data).toBeUndefined()
		expect(problems.body?.join('\n')).toMatch(/không được chứa mã HTML/)
		expect(problems.body?.join('\n')).toMatch(/Liên kết "javascript:alert\(1\)" không được phép/)
		expect(problems.body?.join('\n')).toMatch(/phải là tên một tệp/)
	})

	test('practice questions in broken YAML, or naming an unknown competency, are located by line', () => {
		const form = LessonDraftFormSchema.parse({
			title: 'Bài thử',
			summary: 'Tóm tắt',
			minutes: '9',
			level: 'CB1',
			competencies: ['4.2', '9.9'],
			body: 'Nội dung',
			practiceYaml: '- id: q1\n  kind: singleChoice\n  prompt: "chưa đóng nháy\n',
		})
		const { problems } = validateLessonDraft(form, context())
		expect(problems.practiceYaml?.[0]).toMatch(/^Dòng \d+: YAML không hợp lệ/)
		expect(problems.competencies).toContain('Không có năng lực mã "9.9" trong khung')
	})
})

describe('versions of a lesson', () => {
	test('a draft is kept beside what learners see, then published; every version stays', async () => {
		const before = await head()
		const data = { ...(await publishedData()), title: 'Mật khẩu, passcode và mã OTP (bản nháp)', version: 2 }
		const draft = await saveLessonRevision(services.db, audit, {
			data,
			baseRevision: 1,
			publish: false,
			note: 'thử',
			isNew: false,
		})
		expect(draft).toEqual({ ok: true, revision: 2 })
		expect((await head())?.title).toBe(before?.title)

		const stale = await saveLessonRevision(services.db, audit, {
			data,
			baseRevision: 1,
			publish: true,
			note: null,
			isNew: false,
		})
		expect(stale).toEqual({ ok: false, reason: 'conflict', latest: 2 })

		expect(
			await republishLessonRevision(services.db, audit, { lessonId, revision: 2, baseRevision: 2 }),
		).toEqual({
			ok: true,
			revision: 2,
		})
		expect(await head()).toMatchObject({ title: data.title, revision: 2, status: 'published' })
		const history = await listRevisions(services.db, 'lesson', lessonId)
		expect(history.map((r) => [r.revision, r.status, r.origin])).toEqual([
			[2, 'published', 'staff'],
			[1, 'superseded', 'files'],
		])
		const entries = await services.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'lesson'), eq(auditLog.entityId, lessonId)))
		expect(entries.map((e) => e.action)).toEqual(['learning.lessonDraftSaved', 'learning.lessonPublished'])
	})

	test('an older version can be published again as a new version', async () => {
		const result = await republishLessonRevision(services.db, audit, {
			lessonId,
			revision: 1,
			baseRevision: 2,
		})
		expect(result).toEqual({ ok: true, revision: 3 })
		expect((await head())?.title).toBe((await readLessonRevision(services.db, lessonId, 1))?.data.title)
	})

	test('a new lesson is hidden from learners until it is published', async () => {
		const data: LessonData = {
			...(await publishedData()),
			id: 'vneid-bai-cua-phuong',
			title: 'Bài của phường',
			order: 6,
			version: 1,
		}
		const draft = await saveLessonRevision(services.db, audit, {
			data,
			baseRevision: 0,
			publish: false,
			note: null,
			isNew: true,
		})
		expect(draft).toEqual({ ok: true, revision: 1 })
		const visible = async () => (await listCourseLessons(services.db, 'vneid')).map((l) => l.id)
		expect(await visible()).not.toContain('vneid-bai-cua-phuong')
		expect(
			await saveLessonRevision(services.db, audit, {
				data,
				baseRevision: 0,
				publish: false,
				note: null,
				isNew: true,
			}),
		).toEqual({ ok: false, reason: 'exists' })
		await republishLessonRevision(services.db, audit, { lessonId: data.id, revision: 1, baseRevision: 1 })
		expect((await visible()).at(-1)).toBe('vneid-bai-cua-phuong')
	})
})

describe('editing the framework', () => {
	test("publishes staff's names and notes as a new version, refusing a stale one", async () => {
		const [tt02] = await readFrameworks(services.db)
		expect(tt02?.data.kind).toBe('competenceFramework')
		if (tt02?.data.kind !== 'competenceFramework') return
		const domain = tt02.data.domains[0]!
		const edit = FrameworkEditSchema.parse({
			frameworkId: tt02.id,
			baseRevision: '1',
			sourceNote: 'Phường đã đối chiếu miền 1 với bản gốc.',
			domains: [
				{
					code: domain.code,
					nameVi: domain.name.vi,
					nameEn: domain.name.en,
					competencies: domain.competencies.map((c, i) => ({
						code: c.code,
						nameVi: i === 0 ? `${c.name.vi} (đã đối chiếu)` : c.name.vi,
						nameEn: c.name.en,
						description: i === 0 ? 'Mô tả chính thức theo phụ lục.' : undefined,
						verification: i === 0 ? 'officialText' : c.source.verification,
					})),
				},
			],
		})
		expect(await saveFrameworkEdits(services.db, audit, edit)).toEqual({ ok: true, revision: 2 })
		expect(await saveFrameworkEdits(services.db, audit, edit)).toEqual({ ok: false, reason: 'conflict' })
		const [row] = await services.db
			.select()
			.from(skillCompetencies)
			.where(eq(skillCompetencies.code, domain.competencies[0]!.code))
		expect(row).toMatchObject({
			nameVi: expect.stringContaining('(đã đối chiếu)'),
			description: 'Mô tả chính thức theo phụ lục.',
		})
		const [after] = await readFrameworks(services.db)
		expect(after).toMatchObject({
			revision: 2,
			data: { sourceNote: 'Phường đã đối chiếu miền 1 với bản gốc.', version: 2 },
		})
		if (after?.data.kind !== 'competenceFramework') return
		expect(after.data.domains[0]?.plainName).toBeUndefined()
		expect(after.data.domains[1]?.plainName).toEqual(tt02.data.domains[1]?.plainName)
		expect(after.data.domains[0]?.competencies[0]?.source.verification).toBe('officialText')
		expect((await listRevisions(services.db, 'framework', tt02.id)).map((r) => r.origin)).toEqual([
			'staff',
			'files',
		])
	})
})
