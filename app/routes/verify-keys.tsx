import { useTranslate } from '#app/i18n/use-translate.ts'
import certificationStylesHref from '#app/styles/certification.css?url'
import { listPublishedKeys, type PublishedKey } from '#server/certification/verify-certificate.server.ts'
import type { Route } from './+types/verify-keys'

export const handle = { hydrate: false }
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: certificationStylesHref }]
export const meta: Route.MetaFunction = () => [
	{ title: 'Khóa công khai ký giấy chứng nhận — Bình dân học vụ số' },
]

/** `/xac-minh/khoa-cong-khai`: each ward's Ed25519 public key, to check QR payloads offline. */
export async function loader({ context }: Route.LoaderArgs) {
	let keys: PublishedKey[] | null
	try {
		keys = await listPublishedKeys(context.app)
	} catch {
		// No CERTIFICATE_SIGNING_KEY outside demo mode: say so rather than fail the page.
		keys = null
	}
	return { keys }
}

export default function VerifyKeys({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { keys } = loaderData
	return (
		<article className="stack">
			<h1>{t('verifyKeys.title')}</h1>
			<p>{t('verifyKeys.intro')}</p>
			<p className="hint">{t('verifyKeys.format')}</p>
			{keys === null ? <p className="form-error">{t('verifyKeys.unavailable')}</p> : null}
			{keys?.map((key) => (
				<section key={key.keyId} className="card stack" aria-labelledby={`key-${key.keyId}`}>
					<h2 id={`key-${key.keyId}`}>{key.wardName}</h2>
					<dl className="facts">
						<dt>{t('verifyKeys.ward')}</dt>
						<dd>{key.wardCode}</dd>
						<dt>{t('verifyKeys.keyId')}</dt>
						<dd className="code">{key.keyId}</dd>
					</dl>
					<h3>{t('verifyKeys.publicKey')}</h3>
					<p className="key-block">{key.publicKey}</p>
					<h3>{t('verifyKeys.pem')}</h3>
					<pre className="key-block">{key.publicKeyPem}</pre>
				</section>
			))}
			<p>
				<a href="/xac-minh/khoa-cong-khai.json">{t('verifyKeys.json')}</a>
			</p>
		</article>
	)
}
