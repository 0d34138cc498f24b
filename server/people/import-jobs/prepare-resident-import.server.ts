import type { AppServices } from '#server/app-services.server.ts'
import {
	type ClassifiedResidentRow,
	classifyResidentRows,
} from '#server/people/import/classify-resident-rows.ts'
import type { ImportMapping } from '#server/people/import/column-mapping.ts'
import type { HeaderDetection } from '#server/people/import/detect-header.ts'
import type { ImportLimitsInput } from '#server/people/import/import-limits.ts'
import { parseResidentWorkbook } from '#server/people/import/parse-resident-workbook.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import type {
	RejectedResidentRow,
	ResidentImportRecord,
	ValidResidentRow,
} from '#server/people/import/resident-import-record.ts'
import {
	matchResidentialGroup,
	parseResidentialGroupLabel,
	type ResidentialGroupCandidate,
} from '#server/people/import/residential-group-hint.ts'
import type { ReadWarning } from '#server/people/import/sheet-types.ts'
import { createFindExistingResidents } from '#server/people/import-jobs/find-existing-residents.server.ts'
import { lookupHash } from '#server/security/personal-data.server.ts'
import { listResidentialGroups } from '#server/ward/list-residential-groups.server.ts'

export interface PrepareResidentImportInput {
	wardId: string
	bytes: Buffer
	fileName: string
	mapping?: ImportMapping
	/** Sheet name → residential group id, as chosen on the preview page. */
	groupChoices?: Record<string, string>
	/** The residential groups the person may import into ('all' for the whole ward). */
	groupsInScope?: 'all' | string[]
	/** Used when a sheet names no group (the CLI's --group). */
	defaultGroupId?: string
	limits?: ImportLimitsInput
	today?: string
}

export interface SheetPlan {
	detection: HeaderDetection
	/** The group every row of the sheet goes to unless the row names another; undefined if none matched. */
	groupId?: string
	/** Whether the group was matched from the sheet rather than chosen by the person. */
	groupMatched: boolean
}

/** A valid row, classified, with the group it goes to resolved. */
export interface PlannedResidentRow {
	row: ValidResidentRow
	class: ClassifiedResidentRow['class']
	residentId?: string
	changedFields: ClassifiedResidentRow['changedFields']
	residentialGroupId: string
}

export interface ResidentImportPlan {
	sheets: SheetPlan[]
	mapping: ImportMapping
	groups: ResidentialGroupCandidate[]
	planned: PlannedResidentRow[]
	rejected: RejectedResidentRow[]
	warnings: ReadWarning[]
	headerLabels: Map<string, string[]>
	counts: { new: number; updated: number; unchanged: number; rejected: number; skipped: number }
}

function rejectRow(
	row: ValidResidentRow,
	code: string,
	messageVi: string,
	messageEn: string,
): RejectedResidentRow {
	return {
		status: 'rejected',
		sheetName: row.sheetName,
		rowNumber: row.rowNumber,
		notes: row.notes,
		errors: [{ code, field: 'residentialGroup', messageVi, messageEn }],
		cells: [],
		partial: row.record,
	}
}

/**
 * matchResidentialGroup for many labels against many groups: the groups' numbers are read once, and the
 * full match (which reads every group's name again) runs only when the number alone does not decide.
 */
function createGroupMatcher(
	groups: readonly ResidentialGroupCandidate[],
): (label: string) => string | undefined {
	const byNumber = new Map<number, ResidentialGroupCandidate[]>()
	for (const g of groups) {
		const n =
			parseResidentialGroupLabel(g.name)?.number ?? (/^\d+$/.test(g.code) ? Number(g.code) : undefined)
		if (n !== undefined) byNumber.set(n, [...(byNumber.get(n) ?? []), g])
	}
	return (label) => {
		const n = parseResidentialGroupLabel(label)?.number
		const candidates = n === undefined ? undefined : byNumber.get(n)
		if (candidates?.length === 1) return candidates[0]!.id
		return matchResidentialGroup(label, groups)?.id
	}
}

