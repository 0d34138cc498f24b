/** Certificates: the public verify page, staff pages, the learner's own list, imports (issue 6). */
export const certificationVi = {
	'nav.certificates': 'Chứng nhận',

	'verify.title': 'Kiểm tra giấy chứng nhận',
	'verify.intro':
		'Nhập số hiệu in trên giấy chứng nhận “Bình dân học vụ số” (ví dụ K7M2Q-9XH4T) hoặc quét mã QR trên giấy để kiểm tra.',
	'verify.codeLabel': 'Số hiệu giấy chứng nhận',
	'verify.codeHint': '10 ký tự, có thể gõ chữ thường, không cần dấu gạch ngang.',
	'verify.submit': 'Kiểm tra',
	'verify.resultTitle': 'Kết quả kiểm tra giấy chứng nhận {code}',
	'verify.state.valid': 'Giấy chứng nhận hợp lệ',
	'verify.state.revoked': 'Giấy chứng nhận đã bị thu hồi',
	'verify.state.unknown': 'Không tìm thấy giấy chứng nhận',
	'verify.unknownHelp':
		'Không có giấy chứng nhận nào mang số hiệu này. Hãy kiểm tra lại từng ký tự, hoặc liên hệ phường đã cấp.',
	'verify.revokedHelp': 'Giấy chứng nhận này không còn giá trị từ ngày {date}.',
	'verify.holder': 'Người được cấp (che bớt)',
	'verify.track': 'Lộ trình',
	'verify.issuedOn': 'Ngày cấp',
	'verify.issuedBy': 'Nơi cấp',
	'verify.privacy':
		'Trang này chỉ hiện tên đã che bớt, không hiện thông tin cá nhân nào khác của người được cấp.',
	'verify.signature.valid':
		'Chữ ký số trong mã QR khớp với khóa công khai của {ward}: nội dung in trên giấy không bị sửa.',
	'verify.signature.invalid':
		'Chữ ký số trong mã QR KHÔNG khớp: mã QR hoặc đường dẫn có thể đã bị sửa. Hãy đối chiếu với phường đã cấp.',
	'verify.checkAnother': 'Kiểm tra giấy chứng nhận khác',
	'verify.keysLink': 'Khóa công khai để kiểm tra chữ ký khi không có mạng',
	'verify.rateLimited': 'Bạn đã kiểm tra quá nhiều lần trong một phút. Vui lòng thử lại sau ít phút.',
	'verify.invalidCode': 'Số hiệu gồm 10 chữ và số (không có chữ O, I, L, U và số 0, 1). Vui lòng nhập lại.',

	'verifyKeys.title': 'Khóa công khai ký giấy chứng nhận',
	'verifyKeys.intro':
		'Mã QR trên mỗi giấy chứng nhận chứa số hiệu, lộ trình, ngày cấp, mã phường và tên đã che bớt, kèm chữ ký số Ed25519 của phường. Với khóa công khai dưới đây, ai cũng có thể kiểm tra chữ ký mà không cần kết nối mạng. Việc thu hồi chỉ kiểm tra được trực tuyến, trên trang kiểm tra.',
	'verifyKeys.format':
		'Định dạng: tham số “ky” của đường dẫn trong mã QR là <nội dung>.<chữ ký>, cả hai mã hóa base64url; nội dung là các trường “1|mã khóa|số hiệu|mã phường|lộ trình|ngày cấp|tên che bớt” (UTF-8), chữ ký Ed25519 trên đúng các byte đó.',
	'verifyKeys.ward': 'Đơn vị',
	'verifyKeys.keyId': 'Mã khóa',
	'verifyKeys.publicKey': 'Khóa công khai (base64url, 32 byte)',
	'verifyKeys.pem': 'Khóa công khai (PEM)',
	'verifyKeys.json': 'Tải dạng JSON',
	'verifyKeys.unavailable': 'Khóa ký giấy chứng nhận chưa được cấu hình trên máy chủ này.',
}
