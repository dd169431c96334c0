/** The order of categories in the navigation. */
import { describe, expect, it } from "vitest";
import { ensureCategory } from "@/lib/dal/categories/names";
import { CATEGORY_ADMIN_MESSAGES, moveCategoryFor, setCategoryOrderFor } from "@/lib/dal/categories/queries";
import { db, actor, create, allCategories, lastLog, navOrder, snapshot } from "./helpers/categories-world";

describe("ordering", () => {
  it("moves a category up and down the navigation, and does nothing at either end", () => {
    const editor = actor("editor");
    const [a, b, c] = ["Một", "Hai", "Ba"].map((name) => create(editor, name));
    expect(navOrder(editor)).toEqual(["Một", "Hai", "Ba"]);
    expect(moveCategoryFor(db, editor, c!.id, "up")).toMatchObject({ ok: true, position: 2 });
    expect(navOrder(editor)).toEqual(["Một", "Ba", "Hai"]);
    expect(lastLog()).toMatchObject({ action: "category.reorder", objectId: String(c!.id) });
    expect(moveCategoryFor(db, editor, a!.id, "down").ok).toBe(true);
    expect(navOrder(editor)).toEqual(["Ba", "Một", "Hai"]);
    expect(allCategories().map((r) => r.position).sort()).toEqual([1, 2, 3]);

    const before = snapshot();
    expect(moveCategoryFor(db, editor, c!.id, "up")).toMatchObject({ ok: true, message: "“Ba” đã ở đầu danh sách." });
    expect(moveCategoryFor(db, editor, b!.id, "down")).toMatchObject({ ok: true, message: "“Hai” đã ở cuối danh sách." });
    expect(snapshot()).toEqual(before);
    expect(moveCategoryFor(db, editor, 9999, "up")).toEqual({ ok: false, message: CATEGORY_ADMIN_MESSAGES.notFound });
  });

  it("sets the whole order at once, refusing a list that does not name every category exactly once", () => {
    const editor = actor("editor");
    const [a, b, c] = ["Một", "Hai", "Ba"].map((name) => create(editor, name));
    expect(setCategoryOrderFor(db, editor, [c!.id, a!.id, b!.id]).ok).toBe(true);
    expect(navOrder(editor)).toEqual(["Ba", "Một", "Hai"]);
    const before = snapshot();
    for (const ids of [[c!.id, a!.id], [c!.id, a!.id, a!.id], [c!.id, a!.id, b!.id, 9999], [c!.id, a!.id, 9999]]) {
      expect(setCategoryOrderFor(db, editor, ids)).toEqual({ ok: false, message: CATEGORY_ADMIN_MESSAGES.staleOrder });
    }
    expect(setCategoryOrderFor(db, editor, [c!.id, a!.id, b!.id])).toMatchObject({ ok: true, message: CATEGORY_ADMIN_MESSAGES.unchanged });
    expect(snapshot()).toEqual(before);
  });

  it("orders imported categories (ensureCategory) after the existing ones", () => {
    const editor = actor("editor");
    create(editor, "Một");
    create(editor, "Hai");
    db.transaction((tx) => ensureCategory(tx, "Nhập từ trang cũ"));
    expect(navOrder(editor)).toEqual(["Một", "Hai", "Nhập từ trang cũ"]);
  });
});
