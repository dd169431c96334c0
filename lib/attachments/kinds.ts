/** The file types a document may carry. Anything else is refused, whatever its name says. */
export const ATTACHMENT_KINDS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export type AttachmentType = {
  /** The exact Content-Type it is served with. */
  mimeType: string;
  /** The extension of its stored and downloaded name, without the dot. */
  extension: string;
  /** What readers see next to the link, with the size (`PDF, 1,2 MB`). */
  label: string;
};

export const ATTACHMENT_TYPES: Readonly<Record<AttachmentKind, AttachmentType>> = {
  pdf: { mimeType: "application/pdf", extension: "pdf", label: "PDF" },
  doc: { mimeType: "application/msword", extension: "doc", label: "Word (DOC)" },
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx", label: "Word (DOCX)" },
  xls: { mimeType: "application/vnd.ms-excel", extension: "xls", label: "Excel (XLS)" },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx", label: "Excel (XLSX)" },
  odt: { mimeType: "application/vnd.oasis.opendocument.text", extension: "odt", label: "OpenDocument (ODT)" },
  ods: { mimeType: "application/vnd.oasis.opendocument.spreadsheet", extension: "ods", label: "OpenDocument (ODS)" },
  zip: { mimeType: "application/zip", extension: "zip", label: "ZIP" },
};

/** The upload limit when the site's setting does not say otherwise. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export type AttachmentErrorStatus = 400 | 413 | 415 | 422;

/** A refused file, with the HTTP status and the Vietnamese message the uploader sees. */
export class AttachmentError extends Error {
  constructor(
    message: string,
    readonly status: AttachmentErrorStatus,
  ) {
    super(message);
    this.name = "AttachmentError";
  }
}
