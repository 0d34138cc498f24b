import { and, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { learningImages } from '#server/learning/schema.ts'

/** An image of a course folder, as imported from the content files. */
export async function findLessonImage(db: Database, courseId: string, fileName: string) {
	const [image] = await db
		.select({
			contentType: learningImages.contentType,
			bytes: learningImages.bytes,
			sha256: learningImages.sha256,
		})
		.from(learningImages)
		.where(and(eq(learningImages.courseId, courseId), eq(learningImages.fileName, fileName)))
		.limit(1)
	return image
}

/** The image files a course has (for the authoring page's checks). */
export async function listCourseImageFiles(db: Database, courseId: string): Promise<string[]> {
	const rows = await db
		.select({ fileName: learningImages.fileName })
		.from(learningImages)
		.where(eq(learningImages.courseId, courseId))
	return rows.map((r) => r.fileName).sort()
}
