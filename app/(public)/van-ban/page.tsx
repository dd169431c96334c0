import type { Metadata } from "next";
import { Pagination } from "@/components/posts/Pagination";
import { RegistryForm } from "@/components/documents/RegistryForm";
import { RegistryList } from "@/components/documents/RegistryList";
import { getRegistry } from "@/lib/dal/documents";
import { readRegistryForm, registryHref, type RegistryForm as Form } from "@/lib/documents/registry-params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const filtered = (form: Form) => Boolean(form.q || form.type || form.issuer || form.field || form.year || form.status);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const form = readRegistryForm(await searchParams);
  // Filtered lists are endless variations of the registry: crawlers follow them, and index the registry itself.
  return {
    title: form.q ? `Văn bản: ${form.q}` : "Văn bản",
    alternates: { types: { "application/rss+xml": "/van-ban/rss.xml" } },
    ...(filtered(form) || form.page > 1 ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function RegistryPage({ searchParams }: Props) {
  const form = readRegistryForm(await searchParams);
  const result = getRegistry(form);
  return (
    <>
      <h1 className="text-3xl font-bold">Văn bản</h1>
      <p className="mt-2 max-w-3xl text-muted">Văn bản quy phạm pháp luật và văn bản hành chính do cơ quan ban hành hoặc áp dụng, sắp xếp theo ngày ban hành mới nhất.</p>
      <RegistryForm values={form} facets={result.facets} />
      <div className="mt-6">
        <p id="registry-summary" className="text-lg" role="status">
          {result.total === 0
            ? "Không tìm thấy văn bản nào. Hãy thử số/ký hiệu ngắn hơn (ví dụ 65/2023) hoặc bỏ bớt bộ lọc."
            : `Có ${result.total.toLocaleString("vi-VN")} văn bản${result.pageCount > 1 ? ` (trang ${result.page}/${result.pageCount})` : ""}.`}
        </p>
        {result.items.length > 0 && <RegistryList items={result.items} />}
        <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => registryHref(form, page)} />
        <p className="mt-6">
          <a href="/van-ban/rss.xml" className="underline underline-offset-4">
            Theo dõi văn bản mới (RSS)
          </a>
        </p>
      </div>
    </>
  );
}
