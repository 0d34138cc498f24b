import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { defineCondition, sqlList } from '#server/indicators/condition-module.ts'
import { residents, residentTargetGroups } from '#server/people/schema.ts'
import {
	membershipKinds,
	organizationKinds,
	organizationMemberships,
	organizations,
} from '#server/ward/schema.ts'

// Conditions read from the registry: target groups, age, sex, VNeID level, organisation membership.
// Target groups and memberships are the registry's current state (the registry keeps no history).

const code = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'Mã không hợp lệ')

export const inTargetGroup = defineCondition({
	kind: 'targetGroup',
	source: 'registry',
	schema: z.object({
		kind: z.literal('targetGroup'),
		/** Any of these groups. */
		codes: z.array(code).min(1).max(12),
	}),
	describe: (c, locale) =>
		locale === 'vi'
			? `thuộc nhóm đối tượng: ${c.codes.join(', ')}`
			: `in target group: ${c.codes.join(', ')}`,
	toSql: (c) => {
		const t = residentTargetGroups
		return sql`exists (select 1 from ${t} where ${t.residentId} = ${residents.id} and ${t.targetGroupCode} in (${sqlList(c.codes)}))`
	},
})

export const ageBetween = defineCondition({
	kind: 'age',
	source: 'registry',
	schema: z
		.object({
			kind: z.literal('age'),
			min: z.number().int().min(0).max(130).optional(),
			max: z.number().int().min(0).max(130).optional(),
		})
		.refine((c) => c.min !== undefined || c.max !== undefined, 'Cần ít nhất một giới hạn tuổi')
		.refine(
			(c) => c.min === undefined || c.max === undefined || c.min <= c.max,
			'Tuổi từ phải nhỏ hơn tuổi đến',
		),
	describe: (c, locale) => {
		if (locale === 'en') return `aged ${c.min ?? 0}${c.max === undefined ? '+' : `–${c.max}`}`
		if (c.max === undefined) return `từ đủ ${c.min} tuổi`
		if (c.min === undefined) return `không quá ${c.max} tuổi`
		return `từ ${c.min} đến ${c.max} tuổi`
	},
	// Age reached during the reference year, as the registry's age bands count it.
	toSql: (c, ctx) => {
		const parts = []
		if (c.min !== undefined) parts.push(sql`${residents.birthYear} <= ${ctx.referenceYear - c.min}`)
		if (c.max !== undefined) parts.push(sql`${residents.birthYear} >= ${ctx.referenceYear - c.max}`)
		return sql.join(parts, sql` and `)
	},
})

export const ofSex = defineCondition({
	kind: 'sex',
	source: 'registry',
	schema: z.object({ kind: z.literal('sex'), sex: z.enum(['male', 'female']) }),
	describe: (c, locale) =>
		locale === 'vi' ? (c.sex === 'male' ? 'là nam' : 'là nữ') : c.sex === 'male' ? 'male' : 'female',
	toSql: (c) => sql`${residents.sex} = ${c.sex}`,
})

export const vneidAtLeast = defineCondition({
	kind: 'vneidLevel',
	source: 'registry',
	schema: z.object({ kind: z.literal('vneidLevel'), atLeast: z.union([z.literal(1), z.literal(2)]) }),
	describe: (c, locale) =>
		locale === 'vi' ? `có tài khoản VNeID từ mức ${c.atLeast}` : `VNeID account level ${c.atLeast} or higher`,
	toSql: (c) => sql`${residents.vneidLevel} >= ${c.atLeast}`,
})

export const memberOf = defineCondition({
	kind: 'membership',
	source: 'registry',
	schema: z.object({
		kind: z.literal('membership'),
		organizationKinds: z.array(z.enum(organizationKinds)).min(1),
		/** Omitted: any kind of membership. */
		membershipKinds: z.array(z.enum(membershipKinds)).min(1).optional(),
	}),
	describe: (c, locale) => {
		const as = c.membershipKinds ? ` (${c.membershipKinds.join(', ')})` : ''
		return locale === 'vi'
			? `đang là thành viên của đơn vị loại ${c.organizationKinds.join(', ')}${as}`
			: `current member of a ${c.organizationKinds.join(', ')}${as}`
	},
	toSql: (c, ctx) => {
		const m = organizationMemberships
		const o = organizations
		const kinds = c.membershipKinds ? sql`and ${m.kind} in (${sqlList(c.membershipKinds)})` : sql``
		return sql`exists (select 1 from ${m} join ${o} on ${o.id} = ${m.organizationId}
			where ${m.residentId} = ${residents.id} and ${o.kind} in (${sqlList(c.organizationKinds)}) ${kinds}
			and (${m.startedOn} is null or ${m.startedOn} <= ${ctx.asOf}::date)
			and (${m.endedOn} is null or ${m.endedOn} > ${ctx.asOf}::date))`
	},
})
