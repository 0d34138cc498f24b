import { z } from 'zod'

const MB = 1024 * 1024

/**
 * What an import may cost before it is refused. Defaults suit one ward on a small machine; a province
 * deployment can raise them from configuration. Parse configuration with `ImportLimitsSchema`.
 */
export const ImportLimitsSchema = z.object({
	/** Upload size limit (the file as sent). */
	maxFileBytes: z
		.number()
		.int()
		.positive()
		.default(20 * MB),
	/** Data rows over all sheets (up to 20 title and header rows per sheet are not counted). */
	maxRows: z.number().int().positive().default(200_000),
	/**
	 * Sum of the declared uncompressed sizes of the zip entries we read. A 200,000-row sheet with a dozen
	 * columns is about 100 MB of XML; real workbooks stay far below this.
	 */
	maxUncompressedBytes: z
		.number()
		.int()
		.positive()
		.default(400 * MB),
	/** Uncompressed ÷ compressed size of one entry. Sheet XML compresses 5–30×; zip bombs reach 1,000×. */
	maxCompressionRatio: z.number().positive().default(200),
	/** Entries smaller than this are not ratio-checked (tiny files compress oddly and cannot hurt). */
	ratioCheckFromBytes: z
		.number()
		.int()
		.nonnegative()
		.default(1 * MB),
	/** Entries in the zip's central directory. */
	maxZipEntries: z.number().int().positive().default(10_000),
	/** Columns read per row; cells further right are ignored (a stray cell at XFD1 must not cost memory). */
	maxColumns: z.number().int().positive().default(100),
	/** Hidden sheets are usually look-up lists or old data: skipped (and reported) unless asked for. */
	includeHiddenSheets: z.boolean().default(false),
})

export type ImportLimits = z.infer<typeof ImportLimitsSchema>
export type ImportLimitsInput = z.input<typeof ImportLimitsSchema>

export const defaultImportLimits: ImportLimits = ImportLimitsSchema.parse({})

/** Fills in defaults for whatever the caller did not set. */
export function resolveImportLimits(input: ImportLimitsInput = {}): ImportLimits {
	return ImportLimitsSchema.parse(input)
}
