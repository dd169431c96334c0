/**
 * A menu as its editor holds it: a flat list in reading order where each entry has a depth (0 for
 * the top level, 1 for an entry under the nearest top-level entry above it), the model WordPress's
 * menu editor uses. Moving, indenting and dragging are functions from one list to the next, pure,
 * so the editor and its tests read the same rules, and the server checks a saved list with them.
 */
import type { MenuLocation, MenuTargetKind } from "@/db/vocabulary";

export type MenuTarget = { kind: Exclude<MenuTargetKind, "url">; id: number } | { kind: "url"; url: string };

export type FlatItem = { depth: 0 | 1 };

/** One key per target: entries pointing at the same thing share it (the activity log compares lists by it). */
export const targetKey = (target: MenuTarget) => (target.kind === "url" ? `url:${target.url}` : `${target.kind}:${target.id}`);

/** What each menu is for and how deep it goes: only the header has entries under entries. */
export const MENU_RULES: Readonly<Record<MenuLocation, { title: string; description: string; maxDepth: 0 | 1; maxItems: number }>> = {
  header: {
    title: "Trình đơn đầu trang",
    description: "Thanh điều hướng chính trên mọi trang, hai cấp: mỗi mục có thể có các mục con.",
    maxDepth: 1,
    maxItems: 60,
  },
  footer: {
    title: "Liên kết chân trang",
    description: "Các liên kết ở chân mọi trang (giới thiệu, liên hệ, tuyên bố khả năng tiếp cận…).",
    maxDepth: 0,
    maxItems: 30,
  },
  links: {
    title: "Liên kết",
    description: "Danh sách trang thông tin của các cơ quan liên quan, ở cột bên trang chủ và chân trang.",
    maxDepth: 0,
    maxItems: 40,
  },
};

export const MENU_LABEL_MAX = 80;
export const MENU_URL_MAX = 2048;

/** The entry and the entries under it: [start, end). */
export function blockOf(items: readonly FlatItem[], index: number): [number, number] {
  let end = index + 1;
  if (items[index]?.depth === 0) while (end < items.length && items[end]!.depth > 0) end++;
  return [index, end];
}

function previousTopLevel(items: readonly FlatItem[], before: number): number {
  for (let i = before - 1; i >= 0; i--) if (items[i]!.depth === 0) return i;
  return -1;
}

function moveSlice<T>(items: readonly T[], start: number, end: number, to: number): T[] {
  const moved = items.slice(start, end);
  const rest = [...items.slice(0, start), ...items.slice(end)];
  const at = to > start ? to - (end - start) : to;
  return [...rest.slice(0, at), ...moved, ...rest.slice(at)];
}

const withDepth = <T extends FlatItem>(item: T, depth: 0 | 1): T => (item.depth === depth ? item : { ...item, depth });

/**
 * One step up among its siblings. A top-level entry moves with its entries; an entry under another
 * that is already first there moves to the end of the previous top-level entry's list.
 * Returns the same array when nothing can move.
 */
export function moveUp<T extends FlatItem>(items: readonly T[], index: number): readonly T[] {
  const item = items[index];
  if (!item) return items;
  if (item.depth === 0) {
    const previous = previousTopLevel(items, index);
    if (previous === -1) return items;
    const [start, end] = blockOf(items, index);
    return moveSlice(items, start, end, previous);
  }
  if (items[index - 1]?.depth === 1) return moveSlice(items, index, index + 1, index - 1);
  // First under its parent (at index - 1): over the parent, into the list of the one before it.
  if (previousTopLevel(items, index - 1) === -1) return items;
  return moveSlice(items, index, index + 1, index - 1);
}

/** One step down among its siblings (the mirror of moveUp). */
export function moveDown<T extends FlatItem>(items: readonly T[], index: number): readonly T[] {
  const item = items[index];
  if (!item) return items;
  if (item.depth === 0) {
    const [start, end] = blockOf(items, index);
    if (end >= items.length) return items;
    const [, nextEnd] = blockOf(items, end);
    return moveSlice(items, end, nextEnd, start);
  }
  if (index + 1 >= items.length) return items;
  if (items[index + 1]!.depth === 1) return moveSlice(items, index + 1, index + 2, index);
  // Last under its parent: becomes the first entry under the next top-level entry.
  return moveSlice(items, index, index + 1, index + 2);
}

