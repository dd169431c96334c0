/**
 * What every change in the data layer returns: success with a message (and what the caller needs
 * next), or a refusal with a Vietnamese message, the field it concerns, and whether it was a
 * version conflict or a refusal worth logging. Never a thrown error for something a person did.
 */
export type ChangeFailure<F extends string = string> = {
  ok: false;
  message: string;
  field?: F;
  /** The save was based on an older version: nothing was written. */
  conflict?: true;
  /** A refusal worth logging (another person's object, something the role may not change). */
  denied?: true;
};
export type ChangeResult<T extends object = object, F extends string = string> = ({ ok: true; message: string } & T) | ChangeFailure<F>;

/** The messages every form, action and route shares. */
export const MESSAGES = {
  signedOut: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
  forbidden: "Bạn không có quyền thực hiện thao tác này.",
  invalid: "Vui lòng sửa các mục được đánh dấu bên dưới.",
  badRequest: "Yêu cầu không hợp lệ.",
  failed: "Không lưu được do lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị viên.",
} as const;
