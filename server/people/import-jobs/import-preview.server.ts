import type { AppServices } from '#server/app-services.server.ts'
import { type ImportMapping, ImportMappingSchema } from '#server/people/import/column-mapping.ts'
import { detectHeader } from '#server/people/import/detect-header.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import {
	type ResidentImportField,
	residentImportFields,
} from '#server/people/import/resident-import-fields.ts'
import type { ImportBatch } from '#server/people/import-jobs/import-batches.server.ts'
import { readImportFileBytes } from '#server/people/import-jobs/import-batches.server.ts'
import {
	prepareResidentImport,
	type ResidentImportPlan,
} from '#server/people/import-jobs/prepare-resident-import.server.ts'

/** Rejected rows shown on the page; all of them are in the error workbook. */
export const REJECTED_SHOWN = 100

export interface ImportPreview {
	sheets: {
		sheetName: string
		include: boolean
		headerRowNumbers: number[]
		firstDataRowNumber: number
		groupId: string | null
		groupMatched: boolean
		columns: { index: number; letter: string; label: string; field: ResidentImportField | null }[]
		missingRequired: string[]
	}[]
	groups: { id: string; code: string; name: string }[]
	counts: ResidentImportPlan['counts']
	rejected: { sheetName: string; rowNumber: number; reason: string }[]
	warnings: string[]
}

/** The batch's plan as the preview page shows it (plain JSON). */
export async function loadImportPreview(
	services: AppServices,
	batch: ImportBatch,
	groupsInScope: 'all' | string[],
): Promise<{ preview: ImportPreview; plan: ResidentImportPlan }> {
	const plan = await prepareResidentImport(services, {
		wardId: batch.wardId,
		bytes: await readImportFileBytes(services.db, batch.id),
		fileName: batch.fileName,
		mapping: batch.mapping,
		groupChoices: batch.groupChoices ?? undefined,
		groupsInScope,
	})
	const preview: ImportPreview = {
		sheets: plan.sheets.map((sheet, i) => {
			const mapping = plan.mapping.sheets[i]!
			const fieldOf = new Map(Object.entries(mapping.columns).map(([field, column]) => [column, field]))
			return {
				sheetName: mapping.sheetName,
				include: mapping.include,
				headerRowNumbers: mapping.headerRowNumbers,
				firstDataRowNumber: mapping.firstDataRowNumber,
				groupId: sheet.groupId ?? null,
				groupMatched: sheet.groupMatched,
				columns: sheet.detection.columns.map((c) => ({
					index: c.index,
					letter: c.letter,
					label: c.label,
					field: (fieldOf.get(c.index) as ResidentImportField | undefined) ?? null,
				})),
				missingRequired: ['fullName', 'birthDate']
					.filter((f) => !(f in mapping.columns))
					.concat(
						'sex' in mapping.columns ||
							'sexMale' in mapping.columns ||
							'sexFemale' in mapping.columns ||
							'personalId' in mapping.columns
							? []
							: ['sex'],
					),
			}
		}),
		groups: plan.groups,
		counts: plan.counts,
		rejected: plan.rejected.slice(0, REJECTED_SHOWN).map((row) => ({
			sheetName: row.sheetName,
			rowNumber: row.rowNumber,
			reason: row.errors.map((e) => (e.column ? `${e.column}: ${e.messageVi}` : e.messageVi)).join('; '),
		})),
		warnings: plan.warnings.map((w) => w.messageVi),
	}
	return { preview, plan }
}

/**
 * Reads the preview form (`s<i>.include`, `s<i>.group`, `s<i>.c<column>` = field) into a mapping and
 * group choices, starting from the batch's current mapping or the detected one. A field chosen for two
 * columns keeps the first.
 */
export async function readImportChoices(
	services: AppServices,
	batch: ImportBatch,
	form: FormData,
): Promise<{ mapping: ImportMapping; groupChoices: Record<string, string> }> {
	const workbook = await readImportFile(await readImportFileBytes(services.db, batch.id), {
		fileName: batch.fileName,
	})
	const given = new Map((batch.mapping?.sheets ?? []).map((m) => [m.sheetName, m]))
	const groupChoices: Record<string, string> = { ...(batch.groupChoices ?? {}) }
	const fields = new Set<string>(residentImportFields)
	const sheets = workbook.sheets.map((sheet, i) => {
		const detection = detectHeader(sheet)
		const base = given.get(sheet.name) ?? detection.mapping
		const group = form.get(`s${i}.group`)
		if (typeof group === 'string') {
			if (group) groupChoices[sheet.name] = group
			else delete groupChoices[sheet.name]
		}
		if (form.get(`s${i}.present`) !== '1') return base
		const columns: Partial<Record<ResidentImportField, number>> = {}
		for (const column of detection.columns) {
			const field = form.get(`s${i}.c${column.index}`)
			if (typeof field === 'string' && fields.has(field) && !(field in columns))
				columns[field as ResidentImportField] = column.index
		}
		return { ...base, columns, include: form.get(`s${i}.include`) === 'on' }
	})
	return { mapping: ImportMappingSchema.parse({ sheets }), groupChoices }
}
