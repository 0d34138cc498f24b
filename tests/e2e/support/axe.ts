import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** WCAG 2.2 AA, the level PRODUCT.md asks for. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export interface A11yScanOptions {
	/** CSS selectors to leave out (only with a reason in a comment at the call site). */
	exclude?: string[]
}

/** Scans the page as it is now with axe-core and fails with a readable list of every violation. */
export async function expectNoA11yViolations(page: Page, options: A11yScanOptions = {}): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS)
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector)
	const { violations } = await builder.analyze()
	const report = violations.map(
		(v) =>
			`${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`,
	)
	expect(report, `axe-core WCAG 2.2 AA violations on ${page.url()}`).toEqual([])
}
