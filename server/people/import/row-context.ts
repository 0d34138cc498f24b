import { excelErrorIn, type FieldMessage, type FieldResult } from '#server/people/import/field-result.ts'
import type { ResidentImportField } from '#server/people/import/resident-import-fields.ts'
import type { RowIssue } from '#server/people/import/resident-import-record.ts'
import { type CellValue, cellText, columnLetter } from '#server/people/import/sheet-types.ts'

export interface RowCells {
	/** The cell mapped to a field, merged cells already filled in; undefined when the field is not mapped. */
	get(field: ResidentImportField): CellValue | undefined
	column(field: ResidentImportField): number | undefined
}

/** What one row's parse collects: the cells, then errors (the row is rejected) and notes (shown). */
export interface RowContext {
	cells: RowCells
	errors: RowIssue[]
	notes: RowIssue[]
}

/** A cell's text; a Date object (never produced by the readers) has none. */
export function cellString(value: CellValue | undefined): string {
	return value instanceof Date ? '' : cellText(value)
}

export function rowIssue(context: RowContext, field: ResidentImportField, message: FieldMessage): RowIssue {
	const index = context.cells.column(field)
	return {
		code: message.code,
		field,
		column: index === undefined ? undefined : columnLetter(index),
		messageVi: message.messageVi,
		messageEn: message.messageEn,
	}
}

export function addError(context: RowContext, field: ResidentImportField, message: FieldMessage): void {
	context.errors.push(rowIssue(context, field, message))
}

export function addNote(context: RowContext, field: ResidentImportField, message: FieldMessage): void {
	context.notes.push(rowIssue(context, field, message))
}

/** A cached formula error ("#REF!") in a mapped cell is an error of its own. */
export function hasExcelError(context: RowContext, field: ResidentImportField, value: CellValue): boolean {
	const excelError = typeof value === 'string' ? excelErrorIn(value) : undefined
	if (excelError === undefined) return false
	addError(context, field, {
		code: 'formulaError',
		messageVi: `Ô có lỗi công thức ${excelError}`,
		messageEn: `The cell holds the formula error ${excelError}`,
	})
	return true
}

/** Runs a field parser on a mapped cell, recording formula errors, parse failures and notes. */
export function readField<T>(
	context: RowContext,
	field: ResidentImportField,
	parse: (value: CellValue) => FieldResult<T>,
): T | undefined {
	const value = context.cells.get(field)
	if (value === undefined || hasExcelError(context, field, value)) return undefined
	const result = parse(value)
	if (!result.ok) {
		addError(context, field, result)
		return undefined
	}
	if (result.note) addNote(context, field, result.note)
	return result.value
}

/** Reads a free-text field that cannot fail. */
export function readText<T>(
	context: RowContext,
	field: ResidentImportField,
	clean: (value: CellValue) => T,
): T | undefined {
	const value = context.cells.get(field)
	if (value === undefined || hasExcelError(context, field, value)) return undefined
	return clean(value)
}
