import learningStylesHref from '#app/styles/learning.css?url'

/**
 * What every learner page (/hoc/…) exports: its stylesheet, and no React on the client. The pages
 * work as plain HTML with forms (they must, with JavaScript off), and a small hand-written script adds
 * read-aloud, the offline queue and offline courses — a fraction of the framework's weight on a cheap
 * phone. app/root.tsx leaves out the hydration scripts for routes whose handle says `hydrate: false`.
 * See docs/decisions/009-learning-pages-without-hydration.md.
 */
export const learnerHandle = { hydrate: false } as const

export const learningLinks = () => [{ rel: 'stylesheet', href: learningStylesHref }]
