import type { AppServices } from '#server/app-services.server.ts'
import { learningTracks } from '#server/learning/schema.ts'

/** Two tracks inserted directly (importing the whole content folder is slow and not what is tested). */
export async function insertTestTracks(services: Pick<AppServices, 'db'>): Promise<['citizen', 'elderly']> {
	const base = { description: '', targetGroups: [], completion: {}, revision: 1, contentHash: 'test' }
	await services.db
		.insert(learningTracks)
		.values([
			{ ...base, id: 'citizen', nameVi: 'Công dân số', nameEn: 'Digital citizen', position: 1 },
			{ ...base, id: 'elderly', nameVi: 'Người cao tuổi', nameEn: 'Older people', position: 2 },
		])
		.onConflictDoNothing()
	return ['citizen', 'elderly']
}
