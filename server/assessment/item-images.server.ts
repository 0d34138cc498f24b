import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { type AuditActor, recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { assessmentImages, assessmentItems } from './schema.ts'

/*
 * Pictures on staff-authored question items (issue 6 item 1: "with images"). Content-file items take
 * their pictures from the course folder; a staff item (imported from a spreadsheet) gets one uploaded on
 * /quan-tri/cau-hoi. The type is read from the file's first bytes, never from the browser's word, and
 * only raster formats are taken: an uploaded SVG could carry script. Stored like the files' pictures,
 * addressed by hash.
 */

export const ITEM_IMAGE_MAX_BYTES = 1024 * 1024

const signatures: { type: string; matches: (b: Uint8Array) => boolean }[] = [
	{
		type: 'image/png',
		matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
	},
	{ type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
	{
		type: 'image/webp',
		matches: (b) =>
			String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
			String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
	},
]

/** The picture's type from its first bytes, or null when it is none of PNG, JPEG, WebP. */
export function sniffImageType(bytes: Uint8Array): string | null {
	return signatures.find((s) => s.matches(bytes))?.type ?? null
}

/** What a screen reader says instead of the picture: required, one line. */
export const ImageAltSchema = z
	.string()
	.trim()
	.min(3, 'Hãy tả ngắn gọn nội dung hình cho người không nhìn thấy')
	.max(300, 'Mô tả hình tối đa 300 ký tự')
	.refine((s) => !/[\r\n]/.test(s), 'Mô tả hình chỉ một dòng')

export type ItemImageResult =
	| { ok: true }
	| { ok: false; reason: 'notFound' | 'notStaff' | 'tooLarge' | 'notImage' | 'alt'; message?: string }

/**
 * Sets (or replaces) the picture of a staff item. The item gets a new revision: attempts already served
 * keep the revision they were scored against.
 */
export async function setItemImage(
	db: Database,
	input: { itemId: string; bytes: Uint8Array<ArrayBuffer>; alt: string; userId: string },
	audit: { actor: AuditActor; ip?: string | null; requestId?: string | null },
): Promise<ItemImageResult> {
	const alt = ImageAltSchema.safeParse(input.alt)
	if (!alt.success) return { ok: false, reason: 'alt', message: alt.error.issues[0]?.message }
	if (input.bytes.byteLength > ITEM_IMAGE_MAX_BYTES) return { ok: false, reason: 'tooLarge' }
	const contentType = sniffImageType(input.bytes)
	if (!contentType) return { ok: false, reason: 'notImage' }
	const sha256 = createHash('sha256').update(input.bytes).digest('hex')
	return db.transaction(async (tx) => {
		const [item] = await tx
			.select({ origin: assessmentItems.origin, revision: assessmentItems.revision })
			.from(assessmentItems)
			.where(eq(assessmentItems.id, input.itemId))
			.for('update')
		if (!item) return { ok: false, reason: 'notFound' } as const
		if (item.origin !== 'staff') return { ok: false, reason: 'notStaff' } as const
		await tx
			.insert(assessmentImages)
			.values({ sha256, contentType, bytes: input.bytes })
			.onConflictDoNothing()
		await tx
			.update(assessmentItems)
			.set({
				imageSha256: sha256,
				imageAlt: alt.data,
				revision: item.revision + 1,
				updatedBy: input.userId,
				updatedAt: new Date(),
			})
			.where(eq(assessmentItems.id, input.itemId))
		await recordAudit(tx, {
			...audit,
			action: 'assessment.itemImageSet',
			entityType: 'assessment_item',
			entityId: input.itemId,
			details: { sha256, contentType, bytes: input.bytes.byteLength },
		})
		return { ok: true } as const
	})
}

/** Takes the picture off a staff item (the stored picture stays: past attempts may show it). */
export async function removeItemImage(
	db: Database,
	input: { itemId: string; userId: string },
	audit: { actor: AuditActor; ip?: string | null; requestId?: string | null },
): Promise<ItemImageResult> {
	return db.transaction(async (tx) => {
		const [item] = await tx
			.select({ origin: assessmentItems.origin, revision: assessmentItems.revision })
			.from(assessmentItems)
			.where(eq(assessmentItems.id, input.itemId))
			.for('update')
		if (!item) return { ok: false, reason: 'notFound' } as const
		if (item.origin !== 'staff') return { ok: false, reason: 'notStaff' } as const
		await tx
			.update(assessmentItems)
			.set({
				imageSha256: null,
				imageAlt: null,
				revision: item.revision + 1,
				updatedBy: input.userId,
				updatedAt: new Date(),
			})
			.where(eq(assessmentItems.id, input.itemId))
		await recordAudit(tx, {
			...audit,
			action: 'assessment.itemImageRemoved',
			entityType: 'assessment_item',
			entityId: input.itemId,
		})
		return { ok: true } as const
	})
}
