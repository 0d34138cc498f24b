import { redirect } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { normalizeCertificateCode } from '#server/certification/certificate-code.ts'
import type { Route } from './+types/verify-form'

export const handle = { hydrate: false }
export const meta: Route.MetaFunction = () => [{ title: 'Kiểm tra giấy chứng nhận — Bình dân học vụ số' }]

/** `/xac-minh`: type the code printed on a certificate (a GET form, works without script). */
export async function loader({ request }: Route.LoaderArgs) {
	const typed = new URL(request.url).searchParams.get('ma')
	if (typed === null) return { typed: '', invalid: false }
	const code = normalizeCertificateCode(typed)
	if (code) throw redirect(`/xac-minh/${code}`)
	return { typed: typed.slice(0, 40), invalid: true }
}

export default function VerifyForm({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	return (
		<article className="stack">
			<h1>{t('verify.title')}</h1>
			<p className="lead">{t('verify.intro')}</p>
			<form method="get" action="/xac-minh" className="form">
				{loaderData.invalid ? (
					<p className="form-error" id="code-error" role="alert">
						{t('verify.invalidCode')}
					</p>
				) : null}
				<div className="field">
					<label htmlFor="ma">{t('verify.codeLabel')}</label>
					<input
						id="ma"
						name="ma"
						required
						autoComplete="off"
						autoCapitalize="characters"
						spellCheck={false}
						defaultValue={loaderData.typed}
						aria-invalid={loaderData.invalid || undefined}
						aria-describedby={loaderData.invalid ? 'code-error code-hint' : 'code-hint'}
					/>
					<p className="hint" id="code-hint">
						{t('verify.codeHint')}
					</p>
				</div>
				<button type="submit" className="button">
					{t('verify.submit')}
				</button>
			</form>
			<p>
				<a href="/xac-minh/khoa-cong-khai">{t('verify.keysLink')}</a>
			</p>
		</article>
	)
}
