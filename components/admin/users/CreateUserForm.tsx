"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { Field } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { createUserAction } from "@/app/admin/users/actions";
import type { ActionState } from "@/lib/auth/guards";
import { ActionResult } from "./ActionResult";
import { ROLE_OPTIONS } from "./labels";
import { SelectField } from "@/components/ui/SelectField";
import { useFocusFirstError } from "./useFocusFirstError";

const initial: ActionState = {};

export function CreateUserForm() {
  const [state, action] = useActionState(createUserAction, initial);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.errors);
  const values = state.values ?? {};
  const createdEmail = state.ok ? values.createdEmail : undefined;
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <ActionResult ok={state.ok} message={state.message} secret={state.secret} secretLabel={createdEmail ? `Mật khẩu tạm thời của ${createdEmail}` : undefined} />
      {createdEmail && (
        <p>
          <Link href={`/admin/users?q=${encodeURIComponent(createdEmail)}`} className="underline underline-offset-4">
            Xem tài khoản vừa tạo trong danh sách
          </Link>
        </p>
      )}
      {/* noValidate: the server's Vietnamese messages are the ones shown, the same for everyone. */}
      <form ref={form} action={action} noValidate className="flex flex-col gap-4">
        <Field label="Họ tên" name="name" autoComplete="off" required maxLength={120} defaultValue={values.name} error={state.errors?.name} />
        <Field
          label="E-mail"
          name="email"
          type="email"
          autoComplete="off"
          required
          maxLength={254}
          hint="Dùng để đăng nhập; không phân biệt chữ hoa, chữ thường."
          defaultValue={values.email}
          error={state.errors?.email}
        />
        <SelectField label="Vai trò" name="role" options={ROLE_OPTIONS} defaultValue={values.role ?? "author"} error={state.errors?.role} />
        <Field
          label="Đơn vị"
          name="unit"
          autoComplete="off"
          maxLength={200}
          hint="Ví dụ: Phòng Tổ chức cán bộ. Dùng làm dòng nguồn mặc định cho bài viết của người này."
          defaultValue={values.unit}
          error={state.errors?.unit}
        />
        <Field
          label="Mật khẩu tạm thời (không bắt buộc)"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="Để trống để hệ thống tự tạo mật khẩu. Người dùng phải đổi mật khẩu khi đăng nhập lần đầu."
          error={state.errors?.password}
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingText="Đang tạo…">Tạo người dùng</SubmitButton>
          <Link href="/admin/users" className="underline underline-offset-4">
            Về danh sách người dùng
          </Link>
        </div>
      </form>
    </div>
  );
}
