import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { type MessageChannel, outboxChannel } from '#server/notifications/message-channel.server.ts'
import { createNotifications } from '#server/notifications/notifications.server.ts'
import { listFocalPoints, listWardStaffWith } from '#server/reports/focal-points.server.ts'
import {
	daysBetween,
	reminderDaysBefore,
	reminderThresholdOn,
	vietnamDay,
} from '#server/reports/reporting-rules.ts'
import { type ReminderThreshold, reportingPeriods, reportReminders } from '#server/reports/schema.ts'

/*
 * The daily reminder run (job `reports.reminders`). For every open period within 7 days of its due day
 * or past it, each unit that has not reported gets the reminder of the day's threshold once: the
 * report_reminder row is inserted first, in the same transaction as the notifications and messages, and
 * its unique key lets only one app server (or one rerun) send it.
 */

const vietnameseDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

export interface ReminderRun {
	today: string
	/** Units reminded in this run (a unit already reminded for the threshold is not counted). */
	unitsReminded: number
	notifications: number
	/** Units reminded with nobody to tell (no focal-point account): the ward's reviewers are told instead. */
	unitsWithoutFocalPoint: number
}

/** Sends the reminders due on `now`'s day in Vietnam, for every ward. */
export async function runReportReminders(
	db: Database,
	options: { now?: Date; channel?: MessageChannel } = {},
): Promise<ReminderRun> {
	const now = options.now ?? new Date()
	const today = vietnamDay(now)
	const channel = options.channel ?? outboxChannel
	const periods = await db
		.select({
			id: reportingPeriods.id,
			wardId: reportingPeriods.wardId,
			label: reportingPeriods.label,
			dueOn: reportingPeriods.dueOn,
		})
		.from(reportingPeriods)
		.where(
			and(
				eq(reportingPeriods.status, 'open'),
				sql`${reportingPeriods.dueOn} <= ${today}::date + ${reminderDaysBefore.d7}::int`,
			),
		)
	const run: ReminderRun = { today, unitsReminded: 0, notifications: 0, unitsWithoutFocalPoint: 0 }
	for (const period of periods) {
		const threshold = reminderThresholdOn(today, period.dueOn)
		if (!threshold) continue
		const units = (await db.execute(sql`select ru.organization_id as id, o.name
			from report_unit ru join organization o on o.id = ru.organization_id
			left join unit_report ur on ur.period_id = ru.period_id and ur.organization_id = ru.organization_id
			where ru.period_id = ${period.id} and (ur.status is null or ur.status not in ('submitted', 'accepted'))
			and not exists (select 1 from report_reminder rr where rr.period_id = ru.period_id
				and rr.organization_id = ru.organization_id and rr.threshold = ${threshold})
			order by o.name`)) as unknown as { rows: { id: string; name: string }[] }
		if (units.rows.length === 0) continue
		const focalPoints = await listFocalPoints(
			db,
			units.rows.map((u) => u.id),
		)
		const nobodyToTell: string[] = []
		for (const unit of units.rows) {
			const recipients = focalPoints.filter((f) => f.organizationId === unit.id)
			const sent = await remindUnit(db, channel, {
				period,
				threshold,
				today,
				organization: unit,
				recipients: recipients.map((r) => r.userId),
				now,
			})
			if (sent) {
				run.unitsReminded++
				run.notifications += recipients.length
				if (recipients.length === 0) nobodyToTell.push(unit.name)
			}
		}
		if (nobodyToTell.length > 0) {
			run.unitsWithoutFocalPoint += nobodyToTell.length
			await alertReviewers(db, { period, threshold, today, units: nobodyToTell, now })
		}
	}
	return run
}

/**
 * Units this run claimed whose reminder reached nobody (no focal-point account): one notification to each
 * of the ward's reviewers naming them, so someone calls them or gives them a focal point. Claimed units
 * are claimed once per threshold, so the alert is sent once per threshold too.
 */
async function alertReviewers(
	db: Database,
	input: {
		period: { id: string; wardId: string; label: string; dueOn: string }
		threshold: ReminderThreshold
		today: string
		units: string[]
		now: Date
	},
): Promise<void> {
	const { period, units } = input
	const reviewers = await listWardStaffWith(db, period.wardId, 'reports.review')
	if (reviewers.length === 0) return
	const left = daysBetween(input.today, period.dueOn)
	const due = vietnameseDate(period.dueOn)
	const when =
		input.threshold === 'overdue' ? `hạn ${due} đã qua ${-left} ngày` : `hạn ${due}, còn ${left} ngày`
	const shown = units.slice(0, 20).join('; ')
	const more = units.length > 20 ? ` và ${units.length - 20} đơn vị khác` : ''
	await createNotifications(
		db,
		reviewers.map(({ userId }) => ({
			userId,
			kind: 'reportReminder' as const,
			title: `Đơn vị chưa có đầu mối nhận nhắc: ${period.label}`,
			body: `${units.length} đơn vị chưa nộp báo cáo (${when}) nhưng chưa có tài khoản đầu mối, nên lời nhắc không đến được ai: ${shown}${more}. Hãy nhắc trực tiếp hoặc giao tài khoản đầu mối cho đơn vị.`,
			link: `/bao-cao/ky/${period.id}`,
			createdAt: input.now,
		})),
	)
}

async function remindUnit(
	db: Database,
	channel: MessageChannel,
	input: {
		period: { id: string; wardId: string; label: string; dueOn: string }
		threshold: ReminderThreshold
		today: string
		organization: { id: string; name: string }
		recipients: string[]
		now: Date
	},
): Promise<boolean> {
	const { period, threshold, organization, recipients } = input
	return db.transaction(async (tx) => {
		const claimed = await tx
			.insert(reportReminders)
			.values({
				periodId: period.id,
				organizationId: organization.id,
				threshold,
				recipientCount: recipients.length,
				sentAt: input.now,
			})
			.onConflictDoNothing()
			.returning({ periodId: reportReminders.periodId })
		if (claimed.length === 0) return false
		const left = daysBetween(input.today, period.dueOn)
		const due = vietnameseDate(period.dueOn)
		const title =
			threshold === 'overdue' ? `Quá hạn báo cáo: ${period.label}` : `Nhắc hạn báo cáo: ${period.label}`
		const body =
			threshold === 'overdue'
				? `${organization.name} chưa nộp báo cáo; hạn nộp ${due} đã qua ${-left} ngày. Đề nghị hoàn thành và gửi ngay.`
				: `${organization.name} chưa nộp báo cáo; hạn nộp ${due} (còn ${left} ngày).`
		const link = `/bao-cao/ky/${period.id}/don-vi/${organization.id}`
		await createNotifications(
			tx,
			recipients.map((userId) => ({
				userId,
				kind: 'reportReminder' as const,
				title,
				body,
				link,
				createdAt: input.now,
			})),
		)
		await channel.send(
			tx,
			recipients.map((userId) => ({
				wardId: period.wardId,
				recipientUserId: userId,
				channel: 'sms' as const,
				subject: title,
				body: `${body} Xem: ${link}`,
				createdAt: input.now,
			})),
		)
		return true
	})
}
