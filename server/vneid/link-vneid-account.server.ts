import { and, asc, eq, isNull } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { RequestAuditContext } from '#server/audit/record-personal-data-read.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { residents } from '#server/people/schema.ts'
import type { Keyring } from '#server/security/keyring.server.ts'
import { lookupHash } from '#server/security/personal-data.server.ts'
import type { VneidIdentity } from '#server/vneid/vneid-claims.ts'
import { VneidSignInError } from '#server/vneid/vneid-errors.ts'
import { wards } from '#server/ward/schema.ts'

/**
 * - `existing`: an account already carried this personal ID;
 * - `linkedExisting`: an account made by the ward for this resident gets the personal ID now;
 * - `createdLinked`: a new learner account, linked to the matching resident;
 * - `createdUnmatched`: a new learner account the ward has yet to match to its registry.
 */
export type VneidAccountOutcome = 'existing' | 'linkedExisting' | 'createdLinked' | 'createdUnmatched'

export interface VneidAccount {
	userId: string
	wardId: string
	residentId: string | null
	outcome: VneidAccountOutcome
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

const DEFAULT_DISPLAY_NAME = 'Người học'

/**
 * The account a VNeID identity signs in to, found or created: by the personal ID's keyed hash on the
 * account; else through the resident with that hash (the ward's own account for them, or a new
 * learner account linked to them); else a new learner account not yet matched to the registry. The
 * personal ID itself is never stored, only its keyed hash (Decree 13/2023/NĐ-CP).
 */
export async function linkVneidAccount(
	services: AppServices,
	identity: VneidIdentity,
	audit: Omit<RequestAuditContext, 'actor'>,
): Promise<VneidAccount> {
	const run = () => services.db.transaction((tx) => findOrCreate(tx, services.keyring, identity, audit))
	try {
		return await run()
	} catch (error) {
		// Two first sign-ins of the same person at once: the unique personal_id_hash index lets one
		// create the account; the other finds it.
		if (!isUniqueViolation(error)) throw error
		return run()
	}
}

async function findOrCreate(
	tx: Tx,
	keyring: Keyring,
	identity: VneidIdentity,
	audit: Omit<RequestAuditContext, 'actor'>,
): Promise<VneidAccount> {
	const personalIdHash = lookupHash(keyring, 'personalId', identity.personalId)
	const phoneHash = identity.phone ? lookupHash(keyring, 'phone', identity.phone) : null
	const accountColumns = { id: true, wardId: true, residentId: true, status: true, username: true } as const
	const known = await tx.query.users.findFirst({
		columns: accountColumns,
		where: eq(users.personalIdHash, personalIdHash),
	})
	if (known) {
		if (known.status !== 'active') throw new VneidSignInError('accountDisabled')
		let residentId = known.residentId
		if (!residentId) {
			// Matched since the first sign-in (the ward imported or corrected the registry): link now.
			residentId = (await findResident(tx, personalIdHash, known.wardId))?.id ?? null
			if (residentId) {
				await tx.update(users).set({ residentId, updatedAt: new Date() }).where(eq(users.id, known.id))
				await recordAudit(tx, {
					...audit,
					actor: { userId: known.id, label: known.username, wardId: known.wardId },
					action: 'account.residentLinked',
					entityType: 'user',
					entityId: known.id,
					details: { method: 'vneid', residentId },
				})
			}
		}
		return { userId: known.id, wardId: known.wardId, residentId, outcome: 'existing' }
	}

	const resident = await findResident(tx, personalIdHash)
	if (resident) {
		const wardAccount = await tx.query.users.findFirst({
			columns: accountColumns,
			where: and(eq(users.residentId, resident.id), isNull(users.personalIdHash)),
			orderBy: asc(users.createdAt),
		})
		if (wardAccount) {
			if (wardAccount.status !== 'active') throw new VneidSignInError('accountDisabled')
			await tx
				.update(users)
				.set({ personalIdHash, updatedAt: new Date() })
				.where(eq(users.id, wardAccount.id))
			await recordAudit(tx, {
				...audit,
				actor: { userId: wardAccount.id, label: wardAccount.username, wardId: wardAccount.wardId },
				action: 'account.vneidLinked',
				entityType: 'user',
				entityId: wardAccount.id,
				details: { method: 'vneid', residentId: resident.id },
			})
			return {
				userId: wardAccount.id,
				wardId: wardAccount.wardId,
				residentId: resident.id,
				outcome: 'linkedExisting',
			}
		}
		const userId = await createLearner(tx, {
			wardId: resident.wardId,
			residentId: resident.id,
			personalIdHash,
			displayName: identity.fullName ?? resident.fullName,
			phoneHash,
		})
		await recordAudit(tx, {
			...audit,
			actor: { userId, label: null, wardId: resident.wardId },
			action: 'account.created',
			entityType: 'user',
			entityId: userId,
			details: { method: 'vneid', role: 'learner', residentId: resident.id, residentMatched: true },
		})
		return { userId, wardId: resident.wardId, residentId: resident.id, outcome: 'createdLinked' }
	}

	const wardList = await tx.select({ id: wards.id }).from(wards).limit(2)
	const [ward] = wardList
	if (!ward) throw new VneidSignInError('noWard')
	// With several wards in one installation, a person in none of their registries has no ward.
	if (wardList.length > 1) throw new VneidSignInError('notInRegistry')
	const userId = await createLearner(tx, {
		wardId: ward.id,
		residentId: null,
		personalIdHash,
		displayName: identity.fullName ?? DEFAULT_DISPLAY_NAME,
		phoneHash,
	})
	// The entry is also the ward's to-do: staff find unmatched learners (no resident) and match them;
	// the next VNeID sign-in links the account once the registry holds the person.
	await recordAudit(tx, {
		...audit,
		actor: { userId, label: null, wardId: ward.id },
		action: 'account.created',
		entityType: 'user',
		entityId: userId,
		details: { method: 'vneid', role: 'learner', residentId: null, residentMatched: false },
	})
	return { userId, wardId: ward.id, residentId: null, outcome: 'createdUnmatched' }
}

/** The registry entry with this personal ID: in one ward, or in any (an active one first). */
async function findResident(tx: Tx, personalIdHash: string, wardId?: string) {
	const rows = await tx
		.select({
			id: residents.id,
			wardId: residents.wardId,
			fullName: residents.fullName,
			status: residents.status,
		})
		.from(residents)
		.where(
			wardId
				? and(eq(residents.personalIdHash, personalIdHash), eq(residents.wardId, wardId))
				: eq(residents.personalIdHash, personalIdHash),
		)
		.orderBy(asc(residents.createdAt))
	return rows.find((row) => row.status === 'active') ?? rows[0]
}

async function createLearner(
	tx: Tx,
	input: {
		wardId: string
		residentId: string | null
		personalIdHash: string
		displayName: string
		phoneHash: string | null
	},
): Promise<string> {
	// A phone number the person chose to share is kept as its keyed hash, if no other account uses it:
	// staff can match them to the registry by phone, and it can serve a later phone sign-in.
	const phoneTaken =
		input.phoneHash !== null &&
		(await tx.query.users.findFirst({
			columns: { id: true },
			where: eq(users.phoneHash, input.phoneHash),
		})) !== undefined
	const values = { ...input, phoneHash: phoneTaken ? null : input.phoneHash }
	const [created] = await tx.insert(users).values(values).returning({ id: users.id })
	if (!created) throw new Error('user_account insert returned nothing')
	await tx
		.insert(roleAssignments)
		.values({ userId: created.id, role: 'learner', scopeKind: 'self', scopeId: null })
	return created.id
}

function isUniqueViolation(error: unknown): boolean {
	let current: unknown = error
	for (let depth = 0; current && depth < 5; depth++) {
		if ((current as { code?: unknown }).code === '23505') return true
		current = (current as { cause?: unknown }).cause
	}
	return false
}
