import { data, redirect } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import certificationStylesHref from '#app/styles/certification.css?url'
import { formatIsoDate } from '#app/utils/format-date.ts'
import { normalizeCertificateCode } from '#server/certification/certificate-code.ts'
import { countVerifyRequest, verifyCertificate } from '#server/certification/verify-certificate.server.ts'
import { wardTitle } from '#server/certification/ward-title.ts'
import type { Route } from './+types/verify-certificate'

export const handle = { hydrate: false }
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: certificationStylesHref }]
export const meta: Route.MetaFunction = () => [
	{ title: 'Kiểm tra giấy chứng nhận — Bình dân học vụ số' },
	// A verify link names a certificate: keep such pages out of search engines.
	{ name: 'robots', content: 'noindex' },
]

/**
 * `/xac-minh/:code`: anyone (no sign-in, no script) checks a certificate from its code or its QR code.
 * Rate-limited per address so codes cannot be tried in bulk; shows validity, track, date, ward and a
 * masked name only.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
	const limit = await countVerifyRequest(context.app, context.clientIp)
	if (limit.blocked) {
		throw data(null, {
			status: 429,
			headers: { 'Retry-After': String(Math.ceil((limit.resetAt.getTime() - Date.now()) / 1000)) },
		})
	}
	const canonical = normalizeCertificateCode(params.code)
	const url = new URL(request.url)
	// "k7m2q9xh4t" typed by hand: send to the canonical address, keeping the signed payload.
	if (canonical && canonical !== params.code) {
		throw redirect(`/xac-minh/${canonical}${url.search}`)
	}
	const result = await verifyCertificate(context.app, params.code, url.searchParams.get('ky'))
	const headers = { 'Cache-Control': 'no-store' }
	if (result.state === 'unknown') {
		return data(
			{ result, typed: params.code.slice(0, 40), wellFormed: canonical !== null },
			{ status: 404, headers },
		)
	}
	return data({ result, typed: params.code, wellFormed: true }, { headers })
}

export default function VerifyCertificate({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { result, typed, wellFormed } = loaderData
	return (
		<article className="stack">
			<h1>{t('verify.resultTitle', { code: typed })}</h1>
			{result.state === 'unknown' ? (
				<section className="verdict" aria-labelledby="verdict-title">
					<h2 id="verdict-title">{t('verify.state.unknown')}</h2>
					<p>{wellFormed ? t('verify.unknownHelp') : t('verify.invalidCode')}</p>
				</section>
			) : (
				<section className={`verdict verdict--${result.state}`} aria-labelledby="verdict-title">
					<h2 id="verdict-title">{t(`verify.state.${result.state}`)}</h2>
					{result.state === 'revoked' && result.revokedOn ? (
						<p>{t('verify.revokedHelp', { date: formatIsoDate(result.revokedOn) })}</p>
					) : null}
					<dl className="facts">
						<dt>{t('verify.holder')}</dt>
						<dd data-testid="masked-name">{result.maskedName}</dd>
						<dt>{t('verify.track')}</dt>
						<dd>{locale === 'vi' ? result.trackNameVi : result.trackNameEn}</dd>
						<dt>{t('verify.issuedOn')}</dt>
						<dd>{formatIsoDate(result.issuedOn)}</dd>
						<dt>{t('verify.issuedBy')}</dt>
						<dd>{wardLabel(result)}</dd>
					</dl>
				</section>
			)}
			{result.state !== 'unknown' && result.signature !== 'absent' ? (
				<p className={result.signature === 'valid' ? 'notice' : 'form-error'}>
					{t(`verify.signature.${result.signature}`, { ward: wardLabel(result) })}
				</p>
			) : null}
			<p className="hint">{t('verify.privacy')}</p>
			<p>
				<a href="/xac-minh">{t('verify.checkAnother')}</a>
			</p>
			<p>
				<a href="/xac-minh/khoa-cong-khai">{t('verify.keysLink')}</a>
			</p>
		</article>
	)
}

function wardLabel(result: { wardKind: 'ward' | 'commune'; wardName: string; provinceName: string }): string {
	return `${wardTitle(result.wardKind, result.wardName)}, ${result.provinceName}`
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	const { t } = useTranslate()
	const limited = typeof error === 'object' && error !== null && 'status' in error && error.status === 429
	return (
		<article className="stack">
			<h1>{t('verify.title')}</h1>
			<p className="form-error" role="alert">
				{limited ? t('verify.rateLimited') : t('verify.unknownHelp')}
			</p>
		</article>
	)
}
