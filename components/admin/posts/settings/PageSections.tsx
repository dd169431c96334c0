"use client";

import { SelectField } from "@/components/ui/SelectField";
import { checklistSection, featuredSection, historySection, importSection, relatedDocumentsSection, presenceSection, publishTimeSection, seoSection, slugSection, statusSection } from "./NewsSections";
import type { SectionContext, SettingsSection } from "./sections";

/*
 * A standing page's settings panel: the news sections without the category and the source line,
 * and with the page's place in the tree. The slug section shows the page's whole path.
 */

/** The parent page: the tree, indented, without the page itself and what is below it (the server left those out). */
function ParentPageField({ post, form, errors, placement }: SectionContext) {
  if (!placement) return null;
  // A page already at the top may stay there; only editors and admins may put one there (checked again on save).
  const topAllowed = placement.mayCreateTopLevel || (post !== null && post.parentId === null);
  const none = topAllowed ? "(Không có: trang ở cấp cao nhất)" : "(Chọn trang cha)";
  return (
    <SelectField
      label="Trang cha"
      {...form.bind("parentId")}
      error={errors.parentId}
      hint={topAllowed ? "Đường dẫn của trang đi theo trang cha." : "Chỉ biên tập viên và quản trị viên tạo được trang ở cấp cao nhất: hãy chọn trang cha."}
      options={[{ value: "", label: none }, ...placement.parents.map((option) => ({ value: String(option.id), label: option.label }))]}
    />
  );
}

export const parentSection: SettingsSection = { id: "parent", Content: ParentPageField };

/** A page's panel. */
export const PAGE_SECTIONS: readonly SettingsSection[] = [
  importSection,
  statusSection,
  checklistSection,
  parentSection,
  slugSection,
  featuredSection,
  publishTimeSection,
  seoSection,
  relatedDocumentsSection,
  historySection,
  presenceSection,
];
