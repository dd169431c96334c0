import Link from "next/link";
import { backupStatus } from "@/lib/dal/backups";

/** The last backup and whether daily backups are on; renders nothing for anyone but admins. */
export async function BackupStatus() {
  const status = await backupStatus();
  if (!status) return null;
  const { last, schedule } = status;
  return (
    <section aria-labelledby="backup-status" className="rounded-md border border-line p-4">
      <h2 id="backup-status" className="text-xl font-bold">
        Sao lưu dữ liệu
      </h2>
      {last ? (
        <p className="mt-2" data-testid="backup-last">
          Lần gần nhất: <time dateTime={last.at}>{last.atLabel}</time> ({last.trigger === "scheduled" ? "tự động" : "bằng lệnh"}) —{" "}
          {last.ok ? <strong className="text-green-800">Thành công</strong> : <strong className="text-red-800">Thất bại</strong>}
          {last.ok && last.size ? `, ${last.size}` : ""}
          {last.path ? (
            <>
              {" "}
              tại <code className="break-all">{last.path}</code>
            </>
          ) : null}
          .{last.message ? <span className="mt-1 block">{last.message}</span> : null}
        </p>
      ) : (
        <p className="mt-2" data-testid="backup-last">
          Chưa có bản sao lưu nào.
        </p>
      )}
      <p className="mt-2">
        {schedule.enabled ? `Sao lưu tự động hằng ngày lúc ${String(schedule.hour).padStart(2, "0")}:00.` : "Chưa bật sao lưu tự động."}{" "}
        <Link href="/admin/settings#sao-luu" className="underline underline-offset-4">
          Cài đặt sao lưu
        </Link>
      </p>
    </section>
  );
}
