import { replicationStatus } from "@/lib/dal/replication";
import { formatDateLine } from "@/lib/vi/date-line";

const STATE_LABELS = {
  ok: { text: "Đang sao chép", className: "text-green-800" },
  lagging: { text: "Chậm", className: "text-red-800" },
  error: { text: "Lỗi", className: "text-red-800" },
  unknown: { text: "Chưa rõ (đang chuyển tiến trình chạy sao chép)", className: "text-amber-800" },
} as const;

/** The continuous replica's health beside the backup box; renders nothing for anyone but admins. */
export async function ReplicationStatus() {
  const status = await replicationStatus();
  if (!status) return null;
  return (
    <section aria-labelledby="replication-status" className="rounded-md border border-line p-4" data-testid="replication-status">
      <h2 id="replication-status" className="text-xl font-bold">
        Sao chép liên tục
      </h2>
      {status.state === "off" ? (
        <p className="mt-2">
          Chưa bật: dữ liệu chỉ được bảo vệ bằng các bản sao lưu. Đặt <code>REPLICA_URL</code> để mỗi thay đổi được chép sang máy hoặc kho
          lưu trữ khác trong vài giây.
        </p>
      ) : (
        <>
          <p className="mt-2" role={status.state === "ok" ? undefined : "alert"}>
            Trạng thái: <strong className={STATE_LABELS[status.state].className}>{STATE_LABELS[status.state].text}</strong>
            {status.state === "lagging" ? ` — bản sao chậm ${status.lagSeconds} giây (giới hạn ${status.lagLimitSeconds} giây)` : ""}
            {status.error ? <span className="mt-1 block">{status.error}</span> : null}
          </p>
          <p className="mt-2">
            Nơi lưu: <code className="break-all">{status.target}</code>
          </p>
          <p className="mt-2" data-testid="replication-last">
            {status.lastShipped ? (
              <>
                Lần chép gần nhất: <time dateTime={status.lastShipped.at}>{formatDateLine(new Date(status.lastShipped.at))}</time> (vị trí{" "}
                <code>{status.lastShipped.position}</code>), độ trễ {status.lagSeconds} giây.
              </>
            ) : (
              "Chưa chép được lần nào kể từ khi máy chủ khởi động."
            )}
            {status.mediaPending > 0 ? ` Còn ${status.mediaPending} tệp ảnh chờ chép.` : ""}
          </p>
        </>
      )}
    </section>
  );
}
