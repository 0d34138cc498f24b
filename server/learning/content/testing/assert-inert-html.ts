import { expect } from 'vitest'
import { classifyLinkUrl } from '../lesson-markdown.ts'

const allowedTags = new Set([
	'p',
	'h2',
	'h3',
	'h4',
	'ul',
	'ol',
	'li',
	'strong',
	'em',
	'a',
	'img',
	'code',
	'pre',
	'blockquote',
	'hr',
	'br',
	'span',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	's',
])
const allowedAttributes = new Set([
	'href',
	'src',
	'alt',
	'rel',
	'loading',
	'decoding',
	'class',
	'title',
	'start',
	'style',
	// Section anchors the lesson page adds to ## headings (server/learning/render-lesson.server.ts).
	'id',
])

/**
 * Asserts that rendered lesson HTML can do nothing but display: only known tags and attributes, no event
 * handlers, links only to allowed addresses and images only from `imageUrlPrefix`.
 */
export function assertInertHtml(html: string, imageUrlPrefix: string) {
	for (const [, closing, name, attributes] of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g)) {
		expect(allowedTags, `thẻ <${name}> trong ${html}`).toContain(name!.toLowerCase())
		if (closing) continue
		for (const [, attribute, value] of attributes!.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)) {
			expect(allowedAttributes, `thuộc tính ${attribute} trong ${html}`).toContain(attribute!.toLowerCase())
			// markdown-it aligns table cells with a style attribute; nothing else may carry one.
			if (attribute === 'style') expect(name).toMatch(/^t[hd]$/)
			if (attribute === 'id') expect(`${name}#${value}`).toMatch(/^h2#muc-[0-9]+$/)
			if (attribute === 'href') expect(classifyLinkUrl(value ?? '')).not.toBe('rejected')
			if (attribute === 'src') {
				expect(value!.startsWith(imageUrlPrefix)).toBe(true)
				expect(value!.slice(imageUrlPrefix.length)).toMatch(/^[a-z0-9-]+\.(svg|png|jpe?g|webp)$/)
			}
		}
	}
	expect(html).not.toMatch(/<script/i)
	expect(html).not.toMatch(/(href|src)="\s*javascript:/i)
}
