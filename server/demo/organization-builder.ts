// Shared state while the demo ward's organisations are built: the rows so far, who already holds a job,
// and shuffled pools to draw staff from.
import type { DemoMembership, DemoOrganization, DemoResidentialGroup } from '#server/demo/demo-ward-types.ts'
import { type Random, shuffled } from '#server/demo/random.ts'
import type { Sex, VneidLevel } from '#server/people/schema.ts'
import type { MembershipKind, OrganizationKind } from '#server/ward/schema.ts'

export interface OrgPerson {
	id: string
	age: number
	sex: Sex
	birthYear: number
	groupIndex: number
	temporary: boolean
	hasPhone: boolean
	vneidLevel: VneidLevel
	/** Filled in as jobs and schools are handed out. */
	occupation: string | null
}

export interface NewOrganization {
	kind: OrganizationKind
	name: string
	shortName?: string | null
	residentialGroupId?: string | null
	parentId?: string | null
	address?: string | null
}

/** Draws people in a shuffled order, skipping those who already hold a job. */
export class PersonPool {
	private cursor = 0
	constructor(
		private readonly order: number[],
		private readonly employed: Uint8Array,
	) {}

	/** The next person not yet employed for whom `accept` holds; marks them employed. */
	take(accept: (index: number) => boolean = () => true): number | undefined {
		while (this.cursor < this.order.length && this.employed[this.order[this.cursor] as number]) this.cursor++
		for (let k = this.cursor; k < this.order.length; k++) {
			const index = this.order[k] as number
			if (!this.employed[index] && accept(index)) {
				this.employed[index] = 1
				return index
			}
		}
		return undefined
	}
}

export class OrganizationBuilder {
	readonly organizations: DemoOrganization[] = []
	readonly memberships: DemoMembership[] = []
	/** 1 once a person works for (or studies at) an organisation. */
	readonly employed: Uint8Array
	/** Resident indexes per residential group. */
	readonly byGroup: number[][]

	constructor(
		readonly random: Random,
		private readonly ids: Random,
		readonly wardId: string,
		readonly people: OrgPerson[],
		readonly groups: DemoResidentialGroup[],
		/** Year of the reference date: ages and start dates count from it. */
		readonly referenceYear: number,
		/** People kept out of jobs (the demo learner stays an ordinary citizen). */
		reserved: readonly number[] = [],
	) {
		this.employed = new Uint8Array(people.length)
		for (const index of reserved) this.employed[index] = 1
		this.byGroup = groups.map(() => [])
		people.forEach((person, index) => {
			this.byGroup[person.groupIndex]?.push(index)
		})
	}

	person(index: number): OrgPerson {
		return this.people[index] as OrgPerson
	}

	addOrganization(fields: NewOrganization): DemoOrganization {
		const organization: DemoOrganization = {
			id: this.ids.uuid(),
			wardId: this.wardId,
			kind: fields.kind,
			name: fields.name,
			shortName: fields.shortName ?? null,
			residentialGroupId: fields.residentialGroupId ?? null,
			parentId: fields.parentId ?? null,
			address: fields.address ?? null,
		}
		this.organizations.push(organization)
		return organization
	}

	addMembership(
		organization: DemoOrganization,
		index: number,
		kind: MembershipKind,
		position: string | null,
		startedOn: string | null = null,
	): DemoMembership {
		const membership: DemoMembership = {
			id: this.ids.uuid(),
			organizationId: organization.id,
			residentId: this.person(index).id,
			kind,
			position,
			startedOn,
		}
		this.memberships.push(membership)
		return membership
	}

	/** A shuffled pool of the people for whom `filter` holds. */
	pool(filter: (person: OrgPerson, index: number) => boolean): PersonPool {
		const indexes: number[] = []
		this.people.forEach((person, index) => {
			if (filter(person, index)) indexes.push(index)
		})
		return new PersonPool(shuffled(indexes, this.random), this.employed)
	}

	/** First day of a month between the year they reached `minAge` (or 1990) and the reference year. */
	startedOn(index: number, minAge: number): string {
		const person = this.person(index)
		const from = Math.min(this.referenceYear - 1, Math.max(1990, person.birthYear + minAge))
		const year = this.random.int(from, this.referenceYear - 1)
		return `${year}-${String(this.random.int(1, 12)).padStart(2, '0')}-01`
	}
}
