import { seedDemoClasses } from '#server/classes/demo-classes.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { seedDemoProgrammes } from '#server/programmes/demo-programmes.server.ts'

/** Classes and programmes of the demo ward, after the learning content (sessions name its lessons); dates follow today. */
export async function seedDemoClassesAndProgrammesAtStart(db: Database, input: { seed: number }) {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
	const classes = await seedDemoClasses(db, { seed: input.seed, today })
	const programmes = await seedDemoProgrammes(db, { seed: input.seed, today })
	return { ...classes, ...programmes }
}
