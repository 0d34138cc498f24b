import { useRouteLoaderData } from 'react-router'
import { createTranslator, type Locale, type Translate } from '#app/i18n/translate.ts'

interface RootData {
	prefs: { locale: Locale }
}

/** The translator for the current request's locale (from the root loader). */
export function useTranslate(): { t: Translate; locale: Locale } {
	const data = useRouteLoaderData('root') as RootData | undefined
	const locale = data?.prefs.locale ?? 'vi'
	return { t: createTranslator(locale), locale }
}
