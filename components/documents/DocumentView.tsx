import { ShareTools } from "@/components/article/ShareTools";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { PageScript } from "@/components/site/PageScript";
import { siteUrl } from "@/lib/site";
import type { PublicDocument } from "@/lib/dal/documents";
import { formatCalendarDay } from "@/lib/vi/calendar-day";
import { DocumentFiles } from "./DocumentFiles";
import { CitingPosts } from "./CitingPosts";
import { DocumentRelations } from "./DocumentRelations";
import { ValidityStatus } from "./ValidityStatus";

const day = (value: string | null) => (value ? <time dateTime={value}>{formatCalendarDay(value)}</time> : "Chưa có thông tin");

/**
 * A document's page: every registry field, its status, its note, its files and its relations.
 * Prints as a record sheet: the site's header, footer, trail, buttons and citing posts are left
 * out, and each file's full address is printed beside it.
 */
export function DocumentView({ document }: { document: PublicDocument }) {
  const url = `${siteUrl()}${document.href}`;
  const rows: Array<[string, React.ReactNode]> = [
    ["Số/ký hiệu", document.number],
    ["Loại văn bản", document.type],
    ["Cơ quan ban hành", document.issuer],
    ["Người ký", document.signer || "Chưa có thông tin"],
    ["Ngày ban hành", day(document.issuedOn)],
    ["Ngày có hiệu lực", day(document.effectiveFrom)],
    ["Ngày hết hiệu lực", document.effectiveUntil ? day(document.effectiveUntil) : "Không có"],
    ["Tình trạng hiệu lực", <ValidityStatus key="status" status={document.status} />],
    ["Lĩnh vực", document.fields.length > 0 ? document.fields.join("; ") : "Chưa phân loại"],
  ];
  return (
    <div className="min-w-0">
      {/* Runs the print and copy buttons, as on an article. */}
      <PageScript />
      <Breadcrumb items={[{ label: "Trang chủ", href: "/" }, { label: "Văn bản", href: "/van-ban" }, { label: document.number }]} />
      <article className="document-record mt-4 max-w-3xl">
        <p className="font-semibold text-muted">
          {document.type} số {document.number}
        </p>
        <h1 className="mt-1 text-2xl font-bold leading-tight sm:text-3xl">{document.title}</h1>
        <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-2 border-y border-line py-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd className="mb-2 min-w-0 break-words sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
        {document.noteHtml && <div className="article-body mt-6" dangerouslySetInnerHTML={{ __html: document.noteHtml }} />}
        <section aria-labelledby="tep-dinh-kem" className="mt-8">
          <h2 id="tep-dinh-kem" className="text-xl font-bold">
            Tệp đính kèm
          </h2>
          <DocumentFiles files={document.files} origin={siteUrl()} />
        </section>
        {document.nationalDatabaseUrl && (
          <p className="mt-6">
            <a href={document.nationalDatabaseUrl} rel="noopener noreferrer nofollow" className="text-link underline underline-offset-4">
              Xem văn bản trên Cơ sở dữ liệu quốc gia về văn bản pháp luật
            </a>
          </p>
        )}
        <DocumentRelations relations={document.relations} />
        <CitingPosts posts={document.citedBy} />
        <ShareTools url={url} printLabel="In văn bản" />
        <p className="print-url mt-6 hidden text-sm print:block" data-read-skip>
          Địa chỉ văn bản: {url}
        </p>
      </article>
    </div>
  );
}
