import outreachStylesHref from '#app/styles/outreach.css?url'

/**
 * What every volunteer page (/tiep-can/…) exports: its stylesheet, and no React on the client. The
 * pages are plain HTML with form posts (they work with JavaScript off and are what the service worker
 * keeps for offline use); one small script adds the offline queue. See decisions 009 and 012.
 */
export const outreachHandle = { hydrate: false } as const

export const outreachLinks = () => [{ rel: 'stylesheet', href: outreachStylesHref }]
