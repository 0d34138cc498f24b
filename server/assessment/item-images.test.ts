import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { createIdentityWard, createUserWithRole } from '#server/identity/testing/identity-fixtures.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'
import { importQuestionBank } from './import-questions.server.ts'
import { ITEM_IMAGE_MAX_BYTES, removeItemImage, setItemImage, sniffImageType } from './item-images.server.ts'
import { assessmentImages, assessmentItems } from './schema.ts'

let services: TestServices
let userId: string
const audit = { actor: { userId: null, label: 'quantri', wardId: null }, ip: null, requestId: null }
// The smallest real PNG (1×1, transparent): the signature, IHDR, IDAT, IEND.
const png = Uint8Array.from(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
		'base64',
	),
)

beforeAll(async () => {
	services = await createTestServices()
	await importLearningContent(services.db)
	await importQuestionBank(services.db)
	const ward = await createIdentityWard(services)
	userId = (await createUserWithRole(services, ward, 'wardAdmin')).id
	await services.db.insert(assessmentItems).values({
		id: 'vneid-staff-img',
		courseId: 'vneid',
		competencyCode: '2.6',
		level: 'CB1',
		kind: 'trueFalse',
		prompt: 'Biểu tượng trong hình là ứng dụng VNeID.',
		options: [],
		answer: [true],
		explanation: 'Ứng dụng VNeID có biểu tượng quốc huy.',
		origin: 'staff',
		contentHash: 'x',
	})
})
afterAll(async () => {
	await services.close()
})

const item = async (id: string) =>
	(await services.db.select().from(assessmentItems).where(eq(assessmentItems.id, id)))[0]!

test('the type is read from the first bytes: PNG, JPEG and WebP only (no SVG, no HTML)', () => {
	expect(sniffImageType(png)).toBe('image/png')
	expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg')
	expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
	expect(
		sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')),
	).toBeNull()
	expect(sniffImageType(new Uint8Array())).toBeNull()
})

test('a staff item gets a picture with its description, a new revision and an audit entry; then loses it', async () => {
	const before = await item('vneid-staff-img')
	const bytes = new Uint8Array(png)
	expect(
		await setItemImage(
			services.db,
			{ itemId: 'vneid-staff-img', bytes, alt: 'Biểu tượng ứng dụng VNeID', userId },
			audit,
		),
	).toEqual({ ok: true })
	const after = await item('vneid-staff-img')
	expect(after.imageAlt).toBe('Biểu tượng ứng dụng VNeID')
	expect(after.revision).toBe(before.revision + 1)
	const [stored] = await services.db
		.select()
		.from(assessmentImages)
		.where(eq(assessmentImages.sha256, after.imageSha256!))
	expect(stored?.contentType).toBe('image/png')
	const entries = await services.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entityId, 'vneid-staff-img'), eq(auditLog.action, 'assessment.itemImageSet')))
	expect(entries).toHaveLength(1)

	expect(await removeItemImage(services.db, { itemId: 'vneid-staff-img', userId }, audit)).toEqual({
		ok: true,
	})
	const removed = await item('vneid-staff-img')
	expect([removed.imageSha256, removed.imageAlt, removed.revision]).toEqual([null, null, before.revision + 2])
})

test('refusals change nothing: content-file item, unknown item, not a picture, too large, no description', async () => {
	const fileItem = await item('vneid-01')
	const staff = await item('vneid-staff-img')
	const set = (itemId: string, bytes: Uint8Array<ArrayBuffer>, alt = 'Một hình minh họa') =>
		setItemImage(services.db, { itemId, bytes, alt, userId }, audit)
	expect(await set('vneid-01', new Uint8Array(png))).toMatchObject({ ok: false, reason: 'notStaff' })
	expect(await set('khong-co', new Uint8Array(png))).toMatchObject({ ok: false, reason: 'notFound' })
	expect(
		await set('vneid-staff-img', new TextEncoder().encode('<svg/>') as Uint8Array<ArrayBuffer>),
	).toMatchObject({
		ok: false,
		reason: 'notImage',
	})
	const huge = new Uint8Array(ITEM_IMAGE_MAX_BYTES + 1)
	huge.set(png)
	expect(await set('vneid-staff-img', huge)).toMatchObject({ ok: false, reason: 'tooLarge' })
	const noAlt = await set('vneid-staff-img', new Uint8Array(png), '  ')
	expect(noAlt).toMatchObject({ ok: false, reason: 'alt' })
	expect(noAlt.ok ? '' : noAlt.message).toMatch(/tả/)
	expect(await removeItemImage(services.db, { itemId: 'vneid-01', userId }, audit)).toMatchObject({
		ok: false,
		reason: 'notStaff',
	})
	expect(await item('vneid-01')).toEqual(fileItem)
	expect(await item('vneid-staff-img')).toEqual(staff)
})
