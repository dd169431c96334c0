/** The bounds of the documents' file size setting, for the data layer and the form alike (no database here). */
import { DEFAULT_MAX_ATTACHMENT_BYTES } from "@/lib/attachments/kinds";

export const ATTACHMENT_LIMIT_MB = { min: 1, max: 500, default: DEFAULT_MAX_ATTACHMENT_BYTES / (1024 * 1024) } as const;
