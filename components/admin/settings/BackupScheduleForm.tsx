"use client";

import { useActionState } from "react";
import { saveBackupSchedule } from "@/app/admin/settings/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SelectField } from "@/components/ui/SelectField";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: `${String(hour).padStart(2, "0")}:00` }));

export function BackupScheduleForm({ enabled, hour }: { enabled: boolean; hour: number }) {
  const [state, action] = useActionState(saveBackupSchedule, {} as ActionState);
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4">
      <FormMessage state={state} />
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="enabled" defaultChecked={state.values ? state.values.enabled === "on" : enabled} className="h-5 w-5" />
        Tự động sao lưu mỗi ngày
      </label>
      <SelectField
        label="Giờ sao lưu (giờ Việt Nam)"
        name="hour"
        options={HOURS}
        defaultValue={state.values?.hour ?? String(hour)}
        error={state.errors?.hour}
        hint="Nên chọn giờ ít người đọc, ví dụ 02:00. Nếu máy chủ tắt vào giờ này, bản sao lưu được tạo ngay khi máy chủ chạy lại."
      />
      <div>
        <SubmitButton>Lưu</SubmitButton>
      </div>
    </form>
  );
}
