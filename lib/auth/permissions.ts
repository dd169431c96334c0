import type { Role } from "@/db/vocabulary";

/** Everything a staff member can be allowed to do; checked on the server by the data access layer. */
export const ACTIONS = [
  "admin:enter",
  "post:create",
  "post:edit-own",
  "post:edit-any",
  "post:submit",
  "post:publish",
  "post:unpublish",
  "post:delete-own-draft",
  "post:delete-any",
  "post:restore",
  "post:correct",
  "page:create-top-level",
  "trash:empty",
  "category:manage",
  "menu:manage",
  "home:manage",
  "media:upload",
  "media:manage",
  "user:manage",
  "activity:read",
  "settings:manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const AUTHOR: readonly Action[] = ["admin:enter", "post:create", "post:edit-own", "post:submit", "post:delete-own-draft", "media:upload"];
const EDITOR: readonly Action[] = [
  ...AUTHOR,
  "post:edit-any",
  "post:publish",
  "post:unpublish",
  "post:delete-any",
  "post:restore",
  "post:correct",
  "page:create-top-level",
  "category:manage",
  "menu:manage",
  "home:manage",
  "media:manage",
];
const ADMIN: readonly Action[] = [...EDITOR, "trash:empty", "user:manage", "activity:read", "settings:manage"];

/** The permission table, as data: role → what it may do (PRODUCT.md, "Who uses it"). */
export const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  author: new Set(AUTHOR),
  editor: new Set(EDITOR),
  admin: new Set(ADMIN),
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role]?.has(action) ?? false;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Quản trị viên",
  editor: "Biên tập viên",
  author: "Tác giả",
};
