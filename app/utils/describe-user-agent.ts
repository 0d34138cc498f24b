const systems: [RegExp, string][] = [
	[/Android/i, 'Android'],
	[/iPhone|iPad|iPod/i, 'iOS'],
	[/Windows/i, 'Windows'],
	[/Mac OS X|Macintosh/i, 'macOS'],
	[/CrOS/i, 'ChromeOS'],
	[/Linux/i, 'Linux'],
]
const browsers: [RegExp, string][] = [
	[/Edg\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/CocCoc|coc_coc/i, 'Cốc Cốc'],
	[/Zalo/i, 'Zalo'],
	[/Firefox\//, 'Firefox'],
	[/Chrome\/|Chromium\/|CriOS\//, 'Chrome'],
	[/Safari\//, 'Safari'],
]

/** "Chrome · Android": enough for a person to recognise their own device; null when unknown. */
export function describeUserAgent(userAgent: string | null): string | null {
	if (!userAgent) return null
	const system = systems.find(([re]) => re.test(userAgent))?.[1]
	const browser = browsers.find(([re]) => re.test(userAgent))?.[1]
	const parts = [browser, system].filter(Boolean)
	return parts.length > 0 ? parts.join(' · ') : null
}
