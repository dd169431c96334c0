import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterSelect } from "@/components/admin/filters/FilterSelect";
import { TextDiff } from "@/components/admin/revisions/TextDiff";
import { formatAdminTime } from "@/components/admin/users/labels";
import { compareRevisions, type RevisionSummary } from "@/lib/dal/posts";
import { requirePermission } from "@/lib/dal/session";
import { postIdField } from "@/lib/validations/post";
import { revisionCompareQuerySchema } from "@/lib/validations/revision";

export const metadata: Metadata = { title: "So sánh phiên bản", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function Side({ label, revision }: { label: string; revision: RevisionSummary | null }) {
  return (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd>
        {revision ? (
          <>
            #{revision.number} · {revision.kindLabel} · {revision.actorName} · <time dateTime={revision.createdAt}>{formatAdminTime(revision.createdAt)}</time>
          </>
        ) : (
          "(không có: đây là phiên bản đầu tiên)"
        )}
      </dd>
    </>
  );
}

const wordCount = (n: number) => `${n.toLocaleString("vi-VN")} từ`;

export default async function CompareRevisionsPage({ params, searchParams }: Props) {
  await requirePermission("post:create");
  const id = postIdField.safeParse((await params).id);
  if (!id.success) notFound();
  const { from, to } = revisionCompareQuerySchema.parse(await searchParams);
  const comparison = await compareRevisions(id.data, { fromId: from, toId: to });
  if (!comparison) notFound();
  const base = `/admin/posts/${comparison.post.id}/revisions`;

  return (
    <>
      <p>
        <Link href={base} className="inline-flex min-h-11 items-center underline underline-offset-4">
          ‹ Lịch sử phiên bản
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">So sánh phiên bản</h1>
      <p className="mt-2 text-lg">“{comparison.post.title}”</p>

      <form method="get" action={`${base}/compare`} aria-label="Chọn hai phiên bản để so sánh" className="mt-6 flex flex-wrap items-end gap-4 rounded-md border border-line p-4">
        <FilterSelect id="compare-from" label="Phiên bản cũ" name="from" value={comparison.from?.id} allLabel="Phiên bản ngay trước" options={comparison.options.map((o) => ({ value: o.id, label: o.label }))} />
        <FilterSelect id="compare-to" label="Phiên bản mới" name="to" value={comparison.to.id} options={comparison.options.map((o) => ({ value: o.id, label: o.label }))} />
        <button type="submit" className="min-h-11 rounded-md bg-brand px-4 font-semibold text-brand-ink">
          So sánh
        </button>
      </form>

      <dl className="mt-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <Side label="Từ" revision={comparison.from} />
        <Side label="Đến" revision={comparison.to} />
      </dl>
      <p className="mt-4 text-sm">
        <ins className="bg-green-100 text-green-950 underline decoration-2 underline-offset-2">Chữ gạch dưới, nền xanh</ins>: đã thêm.{" "}
        <del className="bg-red-100 text-red-950 line-through decoration-2">Chữ gạch ngang, nền đỏ</del>: đã xoá.
      </p>

      {comparison.fields.map(({ field, label, diff }) => (
        <section key={field} aria-labelledby={`diff-${field}`} className="mt-8 max-w-3xl">
          <h2 id={`diff-${field}`} className="text-xl font-bold">
            {label}
          </h2>
          <p className="mb-2 text-sm text-muted">
            {diff.wordsAdded === 0 && diff.wordsRemoved === 0 ? "Không thay đổi." : `Thêm ${wordCount(diff.wordsAdded)}, xoá ${wordCount(diff.wordsRemoved)}.`}
          </p>
          <TextDiff parts={diff.parts} />
        </section>
      ))}
    </>
  );
}
