/**
 * What the writing screen shows about a post's other language: on a Vietnamese one, its English
 * version's status and whether "Thêm bản tiếng Anh" is offered; on an English one, the Vietnamese
 * original to translate from (title, lead, body, featured-image caption and description) and,
 * when the original changed after the English was last published, the link to those changes.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { posts } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { assertStaff, visiblePostsWhere } from "@/lib/dal/posts/access";
import { readVisible } from "@/lib/dal/posts/read";
import { sanitizeRichHtml } from "@/lib/richtext/sanitize";
import { displayStatus, POST_STATUS_LABELS } from "@/lib/workflow/transitions";
import { englishOf, groupOf, vietnameseOf } from "./group";
import { changesHref, outdatedSince, statusOfEnglish, type TranslationStatus } from "./status";

export type TranslationSource = {
  id: number;
  title: string;
  lead: string;
  bodyHtml: string;
  featured: { src: string; alt: string; caption: string } | null;
  statusLabel: string;
  /** Whether this person may open the original itself (authors: only their own posts). */
  canOpen: boolean;
};

export type TranslationPanel =
  | { language: "vi"; status: TranslationStatus; canTranslate: boolean }
  | { language: "en"; source: TranslationSource | null; changesHref: string | null };

/** For the edit screen of a post or page this person may see; null for a document or a post not theirs to see. */
export function translationPanelFor(db: Db, actor: Actor | null, postId: number, now: Date = new Date()): TranslationPanel | null {
  assertStaff(actor);
  const post = readVisible(db, actor, postId);
  if (!post || post.kind === "document") return null;
  const groupId = groupOf(db, post.id);
  if (post.language === "vi") {
    const status = statusOfEnglish(db, actor, post.id, englishOf(db, groupId), now);
    return { language: "vi", status, canTranslate: status.state === "missing" && !post.deletedAt };
  }
  const original = vietnameseOf(db, groupId);
  if (!original) return { language: "en", source: null, changesHref: null };
  const row = db.select().from(posts).where(eq(posts.id, original.id)).get()!;
  // The original is shown to whoever translates it: once public anyone can read it, before that only who may see it.
  const canOpen = Boolean(db.select({ id: posts.id }).from(posts).where(and(eq(posts.id, row.id), visiblePostsWhere(actor))).get());
  const shown = displayStatus(row.status, row.publishedAt, now);
  const source: TranslationSource | null =
    canOpen || shown === "published"
      ? {
          id: row.id,
          title: row.title,
          lead: row.lead,
          bodyHtml: sanitizeRichHtml(row.bodyHtml),
          featured: row.featuredImageUrl ? { src: row.featuredImageUrl, alt: row.featuredImageAlt, caption: row.featuredImageCaption } : null,
          statusLabel: POST_STATUS_LABELS[shown],
          canOpen,
        }
      : null;
  const since = displayStatus(post.status, post.publishedAt, now) === "published" && !post.deletedAt ? outdatedSince(db, row.id, post.id) : null;
  return { language: "en", source, changesHref: since && source ? changesHref(row.id, since) : null };
}
