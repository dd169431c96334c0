import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { DocumentView } from "@/components/documents/DocumentView";
import { getDocument } from "@/lib/dal/documents";
import { isSlugLike } from "@/lib/routing/page-param";
import { serializeJsonLd } from "@/lib/seo/article";
import { legislationJsonLd } from "@/lib/seo/document";
import { siteUrl } from "@/lib/site";

type Props = { params: Promise<{ slug: string }> };

async function lookup(slug: string) {
  return isSlugLike(slug) ? getDocument(slug) : ({ kind: "missing" } as const);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await lookup((await params).slug);
  if (found.kind !== "document") return { title: "Không tìm thấy văn bản" };
  const { document } = found;
  return { title: `${document.type} ${document.number}`, description: document.title, alternates: { canonical: `${siteUrl()}${document.href}` } };
}

export default async function DocumentPage({ params }: Props) {
  const found = await lookup((await params).slug);
  if (found.kind === "redirect") permanentRedirect(`/van-ban/${found.slug}`);
  if (found.kind === "missing") notFound();
  return (
    <>
      {/* Escaped JSON, not script: search engines read it, browsers never run it. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(legislationJsonLd(found.document, siteUrl())) }} />
      <DocumentView document={found.document} />
    </>
  );
}
