import type { ReactNode } from 'react'
import { PersonNeeds, PersonSummary } from '#app/components/outreach/person-needs.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { visitActions, visitOutcomes } from '#server/outreach/visit-vocabulary.ts'
import type { WorklistPerson } from '#server/outreach/worklist.server.ts'

/**
 * The full visit form for one household: who was met, what was done for each person, the outcome, a
 * come-back date, notes and an online filing's dossier code. A plain form post; the page's script keeps
 * it on the phone when there is no network.
 */
export function VisitForm({
	household,
	visitId,
	today,
	children,
}: {
	household: { id: string; code: string; address: string | null; people: WorklistPerson[] }
	visitId: string
	today: string
	children: ReactNode
}) {
	const { t } = useTranslate()
	const year = Number(today.slice(0, 4))
	return (
		<form
			method="post"
			className="form outreach-form"
			data-visit-form=""
			data-reset-after-queue=""
			data-place={household.address ?? household.code}
			aria-labelledby="visit-title"
		>
			<h2 id="visit-title">{t('outreach.visit.title')}</h2>
			{children}
			<input type="hidden" name="visitId" value={visitId} />
			<input type="hidden" name="householdId" value={household.id} />
			<fieldset className="stack">
				<legend>{t('outreach.visit.peopleLegend')}</legend>
				{household.people.map((person) => (
					<fieldset key={person.id} className="outreach-person">
						<legend>
							<PersonSummary person={person} year={year} />
						</legend>
						<PersonNeeds needs={person.needs} />
						<input
							type="hidden"
							name={`seen.${person.id}`}
							value={`${person.vneidLevel}:${person.version}`}
						/>
						<label className="field--checkbox">
							<input type="checkbox" name="met" value={person.id} />{' '}
							{t('outreach.visit.met', { name: person.fullName })}
						</label>
						<div className="outreach-actions">
							{visitActions.map((action) => (
								<label key={action}>
									<input type="checkbox" name={`action.${person.id}`} value={action} />
									{t(`outreach.action.${action}` as MessageKey)}
								</label>
							))}
						</div>
					</fieldset>
				))}
			</fieldset>
			<fieldset>
				<legend>{t('outreach.visit.outcomeLegend')}</legend>
				{visitOutcomes.map((outcome) => (
					<label key={outcome} className="field--radio">
						<input
							type="radio"
							name="outcome"
							value={outcome}
							defaultChecked={outcome === 'helped'}
							required
						/>
						{t(`outreach.outcome.${outcome}` as MessageKey)}
					</label>
				))}
			</fieldset>
			<div className="field">
				<label htmlFor="nextVisitOn">{t('outreach.visit.nextVisitOn')}</label>
				<input id="nextVisitOn" name="nextVisitOn" type="date" min={today} />
			</div>
			<div className="field">
				<label htmlFor="note">{t('outreach.visit.note')}</label>
				<textarea id="note" name="note" rows={3} maxLength={1000} aria-describedby="note-hint" />
				<p id="note-hint" className="hint">
					{t('outreach.visit.noteHint')}
				</p>
			</div>
			<fieldset className="stack">
				<legend>{t('outreach.visit.dossierLegend')}</legend>
				<div className="field">
					<label htmlFor="procedureCode">{t('outreach.visit.procedure')}</label>
					<input id="procedureCode" name="procedureCode" maxLength={300} />
				</div>
				<div className="field">
					<label htmlFor="dossierCode">{t('outreach.visit.dossierCode')}</label>
					<input id="dossierCode" name="dossierCode" maxLength={60} autoCapitalize="characters" />
				</div>
			</fieldset>
			<p
				className="notice"
				role="status"
				hidden
				data-offline-note=""
				data-msg={t('outreach.visit.offlineSaved')}
			/>
			<button type="submit" className="button">
				{t('outreach.visit.save')}
			</button>
		</form>
	)
}
