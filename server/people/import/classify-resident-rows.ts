import type { ResidentImportRecord, ValidResidentRow } from '#server/people/import/resident-import-record.ts'

export type ImportRowClass = 'new' | 'updated' | 'unchanged'

/** What identifies a row's resident in the registry, with the personal ID only as its keyed hash. */
export interface ResidentMatchKey {
	/** lookupHash(keyring, 'personalId', id), computed by the `hashPersonalId` the caller passes. */
	personalIdHash?: string
	/** Used when the row has no personal ID: folded name + birth + household number. */
	searchName: string
	birthYear: number
	birthDate?: string
	householdCode?: string
}

/** A stored resident, in the import record's terms (phone decrypted, group and household as labels). */
export interface ExistingResident {
	residentId: string
	record: Partial<ResidentImportRecord>
}

/** Looks a batch of keys up in the registry; answers in the same order, undefined where there is no match. */
export type FindExistingResidents = (keys: ResidentMatchKey[]) => Promise<Array<ExistingResident | undefined>>

export interface ClassifiedResidentRow {
	row: ValidResidentRow
	class: ImportRowClass
	residentId?: string
	/** For "updated": the fields whose imported value differs from the stored one. */
	changedFields: (keyof ResidentImportRecord)[]
}

/** Fields an import can change. Only fields the row sets are compared: a blank cell never erases data. */
export const comparedFields = [
	'fullName',
	'sex',
	'birthDate',
	'birthYear',
	'phone',
	'relationToHead',
	'householdCode',
	'address',
	'ethnicity',
	'occupation',
	'residentialGroup',
	'vneidLevel',
] as const satisfies readonly (keyof ResidentImportRecord)[]

export interface ClassifyOptions {
	/** Keyed hash of a personal ID (lookupHash bound to the ward's keyring): this module never sees the key. */
	hashPersonalId(personalId: string): string
	/** Keys per lookup call. */
	batchSize?: number
}

export function matchKeyOf(
	record: ResidentImportRecord,
	hashPersonalId: (id: string) => string,
): ResidentMatchKey {
	return {
		personalIdHash: record.personalId === undefined ? undefined : hashPersonalId(record.personalId),
		searchName: record.searchName,
		birthYear: record.birthYear,
		birthDate: record.birthDate,
		householdCode: record.householdCode,
	}
}

/** The fields the row sets that differ from the stored resident. */
export function changedFieldsOf(
	record: ResidentImportRecord,
	stored: Partial<ResidentImportRecord>,
): (keyof ResidentImportRecord)[] {
	return comparedFields.filter((field) => record[field] !== undefined && record[field] !== stored[field])
}

/**
 * Sorts valid rows into new, updated and unchanged residents by asking `findExisting` — the database side —
 * in batches. Re-importing the same file therefore yields only "unchanged" rows.
 */
export async function classifyResidentRows(
	rows: readonly ValidResidentRow[],
	findExisting: FindExistingResidents,
	options: ClassifyOptions,
): Promise<ClassifiedResidentRow[]> {
	const batchSize = options.batchSize ?? 2000
	const out: ClassifiedResidentRow[] = []
	for (let start = 0; start < rows.length; start += batchSize) {
		const batch = rows.slice(start, start + batchSize)
		const found = await findExisting(batch.map((row) => matchKeyOf(row.record, options.hashPersonalId)))
		batch.forEach((row, i) => {
			const existing = found[i]
			if (!existing) {
				out.push({ row, class: 'new', changedFields: [] })
				return
			}
			const changedFields = changedFieldsOf(row.record, existing.record)
			out.push({
				row,
				class: changedFields.length > 0 ? 'updated' : 'unchanged',
				residentId: existing.residentId,
				changedFields,
			})
		})
	}
	return out
}
