import { site } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="no-print mt-12 border-t-4 border-brand bg-surface">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-muted">
        <p className="font-bold text-ink">{site.name}</p>
        <p>{site.parent}</p>
        <p>Địa chỉ: {site.address}</p>
        <p>© {site.name}. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p>
      </div>
    </footer>
  );
}
