import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { availableTransitions, checkTransition, TRANSITION_NAMES, type DisplayStatus, type TransitionName } from "@/lib/workflow/transitions";

const STATUSES: DisplayStatus[] = ["draft", "pending", "scheduled", "published", "unpublished"];
const OWNER = 7;
const OTHER = 8;

// The whole table, written out by hand from PRODUCT.md so the data in lib/workflow is checked
// against an independent statement of the rules: [transition, from-statuses, roles allowed on
// their own post, roles allowed on someone else's post].
const EXPECTED: Array<[TransitionName, DisplayStatus[], Role[], Role[]]> = [
  ["submit", ["draft", "unpublished"], ["author", "editor", "admin"], ["editor", "admin"]],
  ["withdraw", ["pending"], ["author", "editor", "admin"], ["editor", "admin"]],
  ["reject", ["pending"], ["editor", "admin"], ["editor", "admin"]],
  ["publish", ["draft", "pending", "unpublished", "scheduled"], ["editor", "admin"], ["editor", "admin"]],
  ["schedule", ["draft", "pending", "unpublished", "scheduled"], ["editor", "admin"], ["editor", "admin"]],
  ["unschedule", ["scheduled"], ["editor", "admin"], ["editor", "admin"]],
  ["unpublish", ["published"], ["editor", "admin"], ["editor", "admin"]],
];

describe("the workflow state machine, every role × transition × status × ownership", () => {
  for (const [name, from, ownRoles, otherRoles] of EXPECTED) {
    for (const role of ROLES) {
      for (const status of STATUSES) {
        for (const own of [true, false]) {
          const allowedRole = (own ? ownRoles : otherRoles).includes(role);
          const expected = allowedRole && from.includes(status);
          it(`${role} ${expected ? "may" : "may not"} ${name} ${own ? "their own" : "another's"} ${status} post`, () => {
            const check = checkTransition({ id: OWNER, role }, { authorId: own ? OWNER : OTHER, status, deleted: false }, name);
            expect(check.ok).toBe(expected);
            if (!check.ok) expect(check.reason).toBe(allowedRole ? "status" : "forbidden");
          });
        }
      }
    }
  }

  it("covers every transition the code defines", () => {
    expect(EXPECTED.map(([name]) => name).sort()).toEqual([...TRANSITION_NAMES].sort());
  });

  it("allows nothing on a post in the trash, and says why in Vietnamese", () => {
    for (const role of ROLES) {
      expect(availableTransitions({ id: OWNER, role }, { authorId: OWNER, status: "draft", deleted: true })).toEqual([]);
    }
    const check = checkTransition({ id: 1, role: "editor" }, { authorId: 1, status: "draft", deleted: true }, "publish");
    expect(check).toMatchObject({ ok: false, message: "Bài viết đang ở Thùng rác. Hãy khôi phục trước." });
  });

  it("lists the buttons an author and an editor see on a pending post", () => {
    expect(availableTransitions({ id: OWNER, role: "author" }, { authorId: OWNER, status: "pending", deleted: false })).toEqual(["withdraw"]);
    expect(availableTransitions({ id: OTHER, role: "editor" }, { authorId: OWNER, status: "pending", deleted: false })).toEqual(["withdraw", "reject", "publish", "schedule"]);
  });

  it("names the status in a refusal", () => {
    const check = checkTransition({ id: 1, role: "editor" }, { authorId: 1, status: "published", deleted: false }, "submit");
    expect(check).toMatchObject({ ok: false, message: "Không thể “Gửi duyệt” khi bài viết đã xuất bản. Hãy tải lại trang để xem trạng thái mới nhất." });
  });
});
