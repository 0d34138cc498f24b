import MarkdownIt, { type Env, type MarkdownIt as MarkdownItInstance, type Token } from 'markdown-it'

/**
 * Lesson Markdown → safe HTML. Content is written by ward staff, so nothing in it may run in a learner's
 * browser: raw HTML is shown as text, links may only go to http(s), mailto, tel or relative addresses, and
 * images may only be files of the lesson's own folder.
 */

const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel'])
const bareImageFile = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(svg|png|jpg|jpeg|webp)$/

export type UrlKind = 'absolute' | 'relative' | 'rejected'

/** Classifies a link target after markdown-it has decoded entities and percent-encoded it. */
export function classifyLinkUrl(url: string): UrlKind {
	// Browsers ignore tabs and newlines inside a scheme ("java\tscript:"); refuse any control character.
	// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
	if (/[\u0000-\u001F\u007F\\]/.test(url)) return 'rejected'
	const trimmed = url.trim()
	if (trimmed === '') return 'rejected'
	const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed)?.[1]
	if (scheme !== undefined) return allowedSchemes.has(scheme.toLowerCase()) ? 'absolute' : 'rejected'
	// "//host/path" leaves the site while looking relative.
	if (trimmed.startsWith('//')) return 'rejected'
	// Control characters that markdown-it percent-encoded ("java%09script:"), and a colon before the first
	// slash, make an address whose meaning depends on the browser: refuse both.
	if (/%(?:[01][0-9a-f]|7f)/i.test(trimmed)) return 'rejected'
	if (/^[^/?#]*:/.test(trimmed)) return 'rejected'
	return 'relative'
}

/** An attribute of a token as a string ('' when absent). */
const attr = (token: Token, name: string) => String(token.attrGet(name) ?? '')

export interface RenderLessonOptions {
	/** Public URL of an image file of the lesson's folder. */
	imageUrl: (file: string) => string
	/** Image files the lesson may show; when given, any other file name renders as its alt text only. */
	images?: ReadonlySet<string>
}

/** Per-render settings travel in markdown-it's env, so one parser instance serves every lesson. */
interface RenderEnv extends Env {
	lesson: RenderLessonOptions
}

function createRenderer(): MarkdownItInstance {
	const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false })
	md.validateLink = (url) => classifyLinkUrl(url) !== 'rejected'
	const escapeHtml = md.utils.escapeHtml

	md.renderer.rules.image = (tokens, idx, _opts, env) => {
		const { lesson } = env as RenderEnv
		const token = tokens[idx]!
		const src = attr(token, 'src')
		const alt = md.renderer.renderInlineAsText(token.children ?? [], md.options, env)
		const allowed = bareImageFile.test(src) && (lesson.images === undefined || lesson.images.has(src))
		if (!allowed) return `<span class="lesson-image-missing">${escapeHtml(alt)}</span>`
		return `<img src="${escapeHtml(lesson.imageUrl(src))}" alt="${escapeHtml(alt)}" loading="lazy" decoding="async">`
	}

	const defaultLinkOpen = md.renderer.rules.link_open
	md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
		const token = tokens[idx]!
		if (classifyLinkUrl(attr(token, 'href')) === 'absolute') {
			token.attrSet('rel', 'noopener noreferrer')
		}
		return defaultLinkOpen
			? defaultLinkOpen(tokens, idx, opts, env, self)
			: self.renderToken(tokens, idx, opts)
	}
	return md
}

const renderer = createRenderer()

/** Renders a lesson body (Markdown without front matter) to HTML that is safe to insert in a page. */
export function renderLessonHtml(markdown: string, options: RenderLessonOptions): string {
	const env: RenderEnv = { lesson: options }
	return renderer.render(markdown, env)
}

export interface BodyProblem {
	/** 1-based line within the body. */
	line: number
	message: string
}

/**
 * Finds what the safe renderer would silently neutralise, so authors are told instead: raw HTML, links with
 * a refused address, images not declared for the lesson, images without a description, a level-1 heading.
 */
export function findLessonBodyProblems(markdown: string, declaredImages: ReadonlySet<string>): BodyProblem[] {
	const md = new MarkdownIt({ html: true, linkify: false })
	md.validateLink = () => true
	const problems: BodyProblem[] = []
	for (const block of md.parse(markdown, {})) {
		const blockLine = (block.map?.[0] ?? 0) + 1
		if (block.type === 'html_block') {
			problems.push({ line: blockLine, message: 'Bài học không được chứa mã HTML; hãy viết bằng Markdown' })
		}
		if (block.type === 'heading_open' && block.tag === 'h1') {
			problems.push({
				line: blockLine,
				message: 'Không dùng tiêu đề cấp 1 (#) trong bài; tên bài lấy từ mục title, hãy dùng ## cho các phần',
			})
		}
		let line = blockLine
		for (const child of block.children ?? []) {
			if (child.type === 'softbreak' || child.type === 'hardbreak') line += 1
			if (child.type === 'html_inline') {
				problems.push({ line, message: `Bài học không được chứa mã HTML (${child.content})` })
			}
			if (child.type === 'link_open' && classifyLinkUrl(attr(child, 'href')) === 'rejected') {
				problems.push({
					line,
					message: `Liên kết "${attr(child, 'href')}" không được phép; chỉ dùng http, https, mailto, tel hoặc đường dẫn tương đối`,
				})
			}
			if (child.type === 'image') {
				const src = attr(child, 'src')
				if (!bareImageFile.test(src)) {
					problems.push({ line, message: `Hình "${src}" phải là tên một tệp nằm cùng thư mục với bài học` })
				} else if (!declaredImages.has(src)) {
					problems.push({ line, message: `Hình "${src}" chưa được khai báo trong mục images của bài` })
				}
				if (child.content.trim() === '') {
					problems.push({ line, message: `Hình "${src}" thiếu lời mô tả: viết ![mô tả](${src})` })
				}
			}
		}
	}
	return problems
}

/** Splits a lesson file into its YAML front matter and Markdown body, keeping line numbers. */
export function splitFrontMatter(
	text: string,
): { frontMatter: string; body: string; frontMatterLine: number; bodyLine: number } | undefined {
	const lines = text
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n')
		.split('\n')
	if (lines[0]?.trim() !== '---') return undefined
	const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---')
	if (end === -1) return undefined
	return {
		frontMatter: lines.slice(1, end).join('\n'),
		body: lines.slice(end + 1).join('\n'),
		frontMatterLine: 2,
		bodyLine: end + 2,
	}
}
