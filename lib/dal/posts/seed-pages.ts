import "server-only";
import { posts, type Language } from "@/db/schema";
import type { Db } from "@/lib/dal/connection";
import { renderDocument } from "@/lib/richtext/render";
import { blankPostText } from "@/lib/validations/post";
import { postContent } from "./content";
import { recordRevision } from "./record-revision";

/** A standing page as the first start writes it: published, by nobody in particular. */
export type SeedPage = { path: string; title: string; lead?: string; body: object; children?: SeedPage[] };

/**
 * Writes a tree of published pages (each with its first revision), in one transaction, and
 * returns their ids by path. For the first start's sample site only: staff make pages through the editor.
 */
export function insertSeedPages(db: Db, pages: SeedPage[], language: Language = "vi", now: Date = new Date()): Map<string, number> {
  const ids = new Map<string, number>();
  db.transaction((tx) => {
    const insert = (page: SeedPage, parentId: number | null, position: number) => {
      const content = postContent(
        { ...blankPostText(), title: page.title, lead: page.lead ?? "", categoryId: null },
        { slug: page.path, rendered: renderDocument(page.body), featured: { featuredMediaId: null, featuredImageUrl: null, featuredImageAlt: "", featuredImageCaption: "" }, status: "published", publishedAt: now },
      );
      const id = tx.insert(posts).values({ ...content, kind: "page", language, parentId, position }).returning({ id: posts.id }).get().id;
      recordRevision(tx, id, "import", null);
      ids.set(page.path, id);
      page.children?.forEach((child, i) => insert(child, id, i));
    };
    pages.forEach((page, i) => insert(page, null, i));
  });
  return ids;
}
