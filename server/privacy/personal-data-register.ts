/*
 * The register of personal data hocvuso keeps (Decree 13/2023/NĐ-CP, Art. 9 and 13; Personal Data
 * Protection Law 2025): what, why, on which legal basis, who sees it and how long it is kept. The public
 * notice /du-lieu-ca-nhan is rendered from it, and personal-data-register.test.ts fails when a table is
 * added to the schema without being named here or in `systemTables`, so the register stays true.
 */

export type Localised = { vi: string; en: string }

/**
 * Decree 13, Art. 17 lets a state body process data without consent to carry out its duties; the
 * other purposes are asked for one by one (server/privacy/consent-vocabulary.ts).
 */
export const legalBases = ['publicTask', 'consent', 'legalObligation', 'contract'] as const
export type LegalBasis = (typeof legalBases)[number]

export interface RegisterEntry {
	id: string
	category: Localised
	/** The data items, as a person would name them. */
	data: Localised
	purpose: Localised
	basis: LegalBasis
	/** Sensitive personal data (Art. 2 §4): health, ethnicity, financial situation. */
	sensitive: boolean
	/** Who may see it (roles, scope). */
	access: Localised
	retention: Localised
	/** Tables holding it: every schema table is in exactly one entry or in `systemTables`. */
	tables: readonly string[]
}

export const legalBasisText: Record<LegalBasis, Localised> = {
	publicTask: {
		vi: 'Thực hiện nhiệm vụ của cơ quan nhà nước theo Kế hoạch Bình dân học vụ số (Nghị định 13/2023/NĐ-CP, Điều 17)',
		en: 'Carrying out the public body’s task under the Bình dân học vụ số plan (Decree 13/2023, Art. 17)',
	},
	consent: {
		vi: 'Sự đồng ý của chủ thể dữ liệu, có thể rút lại bất cứ lúc nào',
		en: 'The person’s consent, which they may withdraw at any time',
	},
	legalObligation: {
		vi: 'Nghĩa vụ theo pháp luật (lưu vết truy cập, bảo đảm an toàn dữ liệu)',
		en: 'A legal obligation (access records, data security)',
	},
	contract: {
		vi: 'Cung cấp tài khoản và dịch vụ mà người dùng yêu cầu',
		en: 'Providing the account and service the user asked for',
	},
}

const whileResident: Localised = {
	vi: 'Trong thời gian người dân cư trú tại phường và thực hiện Kế hoạch; khi có yêu cầu xóa, thông tin định danh được xóa, chỉ giữ số liệu thống kê',
	en: 'While the person lives in the ward and the plan runs; on an erasure request the identifying data is removed and only statistics stay',
}

