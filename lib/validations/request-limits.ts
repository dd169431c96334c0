/*
 * How large a request body may be, per kind of endpoint. server.ts enforces them while the body
 * streams in (lib/server/body-limit.ts); the forms' own rules stay inside them. No imports:
 * next.config.ts reads this file too.
 */

const KIB = 1024;
const MIB = 1024 * KIB;

/** The editor's JSON as sent by the form, in UTF-16 code units; far above any real article, it only stops abuse. */
export const BODY_JSON_MAX = 2_000_000;

/**
 * A post form (server action or autosave): the longest body the validation accepts (UTF-8 needs at
 * most 3 bytes per UTF-16 code unit), plus the one-line fields and the multipart framing.
 */
export const POST_FORM_MAX_BYTES = 3 * BODY_JSON_MAX + MIB;

/** One image upload: the 20 MB file (lib/media/process.ts) plus its multipart framing. */
export const UPLOAD_MAX_BYTES = 21 * MIB;

/** Sign-in, public pages, and staff addresses asked without a live session. */
export const ANONYMOUS_MAX_BYTES = 64 * KIB;

/** One document file: the highest size setting an admin may choose (500 MB) plus its multipart framing. */
export const ATTACHMENT_UPLOAD_CEILING_BYTES = 501 * MIB;
