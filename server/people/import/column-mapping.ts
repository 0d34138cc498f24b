import { z } from 'zod'
import { residentImportFields } from '#server/people/import/resident-import-fields.ts'

/**
 * How one sheet's columns map to resident fields: proposed by `detectHeader`, corrected by a person on
 * the preview page, and fed back to `parseResidentSheet`. Plain JSON, so it can travel in a form field
 * or a job's payload.
 */
export const SheetColumnMappingSchema = z
	.object({
		sheetName: z.string().min(1).max(200),
		/** Excel row numbers of the header (one row, or two when the header is split over two rows). */
		headerRowNumbers: z.array(z.number().int().positive()).max(3),
		/** Rows above this are title and header rows; rows from here on are data. */
		firstDataRowNumber: z.number().int().positive(),
		/** Field → 0-based column index. */
		columns: z.partialRecord(z.enum(residentImportFields), z.number().int().nonnegative().max(16_383)),
		/** Residential group for every row when the sheet has no such column (from the sheet name or title). */
		residentialGroup: z.string().trim().max(200).optional(),
		/** Set to false to leave the sheet out of the import. */
		include: z.boolean().default(true),
	})
	.refine((m) => new Set(Object.values(m.columns)).size === Object.values(m.columns).length, {
		message: 'Mỗi cột chỉ gán cho một trường / A column can be mapped to one field only',
		path: ['columns'],
	})

export type SheetColumnMapping = z.infer<typeof SheetColumnMappingSchema>
export type SheetColumnMappingInput = z.input<typeof SheetColumnMappingSchema>

export const ImportMappingSchema = z.object({ sheets: z.array(SheetColumnMappingSchema).max(500) })
export type ImportMapping = z.infer<typeof ImportMappingSchema>