export const personalDataRegister: readonly RegisterEntry[] = [
	{
		id: 'registry',
		category: { vi: 'Sổ theo dõi người dân', en: 'Resident registry' },
		data: {
			vi: 'Họ tên, năm sinh, giới tính, số định danh cá nhân và số điện thoại (mã hóa), hộ gia đình, tổ dân phố, mức tài khoản VNeID, trạng thái cư trú',
			en: 'Name, birth year, sex, personal ID number and phone (encrypted), household, residential group, VNeID account level, residence status',
		},
		purpose: {
			vi: 'Biết ai cần được hướng dẫn kỹ năng số và theo dõi chỉ tiêu của Kế hoạch',
			en: 'Knowing who needs digital-skills help and tracking the plan’s targets',
		},
		basis: 'publicTask',
		sensitive: false,
		access: {
			vi: 'Cán bộ phường; tổ trưởng và tình nguyện viên chỉ trong tổ của mình; số định danh chỉ hiện khi có quyền và được ghi nhật ký',
			en: 'Ward staff; group leaders and volunteers only in their own groups; the ID number is shown only with the right, and logged',
		},
		retention: whileResident,
		tables: [
			'resident',
			'household',
			'resident_digital_practice',
			// Derived from the above for the live dashboard (decision 022): flags and breakdown keys per person.
			'indicator_resident_flags',
			'indicator_dirty_resident',
		],
	},
	{
		id: 'targetGroups',
		category: { vi: 'Nhóm đối tượng', en: 'Target groups' },
		data: {
			vi: 'Nhóm đối tượng của Kế hoạch, trong đó có dữ liệu nhạy cảm: người khuyết tật, người dân tộc thiểu số, hộ nghèo',
			en: 'The plan’s target groups, including sensitive data: disability, ethnic minority, poor household',
		},
		purpose: {
			vi: 'Ưu tiên hỗ trợ và báo cáo theo từng nhóm như Kế hoạch yêu cầu',
			en: 'Prioritising support and reporting by group as the plan requires',
		},
		basis: 'publicTask',
		sensitive: true,
		access: {
			vi: 'Cán bộ phường; tổ trưởng, tình nguyện viên trong tổ của mình',
			en: 'Ward staff; group leaders and volunteers in their own groups',
		},
		retention: {
			vi: 'Như sổ theo dõi; các nhóm nhạy cảm bị xóa hẳn khi có yêu cầu xóa dữ liệu',
			en: 'As the registry; sensitive groups are deleted outright on an erasure request',
		},
		tables: ['resident_target_group'],
	},
	{
		id: 'organisations',
		category: { vi: 'Sinh hoạt tại cơ quan, đoàn thể', en: 'Organisation memberships' },
		data: {
			vi: 'Cơ quan, trường học, doanh nghiệp, chi bộ, đoàn thể người dân tham gia và chức vụ',
			en: 'The agencies, schools, enterprises, party cells and mass organisations a person belongs to, and their position',
		},
		purpose: {
			vi: 'Để mỗi đơn vị theo dõi và báo cáo kết quả của thành viên',
			en: 'So each unit can follow and report its members’ progress',
		},
		basis: 'publicTask',
		sensitive: false,
		access: {
			vi: 'Cán bộ phường; đầu mối của đơn vị đối với thành viên đơn vị mình',
			en: 'Ward staff; a unit’s focal point for its own members',
		},
		retention: whileResident,
		tables: ['organization_membership'],
	},
	{
		id: 'learning',
		category: { vi: 'Quá trình học tập', en: 'Learning record' },
		data: {
			vi: 'Khóa học đã đăng ký, bài đã học, hoạt động luyện tập, lớp học và điểm danh',
			en: 'Courses enrolled, lessons completed, practice, classes and attendance',
		},
		purpose: {
			vi: 'Cho người học học tiếp trên mọi thiết bị và cho phường biết ai đã học',
			en: 'Letting the learner resume on any device and the ward know who has learnt',
		},
		basis: 'publicTask',
		sensitive: false,
		access: {
			vi: 'Người học; giảng viên của lớp; cán bộ phường; tổ trưởng trong tổ của mình',
			en: 'The learner; the class instructor; ward staff; group leaders in their groups',
		},
		retention: whileResident,
		tables: [
			'learner',
			'learning_enrolment',
			'lesson_progress',
			'learner_learning_summary',
			'learning_activity',
			'ai_practice_progress',
			'class_enrolment',
			'class_attendance',
		],
	},
	{
		id: 'assessment',
		category: { vi: 'Đánh giá và chứng nhận', en: 'Assessment and certificates' },
		data: {
			vi: 'Bài kiểm tra và câu trả lời, mức thành thạo theo năng lực, đánh giá trực tiếp, giấy chứng nhận (kể cả chứng nhận ghi nhận từ nền tảng quốc gia, VNeID)',
			en: 'Tests and answers, mastery per competency, in-person assessments, certificates (including those confirmed on the national platform or VNeID)',
		},
		purpose: {
			vi: 'Xác nhận người dân đạt chuẩn kỹ năng số (chỉ tiêu chính của Kế hoạch) và cấp giấy chứng nhận kiểm tra được',
			en: 'Confirming people meet the digital-skills standard (the plan’s main target) and issuing verifiable certificates',
		},
		basis: 'publicTask',
		sensitive: false,
		access: {
			vi: 'Người học; người đánh giá; cán bộ phường. Trang xác minh công khai chỉ hiện tên đã che',
			en: 'The learner; the assessor; ward staff. The public verify page shows only a masked name',
		},
		retention: {
			vi: 'Giấy chứng nhận được giữ làm hồ sơ của phường; danh sách nhập từ nơi khác giữ 30 ngày (xem dưới)',
			en: 'Certificates are kept as the ward’s record; lists imported from elsewhere are kept 30 days (see below)',
		},
		tables: [
			'assessment_attempt',
			'assessment_attempt_item',
			'competency_mastery',
			'oral_assessment',
			'oral_assessment_result',
			'certificate',
		],
	},
	{
		id: 'outreach',
		category: { vi: 'Đi từng ngõ, gõ từng nhà', en: 'Door-to-door outreach' },
		data: {
			vi: 'Lần tình nguyện viên đến hộ: ai được gặp, việc đã làm, kết quả, hẹn lần sau, ghi chú; đại sứ số phụ trách hộ; thành viên và ảnh minh chứng của mô hình điểm (ảnh có người chỉ khi người đó đồng ý)',
			en: 'Volunteers’ visits: who was met, what was done, outcome, next visit, note; the digital ambassador for the household; pilot-model members and evidence photos (showing a person only with their consent)',
		},
		purpose: {
			vi: 'Để không ai bị bỏ lại phía sau và để ghi nhận công sức của tình nguyện viên',
			en: 'So that nobody is left behind, and to credit the volunteers’ work',
		},
		basis: 'publicTask',
		sensitive: false,
		access: {
			vi: 'Tình nguyện viên và tổ trưởng trong tổ của mình; cán bộ phường',
			en: 'Volunteers and group leaders in their groups; ward staff',
		},
		retention: whileResident,
		tables: [
			'outreach_visit',
			'outreach_visit_person',
			'ambassador_assignment',
			'pilot_model_member',
			'pilot_model_evidence',
		],
	},
	{
		id: 'consent',
		category: { vi: 'Sự đồng ý', en: 'Consent' },
		data: {
			vi: 'Mỗi lần người dân đồng ý hoặc rút lại sự đồng ý, cách ghi nhận và người ghi nhận',
			en: 'Each time a person gives or withdraws consent, how it was recorded and by whom',
		},
		purpose: { vi: 'Chứng minh sự đồng ý (Điều 11)', en: 'Proof of consent (Art. 11)' },
		basis: 'legalObligation',
		sensitive: false,
		access: { vi: 'Người dân; cán bộ phường', en: 'The person; ward staff' },
		retention: {
			vi: 'Giữ toàn bộ lịch sử trong thời gian xử lý dữ liệu',
			en: 'The whole history, as long as the data is processed',
		},
		tables: ['consent_record'],
	},
	{
		id: 'accounts',
		category: { vi: 'Tài khoản', en: 'Accounts' },
		data: {
			vi: 'Tên đăng nhập, mật khẩu (chỉ lưu dạng băm), vai trò và phạm vi, thông báo, phiên đăng nhập',
			en: 'Username, password (stored only as a hash), roles and scope, notifications, sign-in sessions',
		},
		purpose: {
			vi: 'Đăng nhập an toàn và phân quyền',
			en: 'Secure sign-in and permissions',
		},
		basis: 'contract',
		sensitive: false,
		access: { vi: 'Người dùng; quản trị phường', en: 'The user; the ward administrator' },
		retention: {
			vi: 'Đến khi tài khoản bị khóa hoặc dữ liệu bị xóa theo yêu cầu; phiên đăng nhập hết hạn bị xóa hằng giờ',
			en: 'Until the account is disabled or erased on request; expired sessions are deleted every hour',
		},
		tables: [
			'user_account',
			'role_assignment',
			'session',
			'oidc_login_state',
			'notification',
			'message_outbox',
		],
	},
	{
		id: 'audit',
		category: { vi: 'Nhật ký truy cập', en: 'Access log' },
		data: {
			vi: 'Ai đã xem hay thay đổi dữ liệu của ai, khi nào (không chứa số định danh hay số điện thoại)',
			en: 'Who read or changed whose data, and when (never an ID number or phone)',
		},
		purpose: {
			vi: 'Bảo đảm an toàn dữ liệu và trách nhiệm giải trình',
			en: 'Data security and accountability',
		},
		basis: 'legalObligation',
		sensitive: false,
		access: { vi: 'Quản trị phường, giám sát', en: 'The ward administrator, the auditor' },
		retention: {
			vi: 'Ít nhất 5 năm; không tự động xóa vì nhật ký được liên kết bằng mã băm để phát hiện sửa đổi',
			en: 'At least 5 years; never pruned automatically, since the log is hash-chained to reveal tampering',
		},
		tables: ['audit_log', 'rate_limit'],
	},
	{
		id: 'imports',
		category: { vi: 'Tệp danh sách được tải lên', en: 'Uploaded lists' },
		data: {
			vi: 'Tệp Excel/CSV danh sách người dân hoặc danh sách đã được chứng nhận mà phường nhận được',
			en: 'Excel/CSV lists of residents or of people certified elsewhere that the ward received',
		},
		purpose: {
			vi: 'Đưa danh sách vào sổ theo dõi sau khi kiểm tra',
			en: 'Bringing the list into the registry after checking it',
		},
		basis: 'publicTask',
		sensitive: false,
		access: { vi: 'Quản trị phường', en: 'The ward administrator' },
		retention: {
			vi: 'Nội dung tệp bị xóa 30 ngày sau khi nhập (chỉ giữ tên tệp và số lượng)',
			en: 'The file’s content is deleted 30 days after the import (only the name and counts stay)',
		},
		tables: ['import_batch', 'import_file', 'certificate_import'],
	},
	{
		id: 'assistant',
		category: { vi: 'Câu hỏi gửi trợ lý', en: 'Questions to the assistant' },
		data: {
			vi: 'Câu hỏi về thủ tục hành chính (số định danh, số điện thoại, họ tên bị che trước khi lưu); mã hồ sơ trực tuyến tình nguyện viên đã giúp nộp',
			en: 'Questions about procedures (ID numbers, phones and names masked before saving); online dossier codes volunteers helped file',
		},
		purpose: {
			vi: 'Cải thiện câu trả lời và theo dõi hồ sơ đến khi có kết quả',
			en: 'Improving answers and following dossiers until they are decided',
		},
		basis: 'publicTask',
		sensitive: false,
		access: {
			vi: 'Cán bộ phường; tình nguyện viên với hồ sơ của tổ mình',
			en: 'Ward staff; volunteers for their group’s dossiers',
		},
		retention: { vi: 'Câu hỏi: 12 tháng', en: 'Questions: 12 months' },
		tables: ['assistant_question', 'dossier_follow_up', 'dossier_status_update'],
	},
	{
		id: 'reports',
		category: { vi: 'Báo cáo của đơn vị', en: 'Units’ reports' },
		data: {
			vi: 'Báo cáo, số liệu và nhận xét của các đơn vị; người lập và người duyệt',
			en: 'Units’ reports, figures and comments; who wrote and who reviewed them',
		},
		purpose: { vi: 'Báo cáo định kỳ theo Kế hoạch', en: 'Periodic reporting under the plan' },
		basis: 'publicTask',
		sensitive: false,
		access: { vi: 'Đầu mối đơn vị; cán bộ phường', en: 'The unit’s focal point; ward staff' },
		retention: { vi: 'Lưu làm hồ sơ của phường', en: 'Kept as the ward’s record' },
		tables: ['unit_report', 'unit_report_revision', 'report_reminder', 'ward_report', 'ward_report_revision'],
	},
	{
		id: 'emulation',
		category: { vi: 'Thi đua, khen thưởng', en: 'Emulation and commendation' },
		data: {
			vi: 'Điểm thi đua của đơn vị và cá nhân (tình nguyện viên, đại sứ số, giảng viên), minh chứng, đề nghị khen thưởng',
			en: 'Emulation scores of units and individuals (volunteers, ambassadors, instructors), evidence, proposed commendations',
		},
		purpose: {
			vi: 'Ghi nhận, khen thưởng đơn vị và cá nhân tiêu biểu theo Kế hoạch',
			en: 'Recognising and commending the best units and individuals under the plan',
		},
		basis: 'publicTask',
		sensitive: false,
		access: {
			vi: 'Cán bộ phường; đầu mối đơn vị xem điểm của đơn vị mình',
			en: 'Ward staff; a unit’s focal point sees its own unit’s score',
		},
		retention: {
			vi: 'Điểm đã chốt của mỗi kỳ được lưu làm hồ sơ thi đua, không sửa lại',
			en: 'Each period’s frozen scores are kept as the emulation record, never rewritten',
		},
		tables: ['emulation_manual_score', 'emulation_frozen_score', 'emulation_commendation'],
	},
]

/** Tables that hold no personal data: the ward's structure, content, settings and machinery. */
export const systemTables: readonly string[] = [
	'ward',
	'residential_group',
	'organization',
	'target_group',
	'skill_framework',
	'skill_domain',
	'skill_level',
	'skill_competency',
	'learning_track',
	'learning_track_course',
	'learning_course',
	'learning_lesson',
	'learning_lesson_html',
	'learning_lesson_competency',
	'learning_revision',
	'learning_image',
	'learning_content_import',
	'basic_skill_item',
	'practice_item',
	'assessment_item',
	'assessment_image',
	'community_class',
	'class_session',
	'class_material',
	'procedure',
	'procedure_revision',
	'procedure_synonym',
	'kb_document',
	'kb_embedding',
	'kb_state',
	'assistant_setting',
	'indicator_definition',
	'indicator_snapshot',
	'indicator_live_state',
	'indicator_cell',
	'digital_family_criterion',
	'digital_market_audience',
	'pilot_model',
	'reporting_period',
	'reporting_schedule',
	'report_unit',
	'emulation_criterion',
	'emulation_freeze',
]
