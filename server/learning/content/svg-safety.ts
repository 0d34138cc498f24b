/**
 * Checks a lesson SVG before it is served: images are shown with <img>, where scripts do not run, but a
 * file opened directly would run them, and an external reference would leak the learner's address and
 * fail offline. Returns Vietnamese messages; an empty list means the file is acceptable.
 */
export function findSvgProblems(svg: string): string[] {
	const problems: string[] = []
	if (!/<svg[\s>]/.test(svg)) problems.push('Tệp không phải hình SVG (thiếu thẻ <svg>)')
	if (/<script[\s>]/i.test(svg)) problems.push('Hình SVG không được chứa <script>')
	if (/<foreignObject[\s>]/i.test(svg)) problems.push('Hình SVG không được chứa <foreignObject>')
	if (/\son[a-z]+\s*=/i.test(svg))
		problems.push('Hình SVG không được có thuộc tính sự kiện (onload, onclick…)')
	if (/<!ENTITY/i.test(svg)) problems.push('Hình SVG không được khai báo ENTITY')
	for (const match of svg.matchAll(/(?:xlink:)?href\s*=\s*["']([^"']*)["']/gi)) {
		if (!match[1]!.startsWith('#'))
			problems.push(`Hình SVG chỉ được tham chiếu bên trong tệp (href="${match[1]}")`)
	}
	for (const match of svg.matchAll(/url\(\s*["']?([^)"']*)/gi)) {
		if (!match[1]!.startsWith('#'))
			problems.push(`Hình SVG chỉ được tham chiếu bên trong tệp (url(${match[1]}))`)
	}
	if (/@import/i.test(svg)) problems.push('Hình SVG không được dùng @import')
	if (!/<title[\s>]/.test(svg))
		problems.push('Hình SVG cần thẻ <title> bằng tiếng Việt cho trình đọc màn hình')
	return problems
}
