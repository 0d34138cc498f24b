import { beforeAll, describe, expect, it } from 'vitest'
import { loadContentFolder } from './load-content.server.ts'

/**
 * Proofreading guards for learner-facing Vietnamese: one spelling per term, full precomposed diacritics, tone
 * marks placed the way official documents place them ("hòa", "khỏe", "thủy"), and no English left in the
 * text except product names and glosses in parentheses such as (email).
 */

interface Text {
	where: string
	text: string
}

let texts: Text[]

beforeAll(async () => {
	const content = await loadContentFolder()
	texts = []
	const add = (where: string, ...parts: (string | undefined)[]) => {
		for (const text of parts) if (text) texts.push({ where, text })
	}
	for (const track of content.tracks) {
		add(
			track.file,
			track.name.vi,
			track.description,
			track.completion.meaning,
			track.completion.finalAssessment.note,
		)
	}
	for (const course of content.courses) {
		add(course.file, course.title, course.summary)
		for (const lesson of course.lessons) {
			add(lesson.file, lesson.title, lesson.summary, lesson.body, ...lesson.images.map((i) => i.alt))
			for (const item of lesson.practice) {
				add(`${lesson.file} ${item.id}`, item.prompt, item.explanation)
				if (item.kind !== 'trueFalse') add(`${lesson.file} ${item.id}`, ...item.options.map((o) => o.text))
			}
		}
	}
})

/** Texts where `pattern` matches, as "file: match" lines for a readable failure. */
function findAll(pattern: RegExp, prepare: (text: string) => string = (t) => t): string[] {
	const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
	return texts.flatMap(({ where, text }) =>
		[...prepare(text).matchAll(global)].map((m) => `${where}: ${m[0]}`),
	)
}

/** Removes Markdown link targets, domain and file names, and product names that contain English words. */
const withoutNames = (text: string) =>
	text
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/\b[\w-]+(?:\.[\w-]+)+\b/g, ' ')
		.replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, ' ')
		.replace(/App Store|CH Play|Google Play|Google Trang tính/g, ' ')

/** Also removes parenthesised glosses such as (email) and hyphenated file-name examples. */
const withoutGlosses = (text: string) =>
	withoutNames(text)
		.replace(/\([^)]*\)/g, ' ')
		.replace(/\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b/g, ' ')
		.replace(/\b[\w-]+\.(?:svg|apk|zip)\b/g, ' ')

describe('learner-facing Vietnamese', () => {
	it('is stored in precomposed Unicode (NFC), so search and screen readers treat it alike', () => {
		expect(texts.filter((t) => t.text !== t.text.normalize('NFC')).map((t) => t.where)).toEqual([])
	})

	it('spells the key terms one way', () => {
		expect(findAll(/\b(?:Vneid|VNEID|VNeId|VN-eID|vneid)\b/, withoutNames)).toEqual([])
		expect(
			findAll(/[Cc]ổng [Dd]ịch vụ công [Qq]uốc gia/).filter((m) => !m.endsWith('Cổng Dịch vụ công quốc gia')),
		).toEqual([])
		expect(findAll(/(?<![Mm]ã )\bOTP\b/)).toEqual([])
		expect(findAll(/(?<![Mm]ã |Viet)\bQR\b/)).toEqual([])
		expect(findAll(/QR [Cc]ode|[Mm]ã (?:Qr|qr)|hồ sơ online/)).toEqual([])
	})

	it('places tone marks as official documents do (hòa, khỏe, thủy)', () => {
		expect(findAll(/o[àáảãạ](?!\p{L})|o[èéẻẽẹ](?!\p{L})|(?<!q)u[ỳýỷỹỵ](?!\p{L})/iu)).toEqual([])
	})

	it('has no common word left without its diacritics', () => {
		const unaccented =
			/\b(?:khong|nguoi|duoc|dien thoai|cua|nhung|trong khi|mot|hoac|neu|chua|bang|dang nhap|mat khau|tai khoan)\b/i
		expect(findAll(unaccented, withoutGlosses)).toEqual([])
	})

	it('keeps English to product names and glosses in parentheses', () => {
		const english =
			/\b(?:online|click|link|download|upload|password|account|login|website|web site|chatbot|smartphone|deepfake|email|app|apps|file|update|share|like|fanpage|livestream|shop|hacker|scam|fake|OK|post|comment|inbox)\b/i
		expect(findAll(english, withoutGlosses)).toEqual([])
	})
})
