export type BackupErrorCode =
	| 'noKey'
	| 'badKey'
	| 'notABackup'
	| 'unsupportedVersion'
	| 'wrongKey'
	| 'damaged'
	| 'truncated'
	| 'engineMismatch'
	| 'notEmpty'
	| 'serverRunning'
	| 'toolMissing'
	| 'toolFailed'

const messages: Record<BackupErrorCode, [vi: string, en: string]> = {
	noKey: [
		'Chưa có khóa sao lưu: đặt BACKUP_ENCRYPTION_KEY (32 byte, base64; tạo bằng `hocvuso keys generate`)',
		'no backup key: set BACKUP_ENCRYPTION_KEY (32 bytes, base64; make one with `hocvuso keys generate`)',
	],
	badKey: [
		'BACKUP_ENCRYPTION_KEY phải là 32 byte mã hóa base64',
		'BACKUP_ENCRYPTION_KEY must be 32 bytes, base64',
	],
	notABackup: ['Tệp này không phải bản sao lưu hocvuso', 'this file is not a hocvuso backup'],
	unsupportedVersion: [
		'Bản sao lưu có định dạng mới hơn phiên bản này hiểu được',
		'the backup uses a newer format than this version understands',
	],
	wrongKey: [
		'Bản sao lưu được mã hóa bằng khóa khác (kiểm tra BACKUP_ENCRYPTION_KEY)',
		'the backup was encrypted with another key (check BACKUP_ENCRYPTION_KEY)',
	],
	damaged: [
		'Bản sao lưu bị hỏng hoặc đã bị sửa (xác thực thất bại); không khôi phục gì',
		'the backup is damaged or was altered (authentication failed); nothing was restored',
	],
	truncated: [
		'Bản sao lưu bị cắt cụt (thiếu phần cuối); không khôi phục gì',
		'the backup is truncated (its end is missing); nothing was restored',
	],
	engineMismatch: [
		'Bản sao lưu và cơ sở dữ liệu hiện tại khác loại (PGlite / PostgreSQL)',
		'the backup and this installation use different databases (PGlite / PostgreSQL)',
	],
	notEmpty: [
		'Cơ sở dữ liệu đích đã có dữ liệu: chỉ khôi phục vào cài đặt trống',
		'the target database is not empty: restore only into an empty installation',
	],
	serverRunning: [
		'Máy chủ hocvuso đang chạy trên thư mục dữ liệu này: dừng máy chủ trước khi khôi phục',
		'a hocvuso server is running on this data folder: stop it before restoring',
	],
	toolMissing: ['Không tìm thấy công cụ PostgreSQL', 'PostgreSQL tool not found'],
	toolFailed: ['Công cụ PostgreSQL báo lỗi', 'a PostgreSQL tool failed'],
}

/** A backup or restore failure with a code and a message in both languages. */
export class BackupError extends Error {
	readonly code: BackupErrorCode
	constructor(code: BackupErrorCode, detail?: string) {
		const [vi, en] = messages[code]
		super(`${vi} / ${en}${detail ? `: ${detail}` : ''}`)
		this.name = 'BackupError'
		this.code = code
	}
}
