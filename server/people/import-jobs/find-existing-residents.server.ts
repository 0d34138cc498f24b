import { sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type {
	ExistingResident,
	FindExistingResidents,
	ResidentMatchKey,
} from '#server/people/import/classify-resident-rows.ts'
import { rowsOf } from '#server/people/import-jobs/rows-of.ts'
import type { VneidLevel } from '#server/people/schema.ts'

interface StoredRow {
	id: string
	personal_id_hash: string | null
	search_name: string
	birth_year: number
	birth_date: string | null
	full_name: string
	sex: 'male' | 'female'
	phone_hash: string | null
	relation_to_head: string | null
	household_code: string | null
	address: string | null
	ethnicity: string
	occupation: string | null
	residential_group_id: string | null
	vneid_level: number
}

const columns =
	sql.raw(`r.id, r.personal_id_hash, r.search_name, r.birth_year, to_char(r.birth_date, 'YYYY-MM-DD') as birth_date,
	r.full_name, r.sex, r.phone_hash, r.relation_to_head, h.code as household_code, h.address, r.ethnicity,
	r.occupation, r.residential_group_id, r.vneid_level`)

function toExisting(row: StoredRow): ExistingResident {
	return {
		residentId: row.id,
		// In the terms prepareResidentImport compares with: phone as its keyed hash, group as its id.
		record: {
			fullName: row.full_name,
			sex: row.sex,
			birthDate: row.birth_date ?? undefined,
			birthYear: row.birth_year,
			phone: row.phone_hash ?? undefined,
			relationToHead: row.relation_to_head ?? undefined,
			householdCode: row.household_code ?? undefined,
			address: row.address ?? undefined,
			ethnicity: row.ethnicity,
			occupation: row.occupation ?? undefined,
			residentialGroup: row.residential_group_id ?? undefined,
			vneidLevel: row.vneid_level as VneidLevel,
		},
	}
}

function nameKey(searchName: string, birthYear: number, householdCode: string | undefined): string {
	return `${searchName}\u0000${birthYear}\u0000${householdCode ?? ''}`
}

/**
 * The registry side of classifyResidentRows for one ward: a personal ID matches by its keyed hash; a row
 * without one matches a resident with the same folded name, birth year and household number. Two queries
 * per batch, whatever its size.
 */
export function createFindExistingResidents(db: Database, wardId: string): FindExistingResidents {
	return async (keys: ResidentMatchKey[]) => {
		const hashes = keys.flatMap((k) => (k.personalIdHash ? [k.personalIdHash] : []))
		const byHash = new Map<string, ExistingResident>()
		if (hashes.length > 0) {
			const result = rowsOf<StoredRow>(
				await db.execute(sql`select ${columns} from resident r
				left join household h on h.id = r.household_id
				where r.ward_id = ${wardId} and r.personal_id_hash in (select jsonb_array_elements_text(${JSON.stringify(hashes)}::jsonb))`),
			)
			for (const row of result) byHash.set(row.personal_id_hash as string, toExisting(row))
		}
		const unnamed = keys.filter((k) => !k.personalIdHash)
		const byName = new Map<string, ExistingResident>()
		if (unnamed.length > 0) {
			const names = [...new Set(unnamed.map((k) => k.searchName))]
			const result = rowsOf<StoredRow>(
				await db.execute(sql`select ${columns} from resident r
				left join household h on h.id = r.household_id
				where r.ward_id = ${wardId} and r.search_name in (select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb))`),
			)
			for (const row of result) {
				byName.set(nameKey(row.search_name, row.birth_year, row.household_code ?? undefined), toExisting(row))
			}
		}
		return keys.map((k) =>
			k.personalIdHash
				? byHash.get(k.personalIdHash)
				: byName.get(nameKey(k.searchName, k.birthYear, k.householdCode)),
		)
	}
}
