import { z } from "zod";
import { cleanLine } from "@/lib/vi/text";
import { postIdField } from "./post";

/** Rules of a correction notice (Đính chính), shared by the form and the server. */
export const CORRECTION_MAX = 1000;

export const CORRECTION_MESSAGES = {
  textRequired: "Vui lòng nhập nội dung đính chính.",
  textTooLong: `Nội dung đính chính không được dài quá ${CORRECTION_MAX} ký tự.`,
} as const;

/** One paragraph of plain text: NFC, spaces collapsed, counted in letters as a person counts them. */
export const correctionTextSchema = z
  .string({ error: CORRECTION_MESSAGES.textRequired })
  .transform(cleanLine)
  .pipe(
    z
      .string()
      .min(1, CORRECTION_MESSAGES.textRequired)
      .refine((s) => [...s].length <= CORRECTION_MAX, CORRECTION_MESSAGES.textTooLong),
  );

export const addCorrectionSchema = z.object({ id: postIdField, text: correctionTextSchema });
