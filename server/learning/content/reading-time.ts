/**
 * Reading-time heuristic for lessons. Vietnamese is written in syllables separated by spaces; a reader with
 * little schooling reads about 120 syllables a minute, and answering one practice question takes about
 * half a minute. The declared `minutes` also covers trying the steps on one's own phone, so it may be
 * larger than this estimate but never smaller.
 */
export const syllablesPerMinute = 120
export const minutesPerPracticeItem = 0.5

/** Syllables (space-separated words) of a Markdown body, ignoring Markdown punctuation and image names. */
export function countSyllables(markdown: string): number {
	const text = markdown
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[#>*_`|-]+/g, ' ')
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

/** Estimated minutes to read a lesson body and answer its practice items. */
export function estimateLessonMinutes(markdown: string, practiceItems: number): number {
	return countSyllables(markdown) / syllablesPerMinute + practiceItems * minutesPerPracticeItem
}
