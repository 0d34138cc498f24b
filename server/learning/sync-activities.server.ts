import type { Database } from '#server/db/client.server.ts'
import { ActivityInputSchema, type ActivityOutcome } from '#server/learning/activity-schemas.ts'
import type { Learner } from '#server/learning/learners.server.ts'
import { recordActivity } from '#server/learning/record-activity.server.ts'

export interface SyncedActivity {
	id: string
	outcome: ActivityOutcome
}

/**
 * Applies what a browser queued while offline, in the order it was queued. Each activity is recorded
 * exactly once (see recordActivity); the reply lists every id with its outcome so the browser can drop
 * what the server has — also what it had before, when an earlier reply was lost.
 */
export async function syncActivities(
	db: Database,
	learner: Learner,
	batch: readonly unknown[],
): Promise<SyncedActivity[]> {
	const results: SyncedActivity[] = []
	for (const raw of batch) {
		const parsed = ActivityInputSchema.safeParse(raw)
		if (!parsed.success) {
			const id = (raw as { id?: unknown } | null)?.id
			if (typeof id === 'string' && id.length <= 64) results.push({ id, outcome: 'rejected' })
			continue
		}
		const { outcome } = await recordActivity(db, learner, parsed.data, 'offline')
		results.push({ id: parsed.data.id, outcome })
	}
	return results
}
