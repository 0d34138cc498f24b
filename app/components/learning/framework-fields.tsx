import { useTranslate } from '#app/i18n/use-translate.ts'
import type { VerificationState } from '#server/learning/content/common-schemas.ts'
import type { AnyFramework } from '#server/learning/framework-authoring.server.ts'

/**
 * The editable parts of a framework as plain form fields named for FrameworkEditSchema
 * (`domains[0].competencies[2].nameVi`…). Codes are sent as hidden fields and cannot be changed.
 */
export function FrameworkFields({
	framework,
	verificationStates,
}: {
	framework: AnyFramework
	/** From the loader (the content schemas stay on the server). */
	verificationStates: readonly VerificationState[]
}) {
	const { t } = useTranslate()
	const p = framework.id
	return (
		<>
			<Area
				id={`${p}-sourceNote`}
				name="sourceNote"
				label={t('content.framework.sourceNote')}
				value={framework.sourceNote}
				required
			/>
			{framework.kind === 'competenceFramework' ? (
				<>
					{framework.domains.map((domain, d) => (
						<details key={domain.code}>
							<summary>
								{t('content.framework.domain', { code: domain.code })} {domain.name.vi}
							</summary>
							<fieldset>
								<legend>{t('content.framework.domain', { code: domain.code })}</legend>
								<input type="hidden" name={`domains[${d}].code`} value={domain.code} />
								<Line
									id={`${p}-d${d}-vi`}
									name={`domains[${d}].nameVi`}
									label={t('content.framework.nameVi')}
									value={domain.name.vi}
								/>
								<Line
									id={`${p}-d${d}-en`}
									name={`domains[${d}].nameEn`}
									label={t('content.framework.nameEn')}
									value={domain.name.en}
								/>
								<Line
									id={`${p}-d${d}-pvi`}
									name={`domains[${d}].plainVi`}
									label={t('content.framework.plainVi')}
									value={domain.plainName?.vi}
								/>
								<Line
									id={`${p}-d${d}-pen`}
									name={`domains[${d}].plainEn`}
									label={t('content.framework.plainEn')}
									value={domain.plainName?.en}
								/>
								<Area
									id={`${p}-d${d}-note`}
									name={`domains[${d}].sourceNote`}
									label={t('content.framework.sourceNoteOf')}
									value={domain.source.note}
								/>
								{domain.competencies.map((c, i) => {
									const n = `domains[${d}].competencies[${i}]`
									const id = `${p}-c${d}-${i}`
									return (
										<fieldset key={c.code}>
											<legend>{t('content.framework.competency', { code: c.code })}</legend>
											<input type="hidden" name={`${n}.code`} value={c.code} />
											<Line
												id={`${id}-vi`}
												name={`${n}.nameVi`}
												label={t('content.framework.nameVi')}
												value={c.name.vi}
											/>
											<Line
												id={`${id}-en`}
												name={`${n}.nameEn`}
												label={t('content.framework.nameEn')}
												value={c.name.en}
											/>
											<Area
												id={`${id}-desc`}
												name={`${n}.description`}
												label={t('content.framework.description')}
												value={c.description ?? ''}
											/>
											<div className="field">
												<label htmlFor={`${id}-ver`}>{t('content.framework.verification')}</label>
												<select
													id={`${id}-ver`}
													name={`${n}.verification`}
													defaultValue={c.source.verification}
												>
													{verificationStates.map((v) => (
														<option key={v} value={v}>
															{t(`content.verification.${v}`)}
														</option>
													))}
												</select>
											</div>
											<Area
												id={`${id}-note`}
												name={`${n}.sourceNote`}
												label={t('content.framework.sourceNoteOf')}
												value={c.source.note}
											/>
										</fieldset>
									)
								})}
							</fieldset>
						</details>
					))}
					<details>
						<summary>{t('content.framework.levels')}</summary>
						{framework.levels.map((level, l) => (
							<fieldset key={level.code}>
								<legend>{t('content.framework.level', { code: level.code })}</legend>
								<input type="hidden" name={`levels[${l}].code`} value={level.code} />
								<Line
									id={`${p}-l${l}-vi`}
									name={`levels[${l}].nameVi`}
									label={t('content.framework.nameVi')}
									value={level.name.vi}
								/>
								<Line
									id={`${p}-l${l}-en`}
									name={`levels[${l}].nameEn`}
									label={t('content.framework.nameEn')}
									value={level.name.en}
								/>
								<Area
									id={`${p}-l${l}-desc`}
									name={`levels[${l}].descriptor`}
									label={t('content.framework.descriptor')}
									value={level.descriptor ?? ''}
								/>
								<Area
									id={`${p}-l${l}-note`}
									name={`levels[${l}].sourceNote`}
									label={t('content.framework.sourceNoteOf')}
									value={level.sourceNote}
								/>
							</fieldset>
						))}
					</details>
				</>
			) : (
				framework.skillGroups.map((group, g) => (
					<details key={group.code}>
						<summary>
							{t('content.framework.group', { code: group.code })} {group.name.vi}
						</summary>
						<fieldset>
							<legend>{t('content.framework.group', { code: group.code })}</legend>
							<input type="hidden" name={`groups[${g}].code`} value={group.code} />
							<Line
								id={`${p}-g${g}-vi`}
								name={`groups[${g}].nameVi`}
								label={t('content.framework.nameVi')}
								value={group.name.vi}
							/>
							<Line
								id={`${p}-g${g}-en`}
								name={`groups[${g}].nameEn`}
								label={t('content.framework.nameEn')}
								value={group.name.en}
							/>
							{group.items.map((item, i) => (
								<fieldset key={item.code}>
									<legend>{t('content.framework.item', { code: item.code })}</legend>
									<input type="hidden" name={`groups[${g}].items[${i}].code`} value={item.code} />
									<Line
										id={`${p}-g${g}-${i}-vi`}
										name={`groups[${g}].items[${i}].nameVi`}
										label={t('content.framework.nameVi')}
										value={item.name.vi}
									/>
									<Line
										id={`${p}-g${g}-${i}-en`}
										name={`groups[${g}].items[${i}].nameEn`}
										label={t('content.framework.nameEn')}
										value={item.name.en}
									/>
								</fieldset>
							))}
						</fieldset>
					</details>
				))
			)}
		</>
	)
}

interface FieldProps {
	id: string
	name: string
	label: string
	value: string | undefined
	required?: boolean
}

function Line({ id, name, label, value, required }: FieldProps) {
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<input id={id} name={name} defaultValue={value ?? ''} required={required} />
		</div>
	)
}

function Area({ id, name, label, value, required }: FieldProps) {
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<textarea id={id} name={name} defaultValue={value ?? ''} required={required} rows={3} />
		</div>
	)
}
