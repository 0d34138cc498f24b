import type { MessageKey } from '#app/i18n/vi.ts'
import type { Permission, PolicySubject } from '#server/identity/permissions.ts'
import { can, organizationsInScope, residentialGroupsInScope } from '#server/identity/policy.server.ts'

export interface HomeCard {
	id: string
	titleKey: MessageKey
	bodyKey: MessageKey
	/** Where the work is done; null while that page is still being built (the card is then not shown). */
	to: string | null
}

interface CardDefinition extends HomeCard {
	permission: Permission
	/** Extra condition, e.g. "sees other people" rather than only themself. */
	when?: (user: PolicySubject) => boolean
}

const seesOthers = (user: PolicySubject) =>
	residentialGroupsInScope(user, 'people.read') === 'all' ||
	(residentialGroupsInScope(user, 'people.read') as string[]).length > 0 ||
	(organizationsInScope(user, 'people.read') as string[]).length > 0

// What a signed-in person can do next, in order of importance. A capability that lands sets its
// card's `to`; until then the card is not shown (no promises on the home page). The list is
// filtered by the policy, so no role name appears here.
const cards: CardDefinition[] = [
	{
		id: 'accounts',
		permission: 'accounts.manage',
		to: '/quan-tri/tai-khoan',
		titleKey: 'roleHome.card.accounts.title',
		bodyKey: 'roleHome.card.accounts.body',
	},
	{
		id: 'audit',
		permission: 'audit.read',
		to: '/quan-tri/nhat-ky',
		titleKey: 'roleHome.card.audit.title',
		bodyKey: 'roleHome.card.audit.body',
	},
	{
		id: 'people',
		permission: 'people.read',
		when: seesOthers,
		to: '/nguoi-dan',
		titleKey: 'roleHome.card.people.title',
		bodyKey: 'roleHome.card.people.body',
	},
	{
		id: 'outreach',
		permission: 'outreach.record',
		to: '/tiep-can',
		titleKey: 'roleHome.card.outreach.title',
		bodyKey: 'roleHome.card.outreach.body',
	},
	{
		id: 'outreachFigures',
		permission: 'indicators.read',
		to: '/tiep-can/thi-dua',
		titleKey: 'outreach.figuresCard.title',
		bodyKey: 'outreach.figuresCard.body',
	},
	{
		id: 'indicators',
		permission: 'indicators.read',
		to: '/chi-tieu',
		titleKey: 'roleHome.card.indicators.title',
		bodyKey: 'roleHome.card.indicators.body',
	},
	{
		id: 'unitReport',
		permission: 'reports.submit',
		to: '/bao-cao',
		titleKey: 'roleHome.card.unitReport.title',
		bodyKey: 'roleHome.card.unitReport.body',
	},
	{
		id: 'wardReport',
		permission: 'reports.consolidate',
		to: '/bao-cao/phuong',
		titleKey: 'roleHome.card.wardReport.title',
		bodyKey: 'roleHome.card.wardReport.body',
	},
	{
		id: 'emulation',
		permission: 'emulation.read',
		to: '/thi-dua',
		titleKey: 'roleHome.card.emulation.title',
		bodyKey: 'roleHome.card.emulation.body',
	},
	{
		id: 'classes',
		permission: 'classes.manage',
		to: '/lop-hoc',
		titleKey: 'roleHome.card.classes.title',
		bodyKey: 'roleHome.card.classes.body',
	},
	{
		id: 'learning',
		permission: 'learning.self',
		to: '/hoc',
		titleKey: 'roleHome.card.learning.title',
		bodyKey: 'learn.card.body',
	},
	{
		id: 'assessment',
		permission: 'learning.self',
		to: '/hoc/kiem-tra',
		titleKey: 'assessment.home.title',
		bodyKey: 'assessment.card.body',
	},
	{
		id: 'oralAssessment',
		permission: 'assessment.confirm',
		to: '/danh-gia-truc-tiep',
		titleKey: 'assessment.card.oral.title',
		bodyKey: 'assessment.card.oral.body',
	},
	{
		id: 'myCertificates',
		permission: 'learning.self',
		when: (user) => user.residentId !== null,
		to: '/hoc/chung-nhan',
		titleKey: 'cert.card.mine.title',
		bodyKey: 'cert.card.mine.body',
	},
	{
		id: 'content',
		permission: 'content.manage',
		to: '/quan-tri/noi-dung',
		titleKey: 'learn.card.content.title',
		bodyKey: 'learn.card.content.body',
	},
	{
		id: 'account',
		permission: 'account.self',
		to: '/tai-khoan',
		titleKey: 'roleHome.card.account.title',
		bodyKey: 'roleHome.card.account.body',
	},
]

/** The cards of the signed-in home page for this person, as the policy allows. */
export function homeCardsFor(user: PolicySubject): HomeCard[] {
	return cards
		.filter((card) => card.to !== null && can(user, card.permission) && (card.when?.(user) ?? true))
		.map(({ id, titleKey, bodyKey, to }) => ({ id, titleKey, bodyKey, to }))
}
