import { Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'

/** Previous / next links that keep the current filters; plain links, so they work without JavaScript. */
export function Pager({ page, pages, search }: { page: number; pages: number; search: string }) {
	const { t } = useTranslate()
	if (pages <= 1) return null
	const hrefFor = (target: number) => {
		const params = new URLSearchParams(search)
		params.set('trang', String(target))
		return `?${params.toString()}`
	}
	return (
		<nav aria-label={t('pager.label')} className="pager">
			{page > 1 ? <Link to={hrefFor(page - 1)}>{t('pager.previous')}</Link> : null}
			<span>{t('pager.status', { page, pages })}</span>
			{page < pages ? <Link to={hrefFor(page + 1)}>{t('pager.next')}</Link> : null}
		</nav>
	)
}
