import { describe, expect, it } from "vitest";
import { leavePresenceFor, PRESENCE_WINDOW_MS, touchPresenceFor } from "@/lib/dal/posts/presence";
import { admin, authorA, authorB, create, db, editor } from "./helpers/posts-world";

describe("presence on the edit screen", () => {
  const t0 = new Date("2025-07-01T07:00:00Z");
  const later = (ms: number) => new Date(t0.getTime() + ms);

  it("lists the others who have the post open, not oneself, not those gone quiet", () => {
    const { id } = create(authorA);
    expect(touchPresenceFor(db, authorA, id, t0)).toEqual([]);
    expect(touchPresenceFor(db, editor, id, later(1_000))).toEqual([authorA.name]);
    expect(touchPresenceFor(db, admin, id, later(2_000))?.sort()).toEqual([authorA.name, editor.name].sort());
    // The author's editor has not been heard from for longer than the window.
    expect(touchPresenceFor(db, editor, id, later(PRESENCE_WINDOW_MS + 500))).toEqual([admin.name]);
  });

  it("is refused for a post the person may not see", () => {
    const { id } = create(authorA);
    touchPresenceFor(db, authorA, id, t0);
    expect(touchPresenceFor(db, authorB, id, t0)).toBeNull();
    expect(touchPresenceFor(db, editor, id, t0)).toEqual([authorA.name]);
  });

  it("leaving removes only one's own row", () => {
    const { id } = create(authorA);
    touchPresenceFor(db, authorA, id, t0);
    touchPresenceFor(db, editor, id, t0);
    leavePresenceFor(db, editor, id);
    expect(touchPresenceFor(db, admin, id, later(1_000))).toEqual([authorA.name]);
  });
});
