import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import TextAlign from "@tiptap/extension-text-align";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { CaptionParagraph } from "@/lib/richtext/nodes/caption-paragraph";
import { Figure } from "@/lib/richtext/nodes/figure";
import { Gallery } from "@/lib/richtext/nodes/gallery";
import { isAllowedHref } from "@/lib/richtext/links";

/**
 * The one set of extensions: the editor builds its schema from it and the server renders stored
 * documents with it, so what the editor shows is what the public page shows.
 */
export const richTextExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: ["http", "https", "mailto"],
      isAllowedUri: (url) => isAllowedHref(url),
      HTMLAttributes: { rel: null, target: null },
    },
  }),
  TextAlign.configure({ types: ["heading", "paragraph"], alignments: ["left", "center", "right", "justify"] }),
  // Column widths are not offered: a table in a news post follows the column, on any screen.
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  Figure,
  Gallery,
  CaptionParagraph,
];
