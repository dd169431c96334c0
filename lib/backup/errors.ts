/** A failure of a backup or a restore, with the Vietnamese message operators and admins see. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BackupError";
  }
}

/** The Vietnamese message for any error thrown while backing up or restoring. */
export function backupErrorMessage(error: unknown): string {
  if (error instanceof BackupError) return error.message;
  const code = (error as { code?: string } | null)?.code;
  if (code === "ENOSPC") return "Không đủ dung lượng đĩa để ghi bản sao lưu.";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "Không có quyền ghi vào thư mục sao lưu.";
  if (code === "ENOTDIR" || code === "EEXIST") return "Đường dẫn thư mục sao lưu đang là một tệp, không phải thư mục.";
  if (code === "ENOENT") return "Không tìm thấy tệp hoặc thư mục cần dùng.";
  const detail = error instanceof Error ? error.message : String(error);
  return `Lỗi hệ thống khi sao lưu: ${detail}`;
}