/**
 * Everything the preview shows and the commit applies, computed the same way for both: read the file,
 * parse with the (corrected) mapping, resolve each sheet's and row's residential group, and classify the
 * valid rows against the registry. Writes nothing.
 */
export async function prepareResidentImport(
	services: AppServices,
	input: PrepareResidentImportInput,
	onProgress?: (done: number, total: number) => void,
): Promise<ResidentImportPlan> {
	const workbook = await readImportFile(input.bytes, { fileName: input.fileName, limits: input.limits })
	const parse = parseResidentWorkbook(workbook, { mapping: input.mapping, today: input.today })
	const groups = await listResidentialGroups(services.db, { wardId: input.wardId, only: input.groupsInScope })
	const groupIds = new Set(groups.map((g) => g.id))
	const matchGroup = createGroupMatcher(groups)
	const sheetGroup = new Map<string, string | undefined>()
	const sheets: SheetPlan[] = parse.detections.map((detection, i) => {
		const mapping = parse.mapping.sheets[i]!
		const chosen = input.groupChoices?.[mapping.sheetName]
		const matched = matchGroup(mapping.residentialGroup ?? mapping.sheetName)
		const groupId = chosen && groupIds.has(chosen) ? chosen : (matched ?? input.defaultGroupId)
		sheetGroup.set(mapping.sheetName, groupId)
		return { detection, groupId, groupMatched: !(chosen && groupIds.has(chosen)) && matched !== undefined }
	})
	const columnGroup = new Set(
		parse.mapping.sheets.filter((m) => m.columns.residentialGroup !== undefined).map((m) => m.sheetName),
	)
	const rejected: RejectedResidentRow[] = []
	const valid: { row: ValidResidentRow; groupId: string }[] = []
	const labelCache = new Map<string, string | undefined>()
	for (const row of parse.rows) {
		if (row.status === 'rejected') {
			rejected.push(row)
			continue
		}
		let groupId = sheetGroup.get(row.sheetName)
		const label = row.record.residentialGroup
		if (columnGroup.has(row.sheetName) && label) {
			if (!labelCache.has(label)) labelCache.set(label, matchGroup(label))
			groupId = labelCache.get(label) ?? groupId
		}
		if (!groupId) {
			rejected.push(
				rejectRow(
					row,
					'residentialGroupUnknown',
					'Không xác định được tổ dân phố của dòng này (hoặc tổ không thuộc phạm vi bạn được giao). Hãy chọn tổ cho trang tính.',
					'The row’s residential group is unknown (or outside your scope). Choose the group for the sheet.',
				),
			)
			continue
		}
		valid.push({ row, groupId })
	}
	// Compare in the registry's terms: the group as its id, the phone as its keyed hash (no decryption).
	const hashPersonalId = (id: string) => lookupHash(services.keyring, 'personalId', id)
	const comparable: ValidResidentRow[] = valid.map(({ row, groupId }) => ({
		...row,
		record: {
			...row.record,
			residentialGroup: groupId,
			phone:
				row.record.phone === undefined ? undefined : lookupHash(services.keyring, 'phone', row.record.phone),
		} satisfies ResidentImportRecord,
	}))
	const findExisting = createFindExistingResidents(services.db, input.wardId)
	let looked = 0
	const classified = await classifyResidentRows(
		comparable,
		async (keys) => {
			const found = await findExisting(keys)
			looked += keys.length
			onProgress?.(looked, comparable.length)
			return found
		},
		{ hashPersonalId },
	)
	const planned: PlannedResidentRow[] = classified.map((c, i) => ({
		row: valid[i]!.row,
		class: c.class,
		residentId: c.residentId,
		changedFields: c.changedFields,
		residentialGroupId: valid[i]!.groupId,
	}))
	const counts = {
		new: 0,
		updated: 0,
		unchanged: 0,
		rejected: rejected.length,
		skipped: parse.counts.skipped,
	}
	for (const p of planned) counts[p.class]++
	return {
		sheets,
		mapping: parse.mapping,
		groups,
		planned,
		rejected,
		warnings: workbook.warnings,
		headerLabels: parse.headerLabels,
		counts,
	}
}