/** Whether the entry can go under the top-level entry above it: not the first, not already under one, no entries of its own. */
export function canIndent(items: readonly FlatItem[], index: number, maxDepth: 0 | 1): boolean {
  return maxDepth === 1 && index > 0 && items[index]?.depth === 0 && items[index + 1]?.depth !== 1;
}

/** Puts the entry under the top-level entry above it, at the end of that entry's list. */
export function indent<T extends FlatItem>(items: readonly T[], index: number, maxDepth: 0 | 1): readonly T[] {
  if (!canIndent(items, index, maxDepth)) return items;
  return items.map((item, i) => (i === index ? withDepth(item, 1) : item));
}

/** Takes an entry out from under its parent: it becomes the top-level entry right after the parent's list. */
export function outdent<T extends FlatItem>(items: readonly T[], index: number): readonly T[] {
  if (items[index]?.depth !== 1) return items;
  const parent = previousTopLevel(items, index);
  const [, end] = blockOf(items, parent);
  const moved = moveSlice(items, index, index + 1, end);
  const at = end - 1;
  return moved.map((item, i) => (i === at ? withDepth(item, 0) : item));
}

/** Removes an entry; the entries under it stay, moved up to the top level. */
export function removeAt<T extends FlatItem>(items: readonly T[], index: number): readonly T[] {
  const [, end] = blockOf(items, index);
  return items.flatMap((item, i) => (i === index ? [] : i > index && i < end ? [withDepth(item, 0)] : [item]));
}

/**
 * Drag and drop: the entry (with its own entries) is put before the entry at `before` (or at the
 * end), taking that entry's level. An entry with entries of its own stays at the top level, and a
 * drop inside itself changes nothing. Returns the same array when the drop is refused.
 */
export function dropBefore<T extends FlatItem>(items: readonly T[], from: number, before: number, maxDepth: 0 | 1): readonly T[] {
  const [start, end] = blockOf(items, from);
  // Inside itself, or onto its own place.
  if (before > start && before < end) return items;
  if (before === start) return items;
  const target = items[before];
  const hasChildren = end - start > 1;
  let depth: 0 | 1 = target && maxDepth === 1 ? target.depth : 0;
  if (hasChildren && depth === 1) return items;
  const at = before > start ? before - (end - start) : before;
  if (at === 0) depth = 0;
  const moved = before === end ? [...items] : moveSlice(items, start, end, before);
  if (before === end && moved[at]!.depth === depth) return items;
  return moved.map((item, i) => (i === at ? withDepth(item, depth) : item));
}

/** Where each entry sits, for labels and announcements: "mục 2 trong 5" or "mục con 1 trong 3 của “Giới thiệu”". */
export function positionOf(items: readonly (FlatItem & { label: string })[], index: number): { position: number; count: number; parent: string | null } {
  const item = items[index]!;
  if (item.depth === 0) {
    const tops = items.map((it, i) => (it.depth === 0 ? i : -1)).filter((i) => i >= 0);
    return { position: tops.indexOf(index) + 1, count: tops.length, parent: null };
  }
  const parent = previousTopLevel(items, index);
  const [, end] = blockOf(items, parent);
  return { position: index - parent, count: end - parent - 1, parent: items[parent]!.label };
}

/** The problem with a list's shape for this menu, or null: the first entry at the top, no deeper than allowed, not too many. */
export function shapeProblem(items: readonly FlatItem[], location: MenuLocation): string | null {
  const rules = MENU_RULES[location];
  if (items.length > rules.maxItems) return `Trình đơn này có tối đa ${rules.maxItems} mục.`;
  if (items.some((item) => item.depth > rules.maxDepth)) return "Trình đơn này chỉ có một cấp, không có mục con.";
  if (items[0] && items[0].depth !== 0) return "Mục đầu tiên phải là mục cấp trên.";
  return null;
}
