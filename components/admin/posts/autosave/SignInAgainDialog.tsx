"use client";

import { LoginForm } from "@/components/admin/LoginForm";
import { Modal } from "@/components/editor/Modal";

/** The session ended while editing: sign in here, on this page, and what waited is saved. */
export function SignInAgainDialog({ onSignedIn, onClose }: { onSignedIn: () => void; onClose: () => void }) {
  return (
    <Modal title="Đăng nhập lại để lưu bài" onClose={onClose}>
      <p className="mb-4">
        Phiên đăng nhập đã hết hạn. Những gì bạn đã gõ vẫn còn trên trang này và được giữ trên máy này. Đăng nhập lại để lưu tiếp, không cần rời trang.
      </p>
      <LoginForm callbackUrl={null} onSignedIn={onSignedIn} />
    </Modal>
  );
}
