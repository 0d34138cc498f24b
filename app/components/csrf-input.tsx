import { useRouteLoaderData } from 'react-router'
import { CSRF_FIELD } from '#server/security/csrf-field.ts'

/**
 * The hidden CSRF token every form that changes something must carry (the action calls
 * `requireCsrf`). The token comes from the root loader: the session's token when signed in, the
 * signed double-submit cookie's value otherwise.
 */
export function CsrfInput() {
	const data = useRouteLoaderData('root') as { csrfToken?: string } | undefined
	return <input type="hidden" name={CSRF_FIELD} value={data?.csrfToken ?? ''} />
}
