import type { MenuEditorItem } from "@/lib/dal/menus";
import { TARGET_STATE_LABELS, type TargetState } from "@/lib/menus/target-state";
import type { MenuTarget } from "@/lib/menus/tree";
import { menuLabelProblem, menuUrlProblem } from "@/lib/validations/menu";

/** An entry as the menu editor holds it: the saved fields, where its target stands, and a key for React and focus. */
export type EditorItem = Omit<MenuEditorItem, "depth"> & { depth: 0 | 1; key: string };

let next = 0;
export const newKey = () => `muc-${Date.now().toString(36)}-${(next++).toString(36)}`;

export const withKeys = (items: readonly MenuEditorItem[]): EditorItem[] => items.map((item) => ({ ...item, key: newKey() }));

/** What is saved: label, level and target, nothing the server works out again. */
export const serialize = (items: readonly EditorItem[]) => JSON.stringify(items.map(({ label, depth, target }) => ({ label, depth, target })));

export const TARGET_KIND_LABELS: Record<MenuTarget["kind"], string> = { category: "Chuyên mục", page: "Trang", post: "Bài viết", url: "Địa chỉ" };

/** "Không hiện trên trang: bài viết đang ở thùng rác", or null for a target readers can open. */
export function hiddenReason(item: Pick<EditorItem, "target" | "state">, parentHidden: boolean): string | null {
  if (item.state !== "live") return `Không hiện trên trang: ${TARGET_KIND_LABELS[item.target.kind].toLowerCase()} ${TARGET_STATE_LABELS[item.state as Exclude<TargetState, "live">]}.`;
  if (parentHidden) return "Không hiện trên trang: mục cấp trên của nó đang bị ẩn.";
  return null;
}

/** Whether each entry shows on the public site: a live target, and a shown parent for an entry under one. */
export function visibility(items: readonly EditorItem[]): boolean[] {
  let parentShown = false;
  return items.map((item) => {
    const live = item.state === "live";
    if (item.depth === 0) {
      parentShown = live;
      return live;
    }
    return live && parentShown;
  });
}

/** The first problem of each entry (an empty name, a bad address), by key; the same rules as the server's. */
export function itemProblems(items: readonly EditorItem[]): Map<string, string> {
  const problems = new Map<string, string>();
  for (const item of items) {
    const problem = menuLabelProblem(item.label.trim()) ?? (item.target.kind === "url" ? menuUrlProblem(item.target.url.trim()) : null);
    if (problem) problems.set(item.key, problem);
  }
  return problems;
}

/** An address on another host than this admin's own: readers see it marked as leaving the site. */
export function isExternalAddress(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).host !== window.location.host;
  } catch {
    return true;
  }
}
