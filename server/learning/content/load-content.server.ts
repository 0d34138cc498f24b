import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkCrossReferences } from './check-cross-references.ts'
import { type ContentProblem, formatContentProblem } from './content-problem.ts'
import type { LoadedContent } from './loaded-content.ts'
import { readCourses, readFrameworks, readTracks } from './read-content-files.server.ts'

/** The learning content shipped with hocvuso (content/ at the repository root), found as migrations are. */
export const defaultContentDir = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../../content',
)

export interface ContentValidationResult {
	ok: boolean
	/** Vietnamese messages with file and line; empty when ok. */
	problems: ContentProblem[]
	/** Present only when there are no problems. */
	content?: LoadedContent
}

/**
 * Reads and validates a whole content folder: every file against its schema, then the references between
 * files (track → course, lesson → competency and basic skill, front matter → image files).
 */
export async function validateContentFolder(dir: string): Promise<ContentValidationResult> {
	const problems: ContentProblem[] = []
	const { framework, basicSkills } = await readFrameworks(dir, problems)
	const tracks = await readTracks(dir, problems)
	const { courses, folders } = await readCourses(dir, problems)
	if (framework?.value && framework.lines && basicSkills?.value && basicSkills.lines) {
		problems.push(
			...checkCrossReferences({
				framework: framework.value,
				frameworkLines: framework.lines,
				basicSkills: basicSkills.value,
				basicSkillsLines: basicSkills.lines,
				tracks,
				courses,
				courseFolders: folders,
			}),
		)
	}
	if (problems.length > 0 || !framework?.value || !basicSkills?.value) return { ok: false, problems }
	return {
		ok: true,
		problems: [],
		content: {
			framework: framework.value,
			basicSkills: basicSkills.value,
			tracks: tracks.map((t) => t.track).sort((a, b) => a.order - b.order),
			courses: courses.map((c) => c.course),
		},
	}
}

/** Thrown by loadContentFolder when the folder does not validate; the message lists every problem. */
export class ContentFolderError extends Error {
	readonly problems: ContentProblem[]
	constructor(problems: ContentProblem[]) {
		super(`Nội dung học tập chưa hợp lệ:\n${problems.map(formatContentProblem).join('\n')}`)
		this.name = 'ContentFolderError'
		this.problems = problems
	}
}

/** Loads a content folder for use, or throws ContentFolderError. */
export async function loadContentFolder(dir: string = defaultContentDir): Promise<LoadedContent> {
	const result = await validateContentFolder(dir)
	if (!result.content) throw new ContentFolderError(result.problems)
	return result.content
}
