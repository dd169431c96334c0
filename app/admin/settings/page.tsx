import type { Metadata } from "next";
import { BackToProfile } from "@/components/admin/BackToProfile";
import { BackupScheduleForm } from "@/components/admin/settings/BackupScheduleForm";
import { SiteSettingsForm, type SiteSettingsFormProps } from "@/components/admin/settings/SiteSettingsForm";
import { TwoFactorPolicyForm } from "@/components/admin/settings/TwoFactorPolicyForm";
import { ROLES } from "@/db/vocabulary";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { backupSettings } from "@/lib/dal/backups";
import { twoFactorPolicy } from "@/lib/dal/settings";
import { siteSettings, type SiteProfileDto } from "@/lib/dal/site";
import { SITE_TEXT_FIELD_NAMES, type SiteTextValues } from "@/lib/validations/site";

export const metadata: Metadata = { title: "Cài đặt" };

/** The form's fields from the stored profile: the text, the version, and the logo as the form shows it. */
function siteFormValues(profile: SiteProfileDto): SiteSettingsFormProps {
  const text = Object.fromEntries(SITE_TEXT_FIELD_NAMES.map((name) => [name, profile[name]])) as SiteTextValues;
  return { ...text, version: profile.version, logo: profile.logo ? { src: profile.logo.src, name: profile.logo.name } : null };
}

export default async function SettingsPage() {
  const [required, backup, profile] = await Promise.all([twoFactorPolicy(), backupSettings(), siteSettings()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Cài đặt</h1>
      <section aria-labelledby="cai-dat-trang" className="flex flex-col gap-4">
        <h2 id="cai-dat-trang" className="text-2xl font-bold">
          Cài đặt trang
        </h2>
        <p className="max-w-2xl">
          Tên cơ quan, logo và thông tin liên hệ hiện ở đầu và chân mọi trang công khai. Sau khi lưu, mọi trang cập nhật trong vài giây.
        </p>
        <SiteSettingsForm {...siteFormValues(profile)} />
      </section>
      <section aria-labelledby="xac-thuc-hai-buoc" className="flex flex-col gap-4 border-t border-line pt-6">
      <h2 id="xac-thuc-hai-buoc" className="text-2xl font-bold">
        Xác thực hai bước
      </h2>
      <div className="max-w-2xl">
        <p>
          Chọn những vai trò phải đăng nhập bằng mật khẩu và mã 6 số từ ứng dụng xác thực. Người thuộc vai trò đó mà chưa bật xác thực hai bước sẽ được đưa tới trang bật ngay ở lần mở trang tiếp
          theo, và không thể tắt khi còn yêu cầu này.
        </p>
        <p className="mt-2">Quản trị viên đã bật xác thực hai bước thì luôn phải dùng, dù có chọn ở đây hay không.</p>
      </div>
      <TwoFactorPolicyForm roles={ROLES.map((role) => ({ role, label: ROLE_LABELS[role], required: required.includes(role) }))} />
      </section>

      <section aria-labelledby="sao-luu" className="flex flex-col gap-4 border-t border-line pt-6">
        <h2 id="sao-luu" className="text-2xl font-bold">
          Sao lưu
        </h2>
        <div className="max-w-2xl">
          <p>
            Mỗi bản sao lưu gồm cơ sở dữ liệu và thư viện ảnh, được kiểm tra toàn vẹn sau khi tạo; hệ thống giữ lại các bản mới nhất và xoá bản cũ hơn. Kết quả lần sao lưu gần nhất hiện ở trang
            Quản trị.
          </p>
          <p className="mt-2">
            Thư mục lưu: <code className="break-all">{backup.directory}</code> (đổi bằng biến môi trường <code>BACKUP_DIR</code>).
          </p>
        </div>
        <BackupScheduleForm enabled={backup.enabled} hour={backup.hour} />
      </section>
      <BackToProfile />
    </div>
  );
}
