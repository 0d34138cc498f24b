import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { certificateBases, certificates } from '#server/certification/schema.ts'
import { defineCondition, sqlList } from '#server/indicators/condition-module.ts'
import { residents } from '#server/people/schema.ts'

// Conditions read from certificates (server/certification), earned here or confirmed elsewhere.

const basisVi: Record<(typeof certificateBases)[number], string> = {
	final_assessment: 'bài đánh giá cuối',
	oral_assessment: 'đánh giá trực tiếp',
	national_platform: 'nền tảng Bình dân học vụ số quốc gia',
	vneid: 'xác nhận trên VNeID',
}

export const certified = defineCondition({
	kind: 'certified',
	source: 'certification',
	schema: z.object({
		kind: z.literal('certified'),
		/** Omitted: any basis. */
		bases: z.array(z.enum(certificateBases)).min(1).optional(),
		/** Omitted: any track. */
		trackIds: z
			.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/))
			.min(1)
			.optional(),
	}),
	describe: (c, locale) => {
		if (locale === 'en')
			return `holds a certificate${c.bases ? ` (${c.bases.join(', ')})` : ''}${c.trackIds ? ` for ${c.trackIds.join(', ')}` : ''}`
		const bases = c.bases ? ` (căn cứ: ${c.bases.map((b) => basisVi[b]).join(', ')})` : ''
		return `có chứng nhận đạt chuẩn phổ cập kỹ năng số${bases}${c.trackIds ? ` của lộ trình ${c.trackIds.join(', ')}` : ''}`
	},
	// Valid on the day counted to: issued by then and not revoked by then.
	toSql: (c, ctx) => {
		const t = certificates
		const bases = c.bases ? sql`and ${t.basis} in (${sqlList(c.bases)})` : sql``
		const tracks = c.trackIds ? sql`and ${t.trackId} in (${sqlList(c.trackIds)})` : sql``
		return sql`exists (select 1 from ${t} where ${t.residentId} = ${residents.id} and ${t.issuedOn} <= ${ctx.asOf}::date
			and (${t.revokedAt} is null or ${t.revokedAt} >= (${ctx.asOf}::date + 1)) ${bases} ${tracks})`
	},
})
