import { Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

const messages: Record<number, [MessageKey, MessageKey]> = {
	400: ['error.badRequest.title', 'error.badRequest.body'],
	401: ['error.unauthorized.title', 'error.unauthorized.body'],
	403: ['error.forbidden.title', 'error.forbidden.body'],
	404: ['error.notFound.title', 'error.notFound.body'],
	429: ['error.tooMany.title', 'error.tooMany.body'],
}

/** The error page every route shows: plain Vietnamese, a way back, never a stack trace. */
export function ErrorPage({ status }: { status: number }) {
	const { t } = useTranslate()
	const [title, body] = messages[status] ?? ['error.server.title', 'error.server.body']
	return (
		<section className="error-page" aria-labelledby="error-title">
			{/* WCAG 2.4.2: error documents need a title too (React hoists it into <head>). */}
			<title>{`${t(title)} — ${t('app.name')}`}</title>
			<h1 id="error-title">{t(title)}</h1>
			<p>{t(body)}</p>
			<p className="muted">{t('error.code', { code: status })}</p>
			<p>
				<Link to="/" className="button">
					{t('error.backHome')}
				</Link>
			</p>
		</section>
	)
}
