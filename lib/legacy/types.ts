/** Shapes produced by the legacy text export parser. */

export type LegacyBlock =
  | { type: "paragraph"; text: string }
  /** An all-caps line or a numbered section title such as `I. KẾT QUẢ ĐẠT ĐƯỢC`. */
  | { type: "heading"; text: string }
  /** A caption whose photo did not survive the export. */
  | { type: "caption"; text: string }
  /** A line that is only an image URL, with the caption line that followed it, if any. */
  | { type: "figure"; src: string; caption: string | null };

export type LegacyPost = {
  title: string;
  publishedAt: Date;
  lead: string;
  source: string;
  blocks: LegacyBlock[];
};

export type LegacyParseResult =
  | { ok: true; post: LegacyPost; warnings: string[] }
  /** `reason` is shown to editors as is, hence Vietnamese. */
  | { ok: false; reason: string };

/** What an import dry run prints per file. */
export type LegacyDryRunRecord = {
  title: string;
  slug: string;
  /** ISO 8601 with the +07:00 offset. */
  publishedAt: string;
  lead: string;
  source: string;
  /** Caption blocks and figure captions, in order. */
  captions: string[];
  /** Paragraph and heading texts, in order. */
  paragraphs: string[];
};
