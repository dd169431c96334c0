import type { MenuLocation } from "@/db/vocabulary";
import { ExternalMark } from "@/components/site/MenuLink";
import type { EditorItem } from "./menu-items";

type Shown = { label: string; external: boolean; children: Shown[] };

/** The entries readers would see, as a tree: hidden targets left out, and the entries under a hidden one with it. */
export function shownTree(items: readonly EditorItem[], visible: readonly boolean[]): Shown[] {
  const tree: Shown[] = [];
  items.forEach((item, index) => {
    if (!visible[index]) return;
    const node = { label: item.label.trim() || "(chưa có tên)", external: item.external, children: [] };
    if (item.depth === 0) tree.push(node);
    else tree.at(-1)?.children.push(node);
  });
  return tree;
}

/**
 * What the public site would show with the list as it is on the screen, saved or not: the header
 * on the site's red with each entry's own entries under it, or a plain list for the footer and
 * the "Liên kết" list. Text only: it is a picture of the menu, not a second menu to use.
 */
export function MenuPreview({ location, tree }: { location: MenuLocation; tree: Shown[] }) {
  if (tree.length === 0) return <p className="text-muted">Trình đơn này sẽ không hiện mục nào.</p>;
  if (location === "header") {
    return (
      <div className="on-brand rounded-md bg-brand p-2 text-brand-ink" data-menu-preview="">
        <ul className="flex flex-wrap gap-x-6 gap-y-3">
          {tree.map((node, index) => (
            <li key={index} className="px-2 py-1">
              <span className="font-semibold">
                {node.label}
                {node.external && <ExternalMark />}
                {node.children.length > 0 && " ▾"}
              </span>
              {node.children.length > 0 && (
                <ul className="mt-1 border-l-2 border-brand-ink/60 pl-3 text-sm">
                  {node.children.map((child, childIndex) => (
                    <li key={childIndex}>
                      {child.label}
                      {child.external && <ExternalMark />}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <ul className="rounded-md bg-surface p-3" data-menu-preview="">
      {tree.map((node, index) => (
        <li key={index} className="py-1 text-link underline underline-offset-4">
          {node.label}
          {node.external && <ExternalMark />}
        </li>
      ))}
    </ul>
  );
}
