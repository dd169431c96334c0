import type { ContentKind } from "@/db/vocabulary";
import { KINDS } from "@/lib/content/kinds";
import type { PostFormFields } from "@/lib/editor/post-form";
import type { PagePlacement } from "./sections";

/**
 * The address the form's slug gives, as readers will see it: a news post's `/tin-tuc/<slug>`, a
 * page's whole path under the parent chosen now (`/gioi-thieu/co-cau-to-chuc`). "…" while empty.
 */
export function publicAddress(kind: ContentKind, fields: Pick<PostFormFields, "slug" | "parentId">, placement: PagePlacement | null): string {
  const segment = fields.slug.trim() || "…";
  const parentPath = placement?.parents.find((option) => String(option.id) === fields.parentId)?.path;
  return KINDS[kind].href(parentPath ? `${parentPath}/${segment}` : segment, "vi");
}
