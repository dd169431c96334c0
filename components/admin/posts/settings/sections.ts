import type { ComponentType, ReactNode } from "react";
import type { ContentKind } from "@/db/vocabulary";
import type { PagePlacement } from "@/lib/dal/pages";
import type { Option } from "@/lib/dal/posts";
import type { EditablePost, Featured } from "@/lib/editor/post-form";
import type { PickableDocument } from "@/lib/editor/related-documents";
import type { AccessibilityFinding } from "@/lib/workflow/accessibility";
import type { ChecklistItem } from "@/lib/workflow/checklist";
import type { PostFieldsState } from "../usePostFields";

export type { PagePlacement };

/**
 * The settings panel is a list of sections, each built from what the form knows. A kind of content
 * is the list it uses: news takes NEWS_SECTIONS; a page drops the category and source sections and
 * adds its parent page (PAGE_SECTIONS); a legal document would add its number, issuer and dates.
 */
export type SettingsSection = {
  id: string;
  /** A heading for the section; a section of one labelled field needs none. */
  title?: string;
  /** Whether it applies: some only to a saved post, some only to a new one. */
  shows?: (post: EditablePost | null) => boolean;
  Content: ComponentType<SectionContext>;
};

/** What a section may read and change: the form's fields and errors, and the screen's facts. */
export type SectionContext = {
  kind: ContentKind;
  post: EditablePost | null;
  form: PostFieldsState;
  errors: Record<string, string>;
  categories: Option[];
  /** A page's placement in the tree; null for news. */
  placement: PagePlacement | null;
  featured: Featured;
  setFeatured: (featured: Featured) => void;
  slugAuto: boolean;
  setSlugAuto: (auto: boolean) => void;
  /** The post's facts as the server has them (status, author, times, public address): rendered by the page. */
  facts: ReactNode;
  /** Published or scheduled: a save changes what readers see (or will see). */
  isPublic: boolean;
  /** On the public site now (corrections can be added). */
  isLive: boolean;
  checklist: ChecklistItem[];
  findings: AccessibilityFinding[];
  goToFinding: (finding: AccessibilityFinding) => void;
  /** "Văn bản liên quan" picked from the registry, in order. */
  relatedDocuments: PickableDocument[];
  setRelatedDocuments: (documents: PickableDocument[]) => void;
  /** A new post's title and body from a Word file. */
  importWord: (result: { title: string; content: unknown }) => void;
};
