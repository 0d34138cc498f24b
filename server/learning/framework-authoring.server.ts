import { desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { RequestAuditContext } from '#server/audit/record-personal-data-read.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { applyFramework } from '#server/learning/apply-published-content.server.ts'
import { verificationStates } from '#server/learning/content/common-schemas.ts'
import {
	type BasicSkillsFramework,
	BasicSkillsFrameworkSchema,
	type Framework,
	FrameworkSchema,
} from '#server/learning/content/framework-schemas.ts'
import { appendRevision, latestRevision } from '#server/learning/content-revisions.server.ts'
import { skillFrameworks } from '#server/learning/schema.ts'

export type AnyFramework = Framework | BasicSkillsFramework

/** Both frameworks as published, competence framework first. */
export async function readFrameworks(db: Database) {
	const rows = await db
		.select({ id: skillFrameworks.id, revision: skillFrameworks.revision, data: skillFrameworks.data })
		.from(skillFrameworks)
		.orderBy(desc(skillFrameworks.kind))
	return rows.map((r) => ({ ...r, data: r.data as unknown as AnyFramework }))
}

const optionalText = z.string().trim().optional()
const requiredText = z.string({ error: 'Không được để trống' }).trim().min(1, 'Không được để trống')

/**
 * What staff may change on the framework page: names (Vietnamese and English), everyday names of the
 * domains, descriptions and descriptors, notes on sources and how far each element was checked. Codes
 * and structure stay as the official texts set them.
 */
export const FrameworkEditSchema = z.object({
	frameworkId: z.string().min(1),
	baseRevision: z.coerce.number().int().min(0),
	note: optionalText,
	sourceNote: requiredText,
	domains: z
		.array(
			z.object({
				code: z.string(),
				nameVi: requiredText,
				nameEn: requiredText,
				plainVi: optionalText,
				plainEn: optionalText,
				sourceNote: optionalText,
				competencies: z
					.array(
						z.object({
							code: z.string(),
							nameVi: requiredText,
							nameEn: requiredText,
							description: optionalText,
							sourceNote: optionalText,
							verification: z.enum(verificationStates),
						}),
					)
					.default([]),
			}),
		)
		.default([]),
	levels: z
		.array(
			z.object({
				code: z.string(),
				nameVi: requiredText,
				nameEn: requiredText,
				descriptor: optionalText,
				sourceNote: optionalText,
			}),
		)
		.default([]),
	groups: z
		.array(
			z.object({
				code: z.string(),
				nameVi: requiredText,
				nameEn: requiredText,
				items: z
					.array(z.object({ code: z.string(), nameVi: requiredText, nameEn: requiredText }))
					.default([]),
			}),
		)
		.default([]),
})
export type FrameworkEdit = z.infer<typeof FrameworkEditSchema>

/** The framework with the edits applied (elements are matched by code; others are left as they were). */
export function applyFrameworkEdits(current: AnyFramework, edit: FrameworkEdit): AnyFramework {
	if (current.kind === 'basicSkillsFramework') {
		return {
			...current,
			sourceNote: edit.sourceNote,
			skillGroups: current.skillGroups.map((group) => {
				const g = edit.groups.find((x) => x.code === group.code)
				if (!g) return group
				return {
					...group,
					name: { vi: g.nameVi, en: g.nameEn },
					items: group.items.map((item) => {
						const i = g.items.find((x) => x.code === item.code)
						return i ? { ...item, name: { vi: i.nameVi, en: i.nameEn } } : item
					}),
				}
			}),
		}
	}
	return {
		...current,
		sourceNote: edit.sourceNote,
		domains: current.domains.map((domain) => {
			const d = edit.domains.find((x) => x.code === domain.code)
			if (!d) return domain
			const { plainName: _plain, ...rest } = domain
			return {
				...rest,
				name: { vi: d.nameVi, en: d.nameEn },
				...(d.plainVi && d.plainEn ? { plainName: { vi: d.plainVi, en: d.plainEn } } : {}),
				source: withNote(domain.source, d.sourceNote),
				competencies: domain.competencies.map((competency) => {
					const c = d.competencies.find((x) => x.code === competency.code)
					if (!c) return competency
					return {
						...competency,
						name: { vi: c.nameVi, en: c.nameEn },
						description: c.description || null,
						source: { ...withNote(competency.source, c.sourceNote), verification: c.verification },
					}
				}),
			}
		}),
		levels: current.levels.map((level) => {
			const l = edit.levels.find((x) => x.code === level.code)
			if (!l) return level
			const { sourceNote: _note, ...rest } = level
			return {
				...rest,
				name: { vi: l.nameVi, en: l.nameEn },
				descriptor: l.descriptor || null,
				...(l.sourceNote ? { sourceNote: l.sourceNote } : {}),
			}
		}),
	}
}

function withNote<T extends { note?: string }>(source: T, note: string | undefined): T {
	const { note: _old, ...rest } = source
	return (note ? { ...rest, note } : rest) as T
}

export type SaveFrameworkResult =
	| { ok: true; revision: number }
	| { ok: false; reason: 'conflict' | 'notFound' }
	| { ok: false; reason: 'invalid'; messages: string[] }

/**
 * Publishes staff's edits of a framework as a new version (earlier versions stay in the history).
 * Refused when someone saved since `baseRevision`, or when the result would not be a valid framework.
 */
export async function saveFrameworkEdits(
	db: Database,
	audit: RequestAuditContext,
	edit: FrameworkEdit,
): Promise<SaveFrameworkResult> {
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ data: skillFrameworks.data })
			.from(skillFrameworks)
			.where(eq(skillFrameworks.id, edit.frameworkId))
			.limit(1)
		if (!current) return { ok: false, reason: 'notFound' }
		const latest = await latestRevision(tx, 'framework', edit.frameworkId)
		if ((latest?.revision ?? 0) !== edit.baseRevision) return { ok: false, reason: 'conflict' }
		const edited = applyFrameworkEdits(current.data as unknown as AnyFramework, edit)
		const today = new Date().toISOString().slice(0, 10)
		const next = { ...edited, version: edited.version + 1, updated: today }
		const checked =
			next.kind === 'competenceFramework'
				? FrameworkSchema.safeParse(next)
				: BasicSkillsFrameworkSchema.safeParse(next)
		if (!checked.success) {
			return { ok: false, reason: 'invalid', messages: checked.error.issues.map((i) => i.message) }
		}
		const saved = await appendRevision(tx, {
			kind: 'framework',
			entityId: edit.frameworkId,
			data: checked.data,
			origin: 'staff',
			status: 'published',
			userId: audit.actor.userId,
			note: edit.note ?? null,
		})
		await applyFramework(tx, checked.data, saved)
		await recordAudit(tx, {
			...audit,
			action: 'learning.frameworkPublished',
			entityType: 'skillFramework',
			entityId: edit.frameworkId,
			details: { revision: saved.revision },
		})
		return { ok: true, revision: saved.revision }
	})
}
