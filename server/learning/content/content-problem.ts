/** One thing wrong with the content folder, in Vietnamese, located as precisely as we can. */
export interface ContentProblem {
	/** Path relative to the content folder, with forward slashes. */
	file: string
	/** 1-based line in the file, when known. */
	line?: number
	message: string
}

/** "courses/vneid/course.yaml, dòng 4: …" — the form shown to staff and printed by tests. */
export function formatContentProblem(problem: ContentProblem): string {
	const where = problem.line === undefined ? problem.file : `${problem.file}, dòng ${problem.line}`
	return `${where}: ${problem.message}`
}
