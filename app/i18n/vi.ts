import { adminVi } from '#app/i18n/admin.vi.ts'
import { assessmentVi } from '#app/i18n/assessment.vi.ts'
import { assistantVi } from '#app/i18n/assistant.vi.ts'
import { certificationVi } from '#app/i18n/certification.vi.ts'
import { classesVi } from '#app/i18n/classes.vi.ts'
import { emulationVi } from '#app/i18n/emulation.vi.ts'
import { identityVi } from '#app/i18n/identity.vi.ts'
import { importVi } from '#app/i18n/import.vi.ts'
import { indicatorsVi } from '#app/i18n/indicators.vi.ts'
import { learningVi } from '#app/i18n/learning.vi.ts'
import { outreachVi } from '#app/i18n/outreach.vi.ts'
import { peopleVi } from '#app/i18n/people.vi.ts'
import { privacyVi } from '#app/i18n/privacy.vi.ts'
import { programmesVi } from '#app/i18n/programmes.vi.ts'
import { reportDocumentsVi } from '#app/i18n/report-documents.vi.ts'
import { reportsVi } from '#app/i18n/reports.vi.ts'

/** Vietnamese: the first locale. Every key here must exist in en.ts (the compiler checks). */
export const vi = {
	...assessmentVi,
	...assistantVi,
	...certificationVi,
	...classesVi,
	...emulationVi,
	...reportsVi,
	...programmesVi,
	...identityVi,
	...indicatorsVi,
	...adminVi,
	...peopleVi,
	...privacyVi,
	...importVi,
	...learningVi,
	...outreachVi,
	...reportDocumentsVi,
	'app.name': 'Bình dân học vụ số',
	'app.tagline': 'Phổ cập kỹ năng số cho mọi người dân — không ai bị bỏ lại phía sau',
	'a11y.skipToContent': 'Bỏ qua, đến nội dung chính',
	'a11y.mainNav': 'Điều hướng chính',
	'a11y.preferences': 'Tùy chọn hiển thị',
	'prefs.language': 'Ngôn ngữ',
	'prefs.textLarge': 'Chữ lớn',
	'prefs.textNormal': 'Chữ thường',
	'prefs.contrastHigh': 'Tương phản cao',
	'prefs.contrastNormal': 'Tương phản thường',
	'prefs.switchToEnglish': 'English',
	'prefs.switchToVietnamese': 'Tiếng Việt',
	'prefs.saved': 'Đã lưu tùy chọn hiển thị.',
	'nav.home': 'Trang chủ',
	'nav.signIn': 'Đăng nhập',
	'nav.signOut': 'Đăng xuất',
	'home.welcome': 'Chào mừng đến với phong trào “Bình dân học vụ số” của {ward}',
	'home.intro':
		'Học kỹ năng số miễn phí: dùng điện thoại thông minh, cài đặt và kích hoạt VNeID, làm thủ tục trên Cổng Dịch vụ công, thanh toán không dùng tiền mặt và phòng tránh lừa đảo trên mạng.',
	'home.targetsTitle': 'Chỉ tiêu năm {year} của phường',
	'home.statsTitle': 'Quy mô địa bàn',
	'home.statsResidents': 'người dân trong sổ theo dõi',
	'home.statsHouseholds': 'hộ gia đình',
	'home.statsGroups': 'tổ dân phố',
	'home.statsOrganizations': 'cơ quan, trường học, doanh nghiệp, chi bộ, đoàn thể',
	'home.signInPrompt': 'Đăng nhập để học, theo dõi tiến độ hoặc làm nhiệm vụ được giao.',
	'footer.text': 'Phần mềm nguồn mở hocvuso — phục vụ phong trào “Bình dân học vụ số”.',
	'error.notFound.title': 'Không tìm thấy trang',
	'error.notFound.body': 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Vui lòng kiểm tra lại địa chỉ.',
	'error.forbidden.title': 'Không có quyền truy cập',
	'error.forbidden.body':
		'Tài khoản của bạn không được phép xem trang này. Nếu bạn cần quyền này, hãy liên hệ quản trị viên của phường.',
	'error.unauthorized.title': 'Cần đăng nhập',
	'error.unauthorized.body': 'Vui lòng đăng nhập để tiếp tục.',
	'error.server.title': 'Đã có lỗi xảy ra',
	'error.server.body':
		'Hệ thống gặp sự cố khi xử lý yêu cầu của bạn. Dữ liệu của bạn không bị thay đổi. Vui lòng thử lại sau ít phút.',
	'error.badRequest.title': 'Yêu cầu không hợp lệ',
	'error.badRequest.body': 'Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra và thử lại.',
	'error.conflict.title': 'Dữ liệu đã bị người khác thay đổi',
	'error.tooMany.title': 'Quá nhiều yêu cầu',
	'error.tooMany.body': 'Bạn đã thử quá nhiều lần. Vui lòng đợi một lát rồi thử lại.',
	'error.backHome': 'Về trang chủ',
	'error.code': 'Mã lỗi: {code}',
	'vneid.signIn': 'Đăng nhập bằng VNeID',
	'vneid.sandboxNote': 'Bản trình diễn: đăng nhập qua môi trường thử nghiệm VNeID (không phải VNeID thật).',
	'vneid.error.title': 'Chưa đăng nhập được bằng VNeID',
	'vneid.error.notConfigured':
		'Đăng nhập bằng VNeID chưa được cài đặt trên hệ thống này. Vui lòng đăng nhập bằng tài khoản do phường cấp, hoặc liên hệ cán bộ phường.',
	'vneid.error.rateLimited':
		'Có quá nhiều lượt đăng nhập từ cùng một mạng. Vui lòng đợi vài phút rồi thử lại.',
	'vneid.error.providerUnavailable':
		'Không kết nối được tới VNeID. Vui lòng kiểm tra kết nối mạng rồi thử lại sau ít phút.',
	'vneid.error.stateMismatch':
		'Yêu cầu đăng nhập này không khớp với trình duyệt của bạn, hoặc đường dẫn đã được dùng rồi. Để bảo vệ tài khoản, hệ thống dừng lại. Vui lòng đăng nhập lại từ đầu.',
	'vneid.error.expired': 'Phiên đăng nhập đã quá 10 phút nên đã hết hạn. Vui lòng đăng nhập lại.',
	'vneid.error.consentDenied':
		'Bạn chưa đồng ý chia sẻ thông tin từ VNeID nên chưa thể đăng nhập. Bạn có thể thử lại, hoặc đăng nhập bằng cách khác.',
	'vneid.error.providerError':
		'VNeID trả lời không hợp lệ nên hệ thống chưa xác nhận được danh tính của bạn. Vui lòng thử lại.',
	'vneid.error.missingPersonalId':
		'VNeID không gửi số định danh cá nhân nên hệ thống không đối chiếu được với sổ theo dõi của phường.',
	'vneid.error.accountDisabled': 'Tài khoản của bạn đang bị khóa. Vui lòng liên hệ cán bộ phường.',
	'vneid.error.noWard': 'Hệ thống chưa có dữ liệu phường, xã nên chưa thể tạo tài khoản cho bạn.',
	'vneid.error.notInRegistry':
		'Không tìm thấy bạn trong sổ theo dõi người dân của phường, xã nào trên hệ thống. Vui lòng liên hệ UBND nơi bạn cư trú.',
	'vneid.tryAgain': 'Thử lại',
	'vneid.otherWays': 'Đăng nhập bằng cách khác',
	'vneid.unmatched.title': 'Phường chưa đối chiếu được thông tin của bạn',
	'vneid.unmatched.body':
		'Bạn đã đăng nhập bằng VNeID, nhưng phường chưa tìm thấy bạn trong sổ theo dõi người dân. Cán bộ phường sẽ đối chiếu; lần đăng nhập sau, tài khoản sẽ tự gắn với hồ sơ của bạn.',
	'vneid.unmatched.meanwhile': 'Trong lúc chờ, bạn vẫn có thể bắt đầu học ngay.',
	'vneid.unmatched.continue': 'Tiếp tục',
} as const

export type MessageKey = keyof typeof vi
