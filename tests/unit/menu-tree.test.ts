import { describe, expect, it } from "vitest";
import { canIndent, dropBefore, indent, moveDown, moveUp, outdent, positionOf, removeAt, shapeProblem } from "@/lib/menus/tree";

type Item = { label: string; depth: 0 | 1 };
// "A", "-a1" (under A), "B"…: a menu written the way it reads.
const menu = (...labels: string[]): Item[] => labels.map((label) => (label.startsWith("-") ? { label: label.slice(1), depth: 1 } : { label, depth: 0 }));
const show = (items: readonly Item[]) => items.map((item) => (item.depth === 1 ? `-${item.label}` : item.label));

describe("menu tree: moving by keyboard buttons", () => {
  const start = menu("A", "-a1", "-a2", "B", "-b1", "C");

  it("moves a top-level entry with its own entries", () => {
    expect(show(moveUp(start, 3))).toEqual(["B", "-b1", "A", "-a1", "-a2", "C"]);
    expect(show(moveDown(start, 0))).toEqual(["B", "-b1", "A", "-a1", "-a2", "C"]);
    expect(show(moveDown(start, 3))).toEqual(["A", "-a1", "-a2", "C", "B", "-b1"]);
  });

  it("does nothing at either end", () => {
    expect(moveUp(start, 0)).toBe(start);
    expect(moveDown(start, 5)).toBe(start);
  });

  it("moves an entry among its siblings, and across to the next parent at the edge", () => {
    expect(show(moveDown(start, 1))).toEqual(["A", "-a2", "-a1", "B", "-b1", "C"]);
    expect(show(moveUp(start, 2))).toEqual(["A", "-a2", "-a1", "B", "-b1", "C"]);
    // a2 is last under A: down puts it first under B.
    expect(show(moveDown(start, 2))).toEqual(["A", "-a1", "B", "-a2", "-b1", "C"]);
    // b1 is first under B: up puts it last under A.
    expect(show(moveUp(start, 4))).toEqual(["A", "-a1", "-a2", "-b1", "B", "C"]);
    // a1 is first under the first entry: nowhere to go.
    expect(moveUp(start, 1)).toBe(start);
  });

  it("indents only a top-level entry without entries of its own, and not the first", () => {
    expect(canIndent(start, 0, 1)).toBe(false);
    expect(canIndent(start, 3, 1)).toBe(false); // B has b1
    expect(canIndent(start, 5, 1)).toBe(true);
    expect(canIndent(start, 5, 0)).toBe(false); // one-level menus
    expect(show(indent(start, 5, 1))).toEqual(["A", "-a1", "-a2", "B", "-b1", "-C"]);
  });

  it("outdents an entry to just after its parent's list", () => {
    expect(show(outdent(start, 1))).toEqual(["A", "-a2", "a1", "B", "-b1", "C"]);
    expect(outdent(start, 0)).toBe(start);
  });

  it("removing an entry keeps the entries under it, at the top level", () => {
    expect(show(removeAt(start, 0))).toEqual(["a1", "a2", "B", "-b1", "C"]);
    expect(show(removeAt(start, 4))).toEqual(["A", "-a1", "-a2", "B", "C"]);
  });

  it("says where an entry is", () => {
    expect(positionOf(start, 3)).toEqual({ position: 2, count: 3, parent: null });
    expect(positionOf(start, 2)).toEqual({ position: 2, count: 2, parent: "A" });
  });
});

describe("menu tree: drag and drop", () => {
  const start = menu("A", "-a1", "B", "C");

  it("drops an entry before another, at that entry's level", () => {
    expect(show(dropBefore(start, 3, 0, 1))).toEqual(["C", "A", "-a1", "B"]);
    expect(show(dropBefore(start, 3, 1, 1))).toEqual(["A", "-C", "-a1", "B"]);
    expect(show(dropBefore(start, 1, 3, 1))).toEqual(["A", "B", "a1", "C"]);
    expect(show(dropBefore(start, 0, 4, 1))).toEqual(["B", "C", "A", "-a1"]);
  });

  it("refuses a drop inside itself, and an entry with entries going under another", () => {
    expect(dropBefore(start, 0, 1, 1)).toBe(start);
    expect(dropBefore(menu("A", "B", "-b1"), 1, 0, 1)).toEqual(menu("B", "-b1", "A"));
    expect(dropBefore(menu("A", "-a1", "B", "-b1"), 2, 1, 1)).toEqual(menu("A", "-a1", "B", "-b1"));
  });

  it("dropping an entry just after itself at another level changes its level only", () => {
    expect(show(dropBefore(start, 1, 2, 1))).toEqual(["A", "a1", "B", "C"]);
    expect(dropBefore(start, 2, 3, 1)).toBe(start);
  });

  it("keeps one-level menus flat, and the first entry at the top", () => {
    expect(show(dropBefore(menu("A", "B", "C"), 2, 1, 0))).toEqual(["A", "C", "B"]);
    expect(show(dropBefore(start, 1, 0, 1))).toEqual(["a1", "A", "B", "C"]);
  });
});

describe("menu tree: shape checks", () => {
  it("accepts two levels in the header only", () => {
    expect(shapeProblem(menu("A", "-a1"), "header")).toBeNull();
    expect(shapeProblem(menu("A", "-a1"), "footer")).toBe("Trình đơn này chỉ có một cấp, không có mục con.");
    expect(shapeProblem(menu("-a1", "A"), "header")).toBe("Mục đầu tiên phải là mục cấp trên.");
    expect(shapeProblem(Array.from({ length: 61 }, () => ({ depth: 0 as const })), "header")).toBe("Trình đơn này có tối đa 60 mục.");
  });
});
