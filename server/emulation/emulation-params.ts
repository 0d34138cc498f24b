import type { Criterion, EmulationSubject } from '#server/emulation/criterion-rules.ts'
import type { RankingSort } from '#server/emulation/scoring.ts'

/*
 * The query-string vocabulary of the /thi-dua pages (Vietnamese, like the paths): `doiTuong=don-vi|ca-nhan`,
 * `ky=<period id>`, `sx=hang|ten|tong|tc-<criterion code>` with a leading '-' for descending.
 */

export const subjectParam: Record<EmulationSubject, string> = { unit: 'don-vi', individual: 'ca-nhan' }

export function parseSubject(value: string | null): EmulationSubject {
	return value === subjectParam.individual ? 'individual' : 'unit'
}

/** The period shown when none is asked: the first open one (newest first), else the newest. */
export function defaultPeriod<P extends { status: 'open' | 'closed' }>(periods: readonly P[]): P | undefined {
	return periods.find((p) => p.status === 'open') ?? periods[0]
}

export interface ParsedSort {
	sort: RankingSort
	descending: boolean
	/** The parameter as understood (unknown values fall back to the rank). */
	param: string
}

export function parseSort(
	value: string | null,
	criteria: readonly Pick<Criterion, 'id' | 'code'>[],
): ParsedSort {
	const raw = value ?? 'hang'
	const descending = raw.startsWith('-')
	const key = descending ? raw.slice(1) : raw
	if (key === 'ten') return { sort: { key: 'name' }, descending, param: raw }
	if (key === 'tong') return { sort: { key: 'total' }, descending, param: raw }
	if (key.startsWith('tc-')) {
		const criterion = criteria.find((c) => c.code === key.slice(3))
		if (criterion) return { sort: { key: 'criterion', criterionId: criterion.id }, descending, param: raw }
	}
	return { sort: { key: 'rank' }, descending: false, param: 'hang' }
}
