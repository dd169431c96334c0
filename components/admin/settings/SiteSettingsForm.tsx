"use client";

import { useActionState } from "react";
import { saveSiteSettings } from "@/app/admin/settings/actions";
import { CONTROL_CLASS, FieldShell } from "@/components/ui/FieldShell";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import { SITE_TEXT_FIELDS, type SiteTextField, type SiteTextValues } from "@/lib/validations/site";

export type SiteSettingsFormProps = SiteTextValues & { version: number; logo: { src: string; name: string } | null };

const HINTS: Partial<Record<SiteTextField, string>> = {
  name: "Hiện ở đầu mọi trang, trong tiêu đề trang và bản tin RSS.",
  parent: "Dòng nhỏ phía trên tên cơ quan, ví dụ: Bộ Khoa học và Công nghệ.",
  phone: "Ví dụ: (024) 3858 3069.",
  workingHours: "Ví dụ: Thứ Hai – Thứ Sáu, 8:00 – 17:00.",
  copyright: "Ví dụ: © Cục Sở hữu trí tuệ.",
  sourceNote: "Ví dụ: Ghi rõ nguồn “Cục Sở hữu trí tuệ” khi phát hành lại thông tin từ trang này.",
};

const GROUPS: Array<{ legend: string; fields: SiteTextField[] }> = [
  { legend: "Cơ quan", fields: ["name", "parent"] },
  { legend: "Liên hệ ở chân trang", fields: ["address", "phone", "hotline", "email", "workingHours"] },
  { legend: "Dòng cuối chân trang", fields: ["copyright", "sourceNote"] },
];

/**
 * The site's settings (admins): who publishes it, its logo and icons, the footer's contact block.
 * Errors show beside their fields and what was typed stays; a save refreshes every public page.
 */
export function SiteSettingsForm(props: SiteSettingsFormProps) {
  const [state, action] = useActionState(saveSiteSettings, {} as ActionState);
  const value = (name: SiteTextField) => state.values?.[name] ?? props[name];
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={state.values?.version ?? String(props.version)} />
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className="flex flex-col gap-4">
          <legend className="mb-2 text-xl font-bold">{group.legend}</legend>
          {group.fields.map((name) => (
            <Field
              key={name}
              label={SITE_TEXT_FIELDS[name].label + (SITE_TEXT_FIELDS[name].required ? " (bắt buộc)" : "")}
              name={name}
              defaultValue={value(name)}
              error={state.errors?.[name]}
              hint={HINTS[name]}
              type={name === "email" ? "email" : name === "phone" || name === "hotline" ? "tel" : "text"}
              autoComplete="off"
            />
          ))}
        </fieldset>
      ))}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-xl font-bold">Logo và biểu tượng trang</legend>
        {props.logo ? (
          <div className="flex flex-wrap items-center gap-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- a library rendition */}
            <img src={props.logo.src} alt={`Logo hiện tại (${props.logo.name})`} className="h-16 w-auto border border-line bg-page p-1" />
            <label className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name="removeLogo" defaultChecked={state.values?.removeLogo === "on"} className="h-5 w-5" />
              Bỏ logo (dùng biểu tượng mặc định)
            </label>
          </div>
        ) : (
          <p className="text-muted">Chưa có logo: trang dùng biểu tượng mặc định (ngôi sao vàng trên nền đỏ).</p>
        )}
        <FieldShell
          label={props.logo ? "Thay logo" : "Tải logo lên"}
          hint="Ảnh PNG, JPEG, WebP hoặc GIF, tối đa 5 MB; không nhận SVG. Logo hiện ở đầu trang và làm biểu tượng trang (favicon, biểu tượng trên màn hình điện thoại)."
          error={state.errors?.logo}
        >
          {(control) => <input {...control} type="file" name="logo" accept="image/png,image/jpeg,image/webp,image/gif" className={`${CONTROL_CLASS} py-2`} />}
        </FieldShell>
      </fieldset>
      <div>
        <SubmitButton>Lưu cài đặt trang</SubmitButton>
      </div>
    </form>
  );
}
