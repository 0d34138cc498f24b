import { Form, Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { ageBands } from '#server/people/age-bands.ts'
import { learningStatuses, type ResidentListQuery } from '#server/people/resident-filters.ts'

interface Options {
	groups: { id: string; name: string }[]
	targetGroups: { code: string; nameVi: string; nameEn: string }[]
}

const sorts = ['name', '-name', 'age', '-age', 'group'] as const

/** The resident list's filters: a GET form, so it works without JavaScript and the URL can be shared. */
export function ResidentFilters({ query, options }: { query: ResidentListQuery; options: Options }) {
	const { t, locale } = useTranslate()
	return (
		<Form method="get" className="filters" role="search" aria-labelledby="filters-title">
			<h2 id="filters-title" className="visually-hidden">
				{t('people.filter.legend')}
			</h2>
			<div className="field filters__wide">
				<label htmlFor="f-q">{t('people.filter.q')}</label>
				<p className="hint" id="f-q-hint">
					{t('people.filter.qHint')}
				</p>
				<input id="f-q" name="q" type="search" defaultValue={query.q ?? ''} aria-describedby="f-q-hint" />
			</div>
			<Select id="f-group" name="group" label={t('people.filter.group')} value={query.group}>
				{options.groups.map((g) => (
					<option key={g.id} value={g.id}>
						{g.name}
					</option>
				))}
			</Select>
			<Select id="f-tg" name="targetGroup" label={t('people.filter.targetGroup')} value={query.targetGroup}>
				{options.targetGroups.map((g) => (
					<option key={g.code} value={g.code}>
						{locale === 'vi' ? g.nameVi : g.nameEn}
					</option>
				))}
			</Select>
			<Select id="f-age" name="ageBand" label={t('people.filter.ageBand')} value={query.ageBand}>
				{ageBands.map((b) => (
					<option key={b.code} value={b.code}>
						{locale === 'vi' ? b.labelVi : b.labelEn}
					</option>
				))}
			</Select>
			<Select id="f-sex" name="sex" label={t('people.filter.sex')} value={query.sex}>
				<option value="male">{t('people.sex.male')}</option>
				<option value="female">{t('people.sex.female')}</option>
			</Select>
			<Select id="f-vneid" name="vneid" label={t('people.filter.vneid')} value={query.vneid}>
				{(['0', '1', '2'] as const).map((level) => (
					<option key={level} value={level}>
						{t(`people.vneid.${level}`)}
					</option>
				))}
			</Select>
			<Select id="f-learning" name="learning" label={t('people.filter.learning')} value={query.learning}>
				{learningStatuses.map((status) => (
					<option key={status} value={status}>
						{t(`people.learning.${status}`)}
					</option>
				))}
			</Select>
			<div className="field">
				<label htmlFor="f-status">{t('people.filter.status')}</label>
				<select id="f-status" name="status" defaultValue={query.status}>
					{(['active', 'movedAway', 'deceased', 'all'] as const).map((s) => (
						<option key={s} value={s}>
							{t(`people.status.${s}`)}
						</option>
					))}
				</select>
			</div>
			<div className="field">
				<label htmlFor="f-sort">{t('people.filter.sort')}</label>
				<select id="f-sort" name="sort" defaultValue={query.sort}>
					{sorts.map((s) => (
						<option key={s} value={s}>
							{t(`people.sort.${s}` as MessageKey)}
						</option>
					))}
				</select>
			</div>
			<p className="filters__actions">
				<button type="submit" className="primary">
					{t('people.filter.submit')}
				</button>{' '}
				<Link to="?">{t('people.filter.clear')}</Link>
			</p>
		</Form>
	)
}

function Select({
	id,
	name,
	label,
	value,
	children,
}: {
	id: string
	name: string
	label: string
	value: string | undefined
	children: React.ReactNode
}) {
	const { t } = useTranslate()
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select id={id} name={name} defaultValue={value ?? ''}>
				<option value="">{t('people.filter.any')}</option>
				{children}
			</select>
		</div>
	)
}
