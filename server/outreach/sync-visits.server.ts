import type { AppServices } from '#server/app-services.server.ts'
import {
	dateInVietnam,
	type RecordVisitOptions,
	recordVisit,
	type Volunteer,
} from '#server/outreach/record-visit.server.ts'
import { parseVisitFields, QueuedVisitSchema } from '#server/outreach/visit-input.server.ts'

export interface SyncedVisit {
	id: string
	outcome: 'applied' | 'duplicate' | 'rejected'
	/** For a refused visit: a catalog key the page shows next to the visit it keeps. */
	reason?: string
	conflicts?: number
}

/**
 * Applies the visits a phone queued while offline, in the order queued. Each is stored exactly once
 * (see recordVisit); the reply names every id with what became of it, so the phone drops what the
 * server has — also visits stored before, when an earlier reply was lost — and keeps refused ones in
 * view with the reason instead of losing them silently.
 */
export async function syncVisits(
	services: Pick<AppServices, 'keyring' | 'db'>,
	volunteer: Volunteer,
	batch: readonly unknown[],
	audit: RecordVisitOptions['audit'],
): Promise<SyncedVisit[]> {
	const results: SyncedVisit[] = []
	for (const raw of batch) {
		const queued = QueuedVisitSchema.safeParse(raw)
		if (!queued.success) {
			const id = (raw as { id?: unknown } | null)?.id
			if (typeof id === 'string' && id.length <= 64)
				results.push({ id, outcome: 'rejected', reason: 'outreach.error.badForm' })
			continue
		}
		const { id, visitedAt, fields } = queued.data
		// The queued form's own visitId must be the queue's id: one key, whatever the fields say.
		const withId = [...fields.filter(([name]) => name !== 'visitId'), ['visitId', id] as const]
		const parsed = parseVisitFields(withId, dateInVietnam(new Date(visitedAt)))
		if (!parsed.ok) {
			results.push({ id, outcome: 'rejected', reason: parsed.errors[0] })
			continue
		}
		const report = await recordVisit(services, volunteer, parsed.visit, {
			origin: 'offline',
			visitedAt,
			audit,
		})
		if (report.outcome === 'rejected') {
			results.push({ id, outcome: 'rejected', reason: `outreach.error.${report.reason}` })
		} else if (report.outcome === 'duplicate') {
			results.push({ id, outcome: 'duplicate' })
		} else {
			results.push({ id, outcome: 'applied', conflicts: report.conflicts })
		}
	}
	return results
}
