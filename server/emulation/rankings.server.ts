import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { listCriteria } from '#server/emulation/criteria.server.ts'
import type { Criterion, EmulationSubject } from '#server/emulation/criterion-rules.ts'
import { latestManualPoints } from '#server/emulation/manual-scores.server.ts'
import { emulationFreezes, emulationFrozenScores } from '#server/emulation/schema.ts'
import { maximumTotal, type RankedSubject, rankSubjects } from '#server/emulation/scoring.ts'
import { collectIndividualValues, collectUnitValues } from '#server/emulation/subject-values.server.ts'
import { rowsOf } from '#server/people/import-jobs/rows-of.ts'
import type { ReportingPeriod } from '#server/reports/periods.server.ts'

/*
 * A period's ranking for units or individuals. While the period is open it is computed from the data on
 * each view; once the period closes it is frozen — computed one last time and stored — and from then on
 * only the stored record is read, even if the data, the criteria or the period's status change later.
 */

export interface Ranking {
	criteria: Criterion[]
	rows: RankedSubject[]
	maxTotal: number
	/** When the scores were frozen; null while they are computed live. */
	frozenAt: Date | null
	/** True when this very read froze them (the caller records it in the audit trail). */
	frozenNow?: boolean
}

type PeriodRef = Pick<ReportingPeriod, 'id' | 'wardId' | 'startsOn' | 'endsOn' | 'status'>

/** The ranking computed from today's data (open periods, and the freeze itself). */
export async function computeLiveRanking(
	db: Database,
	input: { period: PeriodRef; subject: EmulationSubject },
): Promise<Ranking> {
	const { period, subject } = input
	const criteria = (await listCriteria(db, { periodId: period.id, subject })).map(
		({ version: _version, ...c }) => c,
	)
	const manual = await latestManualPoints(
		db,
		criteria.filter((c) => c.rule.kind === 'manual').map((c) => c.id),
	)
	const collect = subject === 'unit' ? collectUnitValues : collectIndividualValues
	const values = await collect(db, {
		wardId: period.wardId,
		range: { startsOn: period.startsOn, endsOn: period.endsOn },
		criteria,
		manual,
	})
	return { criteria, rows: rankSubjects(criteria, values), maxTotal: maximumTotal(criteria), frozenAt: null }
}

async function readFrozenRanking(
	db: Database,
	input: { periodId: string; subject: EmulationSubject },
): Promise<Ranking | null> {
	const [freeze] = await db
		.select({
			id: emulationFreezes.id,
			criteria: emulationFreezes.criteria,
			frozenAt: emulationFreezes.frozenAt,
		})
		.from(emulationFreezes)
		.where(and(eq(emulationFreezes.periodId, input.periodId), eq(emulationFreezes.subject, input.subject)))
	if (!freeze) return null
	const rows = await db
		.select({
			subjectId: emulationFrozenScores.subjectId,
			name: emulationFrozenScores.name,
			detail: emulationFrozenScores.detail,
			cells: emulationFrozenScores.cells,
			total: emulationFrozenScores.total,
			rank: emulationFrozenScores.rank,
		})
		.from(emulationFrozenScores)
		.where(eq(emulationFrozenScores.freezeId, freeze.id))
		.orderBy(asc(emulationFrozenScores.rank), asc(emulationFrozenScores.name))
	return {
		criteria: freeze.criteria,
		rows,
		maxTotal: maximumTotal(freeze.criteria),
		frozenAt: freeze.frozenAt,
	}
}

/**
 * Freezes a closed period's scores for a subject: computes them once and stores them with the criteria
 * used. 'already' when they were frozen before (by another request or server: the unique index decides).
 */
export async function freezeScores(
	db: Database,
	input: { period: PeriodRef; subject: EmulationSubject; by: string | null },
): Promise<'frozen' | 'already' | 'open'> {
	if (input.period.status !== 'closed') return 'open'
	return db.transaction(async (tx) => {
		const live = await computeLiveRanking(tx, input)
		const [freeze] = await tx
			.insert(emulationFreezes)
			.values({
				wardId: input.period.wardId,
				periodId: input.period.id,
				subject: input.subject,
				criteria: live.criteria,
				frozenBy: input.by,
			})
			.onConflictDoNothing()
			.returning({ id: emulationFreezes.id })
		if (!freeze) return 'already'
		for (let i = 0; i < live.rows.length; i += 500)
			await tx.insert(emulationFrozenScores).values(
				live.rows.slice(i, i + 500).map((r) => ({
					freezeId: freeze.id,
					subjectId: r.subjectId,
					name: r.name,
					detail: r.detail,
					cells: r.cells,
					total: r.total,
					rank: r.rank,
				})),
			)
		return 'frozen'
	})
}

/** The ranking to show: the frozen record if there is one; a closed period is frozen on first read. */
export async function readRanking(
	db: Database,
	input: { period: PeriodRef; subject: EmulationSubject; by: string | null },
): Promise<Ranking> {
	const frozen = await readFrozenRanking(db, { periodId: input.period.id, subject: input.subject })
	if (frozen) return frozen
	if (input.period.status === 'closed') {
		const outcome = await freezeScores(db, input)
		const stored = await readFrozenRanking(db, { periodId: input.period.id, subject: input.subject })
		if (stored) return { ...stored, frozenNow: outcome === 'frozen' }
	}
	return computeLiveRanking(db, input)
}

/** Whether a period's scores for a subject are frozen (then nothing about them may change). */
export async function isFrozen(db: Database, input: { periodId: string; subject: EmulationSubject }) {
	const [row] = await db
		.select({ id: emulationFreezes.id })
		.from(emulationFreezes)
		.where(and(eq(emulationFreezes.periodId, input.periodId), eq(emulationFreezes.subject, input.subject)))
	return !!row
}

/**
 * The rows a viewer may see. Ward scope: all. Organisation scope (a focal point): their units, and the
 * individuals who are current members of them — each keeps the rank they hold in the whole ward.
 */
export async function rowsInScope(
	db: Database,
	input: { subject: EmulationSubject; rows: RankedSubject[]; organizations: 'all' | string[] },
): Promise<RankedSubject[]> {
	if (input.organizations === 'all') return input.rows
	if (input.subject === 'unit') return input.rows.filter((r) => input.organizations.includes(r.subjectId))
	if (input.organizations.length === 0) return []
	const members = rowsOf<{ id: string }>(
		await db.execute(sql`select distinct u.id from user_account u
			join organization_membership m on m.resident_id = u.resident_id and m.ended_on is null
			where m.organization_id = any(${`{${input.organizations.join(',')}}`}::uuid[])`),
	)
	const ids = new Set(members.map((m) => m.id))
	return input.rows.filter((r) => ids.has(r.subjectId))
}
