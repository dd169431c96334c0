import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { ACTIONS, can, type Action } from "@/lib/auth/permissions";

// The expected table written out in full, so any change to a role's rights shows up here.
const expected: Record<Action, Role[]> = {
  "admin:enter": ["admin", "editor", "author"],
  "post:create": ["admin", "editor", "author"],
  "post:edit-own": ["admin", "editor", "author"],
  "post:edit-any": ["admin", "editor"],
  "post:submit": ["admin", "editor", "author"],
  "post:publish": ["admin", "editor"],
  "page:create-top-level": ["admin", "editor"],
  "post:unpublish": ["admin", "editor"],
  "post:delete-own-draft": ["admin", "editor", "author"],
  "post:delete-any": ["admin", "editor"],
  "post:restore": ["admin", "editor"],
  "post:correct": ["admin", "editor"],
  "trash:empty": ["admin"],
  "category:manage": ["admin", "editor"],
  "menu:manage": ["admin", "editor"],
  "home:manage": ["admin", "editor"],
  "media:upload": ["admin", "editor", "author"],
  "media:manage": ["admin", "editor"],
  "user:manage": ["admin"],
  "activity:read": ["admin"],
  "settings:manage": ["admin"],
};

describe("permission table", () => {
  it("lists every action", () => {
    expect(Object.keys(expected).sort()).toEqual([...ACTIONS].sort());
  });
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = expected[action].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }
  it("an unknown role may do nothing", () => {
    expect(can("guest" as Role, "admin:enter")).toBe(false);
  });
});
