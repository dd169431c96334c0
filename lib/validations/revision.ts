import { z } from "zod";
import { postIdField, postVersionField } from "./post";

const REVISION_INVALID = "Không tìm thấy phiên bản này.";

export const revisionIdField = z.coerce.number({ error: REVISION_INVALID }).int(REVISION_INVALID).positive(REVISION_INVALID);

/** `Khôi phục phiên bản này`: the post, the revision, and the post's version the person was looking at. */
export const restoreRevisionSchema = z.object({ id: postIdField, revision: revisionIdField, version: postVersionField });

const optionalRevision = revisionIdField.optional().catch(undefined);

/** The comparison's query string; an odd value is ignored (the default comparison is shown). */
export const revisionCompareQuerySchema = z.object({ from: optionalRevision, to: optionalRevision });

/** The history's page number; anything odd is page 1. */
export const revisionPageQuerySchema = z.object({ page: z.coerce.number().int().min(1).catch(1) });
