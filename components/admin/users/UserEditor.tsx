"use client";

import { useActionState, useRef } from "react";
import { Field } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import {
  disableUserAction,
  enableUserAction,
  resetUserPasswordAction,
  resetUserTwoFactorAction,
  signOutUserEverywhereAction,
  updateUserAction,
} from "@/app/admin/users/actions";
import type { ActionState } from "@/lib/auth/guards";
import type { UserDetail } from "@/lib/dal/users";
import { ActionResult } from "./ActionResult";
import { ROLE_OPTIONS } from "./labels";
import { SelectField } from "@/components/ui/SelectField";
import { useFocusFirstError } from "./useFocusFirstError";

type Stamped = ActionState & { at?: number };
type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

// Each form keeps its own state; the time stamp tells which one finished last, so the page has a
// single live region that announces the latest result.
function stamped(action: FormAction) {
  return async (previous: Stamped, formData: FormData): Promise<Stamped> => ({ ...(await action(previous, formData)), at: Date.now() });
}
const update = stamped(updateUserAction);
const disable = stamped(disableUserAction);
const enable = stamped(enableUserAction);
const resetPassword = stamped(resetUserPasswordAction);
const signOutEverywhere = stamped(signOutUserEverywhereAction);
const resetTwoFactor = stamped(resetUserTwoFactorAction);

const initial: Stamped = {};

// `!` because SubmitButton already sets the brand colours and utility order in CSS, not in class order, decides.
const secondaryButton = "border border-line bg-page! text-ink!";

export type EditableUser = Pick<UserDetail, "id" | "name" | "email" | "role" | "unit" | "status" | "totpEnabled">;

export function UserEditor({ user, isSelf }: { user: EditableUser; isSelf: boolean }) {
  const [editState, editAction] = useActionState(update, initial);
  const [disableState, disableAction] = useActionState(disable, initial);
  const [enableState, enableAction] = useActionState(enable, initial);
  const [resetState, resetAction] = useActionState(resetPassword, initial);
  const [signOutState, signOutAction] = useActionState(signOutEverywhere, initial);
  const [twoFactorState, twoFactorAction] = useActionState(resetTwoFactor, initial);
  const editForm = useRef<HTMLFormElement>(null);
  const resetForm = useRef<HTMLFormElement>(null);
  useFocusFirstError(editForm, editState.errors);
  useFocusFirstError(resetForm, resetState.errors);

  const latest = [editState, disableState, enableState, resetState, signOutState, twoFactorState].reduce((a, b) => ((b.at ?? 0) > (a.at ?? 0) ? b : a));
  const edited = editState.values ?? {};

  return (
    <div className="flex flex-col gap-8">
      <ActionResult
        ok={latest.ok}
        message={latest.message}
        secret={latest === resetState ? latest.secret : undefined}
        secretLabel={`Mật khẩu tạm thời mới của ${user.email}`}
      />

      <section aria-labelledby="thong-tin" className="flex max-w-xl flex-col gap-4">
        <h2 id="thong-tin" className="text-2xl font-bold">
          Thông tin tài khoản
        </h2>
        <form ref={editForm} action={editAction} noValidate className="flex flex-col gap-4">
          <input type="hidden" name="id" value={user.id} />
          <Field label="Họ tên" name="name" autoComplete="off" required maxLength={120} defaultValue={edited.name ?? user.name} error={editState.errors?.name} />
          <SelectField
            label="Vai trò"
            name="role"
            options={ROLE_OPTIONS}
            defaultValue={edited.role ?? user.role}
            hint="Đổi vai trò sẽ đăng xuất người này khỏi mọi thiết bị để quyền mới có hiệu lực ngay."
            error={editState.errors?.role}
          />
          <Field
            label="Đơn vị"
            name="unit"
            autoComplete="off"
            maxLength={200}
            hint="Dùng làm dòng nguồn mặc định cho bài viết của người này."
            defaultValue={edited.unit ?? user.unit}
            error={editState.errors?.unit ?? editState.errors?.id}
          />
          <div>
            <SubmitButton>Lưu thay đổi</SubmitButton>
          </div>
        </form>
      </section>

      <section aria-labelledby="bao-mat" className="flex max-w-xl flex-col gap-6">
        <h2 id="bao-mat" className="text-2xl font-bold">
          Trạng thái và bảo mật
        </h2>
        {isSelf && <p className="rounded-md border border-line bg-surface px-3 py-2">Đây là tài khoản của bạn: các thao tác dưới đây cũng áp dụng cho phiên đăng nhập hiện tại.</p>}

        {user.status === "active" ? (
          <form action={disableAction} className="flex flex-col gap-2">
            <input type="hidden" name="id" value={user.id} />
            <p>Tài khoản bị khoá không đăng nhập được và mọi phiên đang mở kết thúc ngay.</p>
            <div>
              <SubmitButton pendingText="Đang khoá…" className="bg-red-800! text-white!">
                Khoá tài khoản
              </SubmitButton>
            </div>
          </form>
        ) : (
          <form action={enableAction} className="flex flex-col gap-2">
            <input type="hidden" name="id" value={user.id} />
            <p>Tài khoản đang bị khoá. Mở khoá để người này đăng nhập lại được.</p>
            <div>
              <SubmitButton pendingText="Đang mở khoá…">Mở khoá tài khoản</SubmitButton>
            </div>
          </form>
        )}

        <form ref={resetForm} action={resetAction} noValidate className="flex flex-col gap-3">
          <input type="hidden" name="id" value={user.id} />
          <Field
            label="Mật khẩu tạm thời mới (không bắt buộc)"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="Để trống để hệ thống tự tạo. Người dùng bị đăng xuất khỏi mọi thiết bị và phải đổi mật khẩu khi đăng nhập lại."
            error={resetState.errors?.password}
          />
          <div>
            <SubmitButton pendingText="Đang đặt lại…" className={secondaryButton}>
              Đặt lại mật khẩu
            </SubmitButton>
          </div>
        </form>

        <form action={signOutAction} className="flex flex-col gap-2">
          <input type="hidden" name="id" value={user.id} />
          <p>Kết thúc mọi phiên đăng nhập của tài khoản này, ví dụ khi máy tính bị mất hoặc dùng chung.</p>
          <div>
            <SubmitButton pendingText="Đang đăng xuất…" className={secondaryButton}>
              Đăng xuất khỏi mọi thiết bị
            </SubmitButton>
          </div>
        </form>

        {user.totpEnabled && (
          <form action={twoFactorAction} className="flex flex-col gap-2">
            <input type="hidden" name="id" value={user.id} />
            <p>Dùng khi người này mất cả ứng dụng xác thực lẫn mã khôi phục. Họ sẽ bị đăng xuất và có thể bật lại trong Hồ sơ.</p>
            <div>
              <SubmitButton pendingText="Đang tắt…" className={secondaryButton}>
                Tắt xác thực hai bước
              </SubmitButton>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
