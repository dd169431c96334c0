/**
 * The published translations of a public post or page: the addresses of its group's members that
 * readers can open now, one per language. They give the page its hreflang alternates and the
 * header's language switcher. The page is kept under its group's tag, which every change of a
 * member queues (lib/cache/tags.ts), so publishing, withdrawing or trashing a translation refreshes
 * the pages of the others.
 */
import "server-only";
import { and, eq, inArray, isNotNull, ne, or } from "drizzle-orm";
import { posts, type ContentKind, type Language } from "@/db/schema";
import { tagPage } from "@/lib/cache/page-tags";
import { cacheTags, translationGroupOf } from "@/lib/cache/tags";
import { KINDS } from "@/lib/content/kinds";
import type { Db } from "@/lib/dal/connection";
import { publicConstraint } from "./constraint";

/** Where each language's version is (this one's included); a language without a public version is absent. */
export type Translations = Partial<Record<Language, string>>;

type Member = { id: number; kind: ContentKind; language: Language; slug: string; translationGroupId: number | null };

/** The member's own address and each other language's (the first public one of that language). */
function addressesOf(member: Member, others: readonly { language: Language; slug: string }[]): Translations {
  const own: Translations = { [member.language]: KINDS[member.kind].href(member.slug, member.language) };
  for (const other of others) own[other.language] ??= KINDS[member.kind].href(other.slug, other.language);
  return own;
}

export function findTranslations(db: Pick<Db, "select">, member: Member, now: Date = new Date()): Translations {
  const group = translationGroupOf(member);
  // A post without a group yet may still be the first of one: its group will be its own id.
  const inGroup = member.translationGroupId === null ? eq(posts.translationGroupId, member.id) : or(eq(posts.translationGroupId, group), eq(posts.id, group));
  const others = db
    .select({ language: posts.language, slug: posts.slug })
    .from(posts)
    .where(and(inGroup, ne(posts.id, member.id), eq(posts.kind, member.kind), ne(posts.language, member.language), publicConstraint(now)))
    .orderBy(posts.id)
    .all();
  return addressesOf(member, others);
}

/** For a public page being rendered: tagged with the group, so a change to any member refreshes it. */
export function readTranslations(db: Pick<Db, "select">, member: Member, now: Date = new Date()): Translations {
  tagPage(cacheTags.translations(translationGroupOf(member)));
  return findTranslations(db, member, now);
}

/**
 * findTranslations for many members at once (a sitemap's thousands of posts): one read of every
 * public post and page in a translation group (a translation names its original's id; the original
 * may name none), then each member's answer from memory. Undefined for a member without a public
 * translation.
 */
export function translationsLookup(db: Pick<Db, "select">, now: Date = new Date()): (member: Member) => Translations | undefined {
  const originals = db.select({ id: posts.translationGroupId }).from(posts).where(isNotNull(posts.translationGroupId));
  const grouped = db
    .select({ id: posts.id, kind: posts.kind, language: posts.language, slug: posts.slug, translationGroupId: posts.translationGroupId })
    .from(posts)
    .where(and(or(isNotNull(posts.translationGroupId), inArray(posts.id, originals)), publicConstraint(now)))
    .orderBy(posts.id)
    .all();
  const groups = new Map<number, Member[]>();
  for (const row of grouped) groups.set(translationGroupOf(row), [...(groups.get(translationGroupOf(row)) ?? []), row]);
  return (member) => {
    const others = (groups.get(translationGroupOf(member)) ?? []).filter((o) => o.id !== member.id && o.kind === member.kind && o.language !== member.language);
    return others.length > 0 ? addressesOf(member, others) : undefined;
  };
}
