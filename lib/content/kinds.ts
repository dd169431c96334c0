/**
 * The kinds of content, and what differs between them. Everything else (the content columns, the
 * save and its checks, revisions, autosave, the workflow, the outbox, search) is one machinery for
 * all of them (lib/dal/posts). Pure: the screens and the server read the same declarations.
 */
import type { ContentKind, Language } from "@/db/vocabulary";
import { newsHref, pageHref } from "@/lib/i18n/routes";

export type KindRules = {
  kind: ContentKind;
  /** The name of one, for messages and screens: "bài viết", "trang". */
  noun: string;
  /** Filed in a category (news), in a tree of pages, or in the legal documents registry (its own table, lib/dal/documents). */
  filing: "category" | "tree" | "registry";
  /** Whether the pre-publish checklist asks for a lead and a source line. */
  needsLeadAndSource: boolean;
  /** The public address of this kind's content with this slug (a page's slug is its whole path). */
  href: (slug: string, language: Language) => string;
  /** Where staff edit one. */
  adminHref: (id: number) => string;
};

export const KINDS: Readonly<Record<ContentKind, KindRules>> = {
  post: {
    kind: "post",
    noun: "bài viết",
    filing: "category",
    needsLeadAndSource: true,
    href: newsHref,
    adminHref: (id) => `/admin/posts/${id}`,
  },
  page: {
    kind: "page",
    noun: "trang",
    filing: "tree",
    needsLeadAndSource: false,
    href: pageHref,
    adminHref: (id) => `/admin/posts/${id}`,
  },
  // A legal document: its title is the trích yếu, its body the optional note; slugs come from the số/ký hiệu.
  document: {
    kind: "document",
    noun: "văn bản",
    filing: "registry",
    needsLeadAndSource: false,
    href: (slug) => `/van-ban/${slug}`,
    adminHref: (id) => `/admin/documents/${id}`,
  },
};

/** The first segments of addresses the site uses itself: a top-level page cannot take them. */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set([
  "tin-tuc", "chuyen-muc", "trang", "tim-kiem", "van-ban", "en", "admin", "login", "api", "media", "assets", "_next",
  "khong-tim-thay", "rss-xml", "sitemap", "sitemap-xml", "robots-txt", "favicon-ico", "am-thanh", "tep", "lien-ket",
  // The English site's own first segments (lib/i18n/routes.ts): an English page cannot take them.
  "news", "category", "page", "search", "not-found",
]);

/** How deep pages nest (Giới thiệu › Cơ cấu tổ chức › Phòng ban › …): deeper trees are a sign of a menu problem. */
export const PAGE_DEPTH_MAX = 4;
