import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PersonNeeds, PersonSummary } from '#app/components/outreach/person-needs.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { VNEID_MIN_AGE } from '#server/outreach/person-needs.ts'
import type { WorklistHousehold } from '#server/outreach/worklist.server.ts'

/**
 * One household of the worklist as a form: each person with what they still need and the two-tap
 * buttons ("VNeID installed", "level 2 activated", "met and guided"). Each button posts a visit on its
 * own; without network the page's script keeps it on the phone instead.
 */
export function QuickVisitForm({
	household,
	visitId,
	year,
	returnTo,
}: {
	household: WorklistHousehold
	visitId: string
	year: number
	returnTo: string
}) {
	const { t } = useTranslate()
	return (
		<form
			method="post"
			action={`/tiep-can/ho/${household.id}`}
			data-visit-form=""
			data-place={household.address ?? household.code}
		>
			<CsrfInput />
			<input type="hidden" name="visitId" value={visitId} />
			<input type="hidden" name="householdId" value={household.id} />
			<input type="hidden" name="outcome" value="helped" />
			<input type="hidden" name="returnTo" value={returnTo} />
			<ul className="outreach-people">
				{household.people.map((person) => {
					const canHaveVneid = year - person.birthYear >= VNEID_MIN_AGE
					return (
						<li key={person.id}>
							<input
								type="hidden"
								name={`seen.${person.id}`}
								value={`${person.vneidLevel}:${person.version}`}
							/>
							<PersonSummary person={person} year={year} />
							<PersonNeeds needs={person.needs} />
							<fieldset className="outreach-quick">
								<legend className="visually-hidden">
									{t('outreach.quick.legend', { name: person.fullName })}
								</legend>
								{canHaveVneid && person.vneidLevel < 1 ? (
									<button
										type="submit"
										className="button secondary"
										name="quick"
										value={`${person.id}:vneidInstalled`}
									>
										{t('outreach.quick.installed')}
									</button>
								) : null}
								{canHaveVneid && person.vneidLevel < 2 ? (
									<button
										type="submit"
										className="button secondary"
										name="quick"
										value={`${person.id}:vneidLevel2Activated`}
									>
										{t('outreach.quick.level2')}
									</button>
								) : null}
								<button type="submit" className="button secondary" name="met" value={person.id}>
									{t('outreach.quick.met')}
								</button>
							</fieldset>
						</li>
					)
				})}
			</ul>
			<p
				className="notice"
				role="status"
				hidden
				data-offline-note=""
				data-msg={t('outreach.visit.offlineSaved')}
			/>
		</form>
	)
}
