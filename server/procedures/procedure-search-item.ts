import type { SearchItem } from '#server/assistant/search/knowledge-index.ts'
import type { ProcedureFields } from '#server/procedures/procedure-fields.ts'

/** Ids of plain documents in the search index carry a prefix, so they never collide with procedure codes. */
export const DOCUMENT_ID_PREFIX = 'tl:'

/** What the search indexes of a procedure: its name, the ward's keywords, its field and results. */
export function procedureSearchItem(
	code: string,
	fields: Pick<ProcedureFields, 'name' | 'field' | 'results'>,
	extra: { keywords?: string; wardLevel: boolean },
): SearchItem {
	return {
		id: code,
		name: fields.name,
		keywords: extra.keywords ?? '',
		topic: [fields.field, ...fields.results].join(' . '),
		wardLevel: extra.wardLevel,
	}
}

/** What the search indexes of a ward document: its title and its text. */
export function documentSearchItem(id: string, title: string, body: string): SearchItem {
	return { id: `${DOCUMENT_ID_PREFIX}${id}`, name: title, body, wardLevel: true }
}
