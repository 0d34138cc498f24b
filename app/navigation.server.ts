import type { MessageKey } from '#app/i18n/vi.ts'
import type { Permission, PolicySubject } from '#server/identity/permissions.ts'
import { can } from '#server/identity/policy.server.ts'

export interface NavItem {
	to: string
	labelKey: MessageKey
}

// The header's menu: each item shows only to people the policy allows. Add a page's item here.
const items: (NavItem & { permission: Permission })[] = [
	{ to: '/hoc', labelKey: 'nav.learn', permission: 'learning.self' },
	{ to: '/tro-ly', labelKey: 'nav.assistant', permission: 'account.self' },
	{ to: '/nguoi-dan', labelKey: 'nav.residents', permission: 'people.read' },
	{ to: '/chi-tieu', labelKey: 'nav.dashboard', permission: 'indicators.read' },
	{ to: '/nguoi-dan/nhap', labelKey: 'nav.import', permission: 'people.import' },
	{ to: '/to-chuc', labelKey: 'nav.organizations', permission: 'organizations.manage' },
	{ to: '/chung-nhan', labelKey: 'nav.certificates', permission: 'certificates.read' },
	{ to: '/quan-tri/tai-khoan', labelKey: 'nav.adminAccounts', permission: 'accounts.manage' },
	{ to: '/quan-tri/nhat-ky', labelKey: 'nav.audit', permission: 'audit.read' },
	{ to: '/quan-tri/noi-dung', labelKey: 'nav.contentAdmin', permission: 'content.manage' },
	{ to: '/quan-tri/cau-hoi', labelKey: 'nav.itemAdmin', permission: 'content.manage' },
	{ to: '/lop-hoc', labelKey: 'nav.classes', permission: 'classes.manage' },
	{ to: '/danh-gia-truc-tiep', labelKey: 'nav.oralAssessment', permission: 'assessment.confirm' },
	{ to: '/chuong-trinh', labelKey: 'nav.programmes', permission: 'indicators.read' },
	{ to: '/tiep-can', labelKey: 'nav.outreach', permission: 'outreach.record' },
	{ to: '/ho-so-truc-tuyen', labelKey: 'nav.dossiers', permission: 'outreach.record' },
	{ to: '/tiep-can/thi-dua', labelKey: 'nav.outreachFigures', permission: 'indicators.read' },
	{ to: '/thi-dua', labelKey: 'nav.emulation', permission: 'emulation.read' },
	{ to: '/bao-cao', labelKey: 'nav.unitReports', permission: 'reports.read' },
	{ to: '/thong-bao', labelKey: 'nav.notifications', permission: 'account.self' },
	{ to: '/bao-cao/phuong', labelKey: 'nav.wardReport', permission: 'reports.consolidate' },
	{ to: '/quan-tri/tro-ly', labelKey: 'nav.assistantAdmin', permission: 'content.manage' },
]

/** The menu items this person may use (decided by the policy, never by a role name). */
export function navigationFor(user: PolicySubject): NavItem[] {
	return items.filter((item) => can(user, item.permission)).map(({ to, labelKey }) => ({ to, labelKey }))
}
