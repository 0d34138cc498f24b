import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import type { VisitConflict } from '#server/outreach/visit-conflicts.server.ts'

/**
 * The volunteer's reported VNeID levels that met a change made on the server meanwhile: each with
 * "use mine" and "keep the server's" (decision 012). Shown until settled; nothing is lost.
 */
export function ConflictList({ conflicts }: { conflicts: VisitConflict[] }) {
	const { t } = useTranslate()
	if (conflicts.length === 0) return null
	const level = (value: number | null) => t(`outreach.vneid.${value ?? 0}` as MessageKey)
	return (
		<section aria-labelledby="xac-nhan" className="outreach-queue stack">
			<h2 id="xac-nhan">{t('outreach.conflicts.title')}</h2>
			<p>{t('outreach.conflicts.intro')}</p>
			<ul className="outreach-people">
				{conflicts.map((c) => (
					<li key={`${c.visitId}-${c.residentId}`}>
						<p>
							{t('outreach.conflicts.item', {
								name: c.fullName,
								place: c.address ?? '',
								reported: level(c.reportedLevel),
								seen: level(c.levelSeen),
								server: level(c.levelNow),
							})}
						</p>
						<form method="post" action="/tiep-can" className="outreach-quick">
							<CsrfInput />
							<input type="hidden" name="visitId" value={c.visitId} />
							<input type="hidden" name="residentId" value={c.residentId} />
							<button type="submit" className="button" name="choice" value="apply">
								{t('outreach.conflicts.apply', { level: level(c.reportedLevel) })}
							</button>
							<button type="submit" className="button secondary" name="choice" value="keep">
								{t('outreach.conflicts.keep')}
							</button>
						</form>
					</li>
				))}
			</ul>
		</section>
	)
}
