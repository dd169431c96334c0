import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts } from "@/db/schema";
import { publicConstraint } from "@/lib/dal/public/constraint";
import { listPostsFor } from "@/lib/dal/posts/list";
import { mediaIdsInDocument } from "@/lib/dal/posts/images";
import { POST_ADMIN_MESSAGES } from "@/lib/dal/posts/access";
import { restorePostsFor, trashPostsFor } from "@/lib/dal/posts/trash";
import { db, categoryId, authorA, authorB, editor, admin, create, setStatus, row, logs, tags, listIds } from "./helpers/posts-world";
import { RefusedError } from "@/lib/dal/actor";

describe("trash and restore", () => {
  it("an editor trashes a published post: it leaves the public constraint and its pages are queued, then restore brings it back", () => {
    const { id, slug } = create(authorA);
    setStatus(id, "published");
    const isPublic = () => Boolean(db.select({ id: posts.id }).from(posts).where(and(eq(posts.id, id), publicConstraint(new Date()))).get());
    expect(isPublic()).toBe(true);

    expect(trashPostsFor(db, editor, [id])).toMatchObject({ ok: true, count: 1 });
    expect(isPublic()).toBe(false);
    expect(row(id).deletedAt).toBeInstanceOf(Date);
    expect(tags()).toEqual(expect.arrayContaining(["home", `article:${slug}`, `category:${categoryId}`]));
    expect(logs("post.trash")).toHaveLength(1);
    expect(listIds(editor)).toEqual([]);
    expect(listPostsFor(db, editor, { trash: true }, null).items[0]).toMatchObject({ id, canEdit: false, canTrash: false });

    expect(restorePostsFor(db, editor, [id])).toMatchObject({ ok: true, count: 1 });
    expect(isPublic()).toBe(true);
    expect(row(id)).toMatchObject({ deletedAt: null, status: "published", version: 1 });
    expect(logs("post.restore")).toHaveLength(1);
  });

  it("authors trash their own drafts only; a mixed selection changes nothing", () => {
    const own = create(authorA).id;
    const ownPublished = create(authorA, { title: "Đã đăng" }).id;
    setStatus(ownPublished, "published");
    const others = create(authorB).id;

    expect(trashPostsFor(db, authorA, [own, ownPublished])).toEqual({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenTrash });
    expect(trashPostsFor(db, authorA, [own, others])).toEqual({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.someMissing });
    expect([row(own).deletedAt, row(ownPublished).deletedAt, row(others).deletedAt]).toEqual([null, null, null]);
    expect(logs("post.trash")).toHaveLength(0);

    expect(trashPostsFor(db, authorA, [own])).toMatchObject({ ok: true });
    expect(row(own).deletedAt).not.toBeNull();
    // Restoring is for editors.
    expect(() => restorePostsFor(db, authorA, [own])).toThrow(RefusedError);
    expect(row(own).deletedAt).not.toBeNull();
  });

  it("bulk: several posts at once, trashing twice is harmless", () => {
    const ids = [create(authorA).id, create(authorB).id, create(editor).id];
    expect(trashPostsFor(db, editor, ids)).toMatchObject({ ok: true, count: 3 });
    expect(trashPostsFor(db, editor, ids)).toMatchObject({ ok: true, count: 0 });
    expect(logs("post.trash")).toHaveLength(3);
    expect(restorePostsFor(db, admin, ids)).toMatchObject({ ok: true, count: 3 });
    expect(listIds(editor)).toHaveLength(3);
  });
});

describe("mediaIdsInDocument", () => {
  it("finds figures at any depth and ignores anything that is not a positive id", () => {
    const json = {
      type: "doc",
      content: [
        { type: "figure", attrs: { mediaId: 3 } },
        { type: "gallery", content: [{ type: "figure", attrs: { mediaId: 5 } }, { type: "figure", attrs: { mediaId: "7" } }, { type: "figure", attrs: { mediaId: 3 } }] },
        { type: "figure", attrs: { mediaId: -1 } },
        { type: "figure", attrs: { mediaId: "1 OR 1=1" } },
        { type: "figure", attrs: { mediaId: null } },
      ],
    };
    expect(mediaIdsInDocument(json).sort((a, b) => a - b)).toEqual([3, 5, 7]);
    expect(mediaIdsInDocument(null)).toEqual([]);
  });
});
