/**
 * "Thêm bản tiếng Anh": a new English draft in the Vietnamese post's (or page's) translation group,
 * made through the one save (lib/dal/posts/save.ts), so it is filed, checked, logged and given its
 * first revision like any new draft. The group rules ride on the save as a KindExtension: checked
 * and written inside its IMMEDIATE transaction, so two people clicking at once get one English
 * version, not two.
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { posts } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { logActivity, quoted } from "@/lib/dal/activity/log";
import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import type { ChangeFailure, ChangeResult } from "@/lib/dal/result";
import { assertStaff, POST_ADMIN_MESSAGES } from "@/lib/dal/posts/access";
import type { KindExtension } from "@/lib/dal/posts/extension";
import { postExists, readVisible } from "@/lib/dal/posts/read";
import { savePostFor, type SaveOutcome } from "@/lib/dal/posts/save";
import { figures } from "@/lib/richtext/figures";
import type { ContentFields } from "@/lib/validations/post";
import { englishOf, groupOf } from "./group";

export const TRANSLATION_MESSAGES = {
  inTrash: "Bài đang ở Thùng rác nên chưa thêm được bản tiếng Anh. Hãy khôi phục bài trước.",
  notTranslatable: "Văn bản không có bản tiếng Anh: chỉ bài viết và trang được dịch.",
  notVietnamese: "Chỉ thêm được bản tiếng Anh cho một bài hoặc trang tiếng Việt.",
  exists: "Bài này đã có bản tiếng Anh. Hãy mở bản đó để sửa.",
  parentUntranslated: "Trang cha chưa có bản tiếng Anh. Hãy dịch trang cha trước, hoặc nhờ biên tập viên tạo bản tiếng Anh của trang này.",
  created: "Đã tạo bản nháp tiếng Anh. Hãy dịch từ bản tiếng Việt bên cạnh.",
} as const;

type Source = NonNullable<ReturnType<typeof readVisible>>;

/** Why this source cannot be translated now, or null. Read again inside the save's transaction. */
function refusal(tx: Pick<Db, "select">, source: Source): ChangeFailure | null {
  if (source.deletedAt) return { ok: false, message: TRANSLATION_MESSAGES.inTrash };
  if (source.kind === "document") return { ok: false, message: TRANSLATION_MESSAGES.notTranslatable };
  if (source.language !== "vi") return { ok: false, message: TRANSLATION_MESSAGES.notVietnamese };
  if (englishOf(tx, groupOf(tx, source.id))) return { ok: false, message: TRANSLATION_MESSAGES.exists };
  return null;
}

/**
 * An English page sits under the English version of its Vietnamese parent; when that parent has
 * none, at the top, which only editors may do (the save's filing says so too, in its own words).
 */
function englishParent(db: Pick<Db, "select">, actor: Actor, source: Source): { ok: true; parentId: number | null } | ChangeFailure {
  if (source.kind !== "page" || source.parentId === null) {
    return source.kind === "page" && !can(actor.role, "page:create-top-level") ? { ok: false, field: "parentId", message: TRANSLATION_MESSAGES.parentUntranslated } : { ok: true, parentId: null };
  }
  const parent = englishOf(db, groupOf(db, source.parentId));
  if (parent && !parent.deletedAt) return { ok: true, parentId: parent.id };
  if (can(actor.role, "page:create-top-level")) return { ok: true, parentId: null };
  return { ok: false, field: "parentId", message: TRANSLATION_MESSAGES.parentUntranslated };
}

/**
 * What the English draft starts from: the Vietnamese text, pictures and filing, to be written over
 * in English beside the original. Not the captions, descriptions, SEO texts or source line: those
 * are per language and start empty, so the checklist asks for the English ones before publishing.
 */
function startingFields(source: Source, parentId: number | null): ContentFields {
  return {
    title: source.title,
    slug: "",
    slugAuto: true,
    lead: source.lead,
    source: "",
    seoTitle: "",
    seoDescription: "",
    body: withoutImageDescriptions(source.body),
    categoryId: source.categoryId,
    parentId,
    featuredMediaId: source.featuredMediaId,
    featuredCaption: "",
    featuredAlt: "",
    keepLegacyImage: false,
    publishedAt: null,
  };
}

/**
 * The body's images keep their place, not their Vietnamese descriptions: the accessibility check then
 * stops the English version from being published until each has an English one.
 */
function withoutImageDescriptions(body: unknown): unknown {
  const copy = structuredClone(body);
  for (const figure of figures(copy)) figure.attrs = { ...figure.attrs, alt: "" };
  return copy;
}

/** The group rules and links, as the save's extension: checked before the insert, linked right after it. */
function groupLink(actor: Actor, source: Source): KindExtension {
  return {
    check: (tx) => {
      const current = readVisible(tx, actor, source.id);
      return current ? refusal(tx, current) : { ok: false, message: POST_ADMIN_MESSAGES.notFound };
    },
    changes: () => [],
    write: (tx, postId) => {
      const groupId = groupOf(tx, source.id);
      tx.update(posts).set({ translationGroupId: groupId }).where(and(eq(posts.id, source.id), isNull(posts.translationGroupId))).run();
      tx.update(posts).set({ translationGroupId: groupId }).where(eq(posts.id, postId)).run();
      logActivity(tx, { actor, action: "post.translate", objectType: "post", objectId: postId, summary: `Bản tiếng Anh của ${quoted(source.title)}`, ip: actor.ip });
    },
  };
}

/**
 * Creates the English version of a Vietnamese post or page, authored by the actor. Whoever may
 * see the source and create content may translate it (authors: their own posts); a document,
 * an English source, a post in the trash or a group that already has an English version are refused.
 */
export function createTranslationFor(db: Db, actor: Actor | null, sourceId: number, now: Date = new Date()): ChangeResult<SaveOutcome> {
  assertStaff(actor);
  const source = readVisible(db, actor, sourceId);
  if (!source) return { ok: false, message: POST_ADMIN_MESSAGES.notFound, ...(postExists(db, sourceId) ? { denied: true as const } : {}) };
  const refused = refusal(db, source);
  if (refused) return refused;
  const parent = englishParent(db, actor, source);
  if (!parent.ok) return parent;
  const saved = savePostFor(db, actor, { intent: "create", kind: source.kind, language: "en", fields: startingFields(source, parent.parentId), extension: groupLink(actor, source) }, now);
  return saved.ok ? { ...saved, message: TRANSLATION_MESSAGES.created } : saved;
}
