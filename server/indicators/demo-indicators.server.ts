import type { Database } from '#server/db/client.server.ts'
import { seedDemoLearningHistory } from '#server/indicators/demo-learning-history.server.ts'
import { ensureStandardIndicators } from '#server/indicators/indicator-definitions.server.ts'
import {
	backfillSnapshots,
	currentMonthInVietnam,
	previousMonth,
} from '#server/indicators/snapshots.server.ts'

/**
 * The demo ward's indicators: the plan's targets, a learning history from January to today, and the
 * closed months' snapshots computed from that dated history (origin 'backfill') so trends show at once.
 * Runs after the learning content is imported (lessons must exist). Deterministic for a seed and a day.
 */
export async function seedDemoIndicators(db: Database, input: { seed: number; now?: Date }): Promise<void> {
	const now = input.now ?? new Date()
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now)
	const ward = await db.query.wards.findFirst({ columns: { id: true } })
	if (!ward) return
	await ensureStandardIndicators(db, ward.id)
	const planStart = '2026-01-01'
	if (today < planStart) return
	await seedDemoLearningHistory(db, { wardId: ward.id, seed: input.seed, from: planStart, today })
	const lastClosed = previousMonth(currentMonthInVietnam(now))
	if (lastClosed >= planStart.slice(0, 7))
		await backfillSnapshots(db, { wardId: ward.id, fromMonth: planStart.slice(0, 7), toMonth: lastClosed })
}
