import { z } from "zod";
import { VALIDITY_STATUSES } from "@/db/vocabulary";
import { parseDocumentNumber } from "@/lib/documents/number";
import { checkValidityDates } from "@/lib/documents/status";
import { parseCalendarDay } from "@/lib/vi/calendar-day";
import { cleanLine } from "@/lib/vi/text";

/*
 * The registry fields of a legal document (the rest of a document is a post's content: the trích
 * yếu is its title, the note its body). Shared by the edit form, its actions, the CSV importer and
 * the data layer; client code imports it, so nothing from db/ but the vocabulary.
 */

export const ISSUER_MAX = 200;
export const SIGNER_MAX = 200;
export const FIELD_NAME_MAX = 100;
export const FIELDS_MAX = 20;
export const URL_MAX = 2000;
export const RELATIONS_MAX = 50;

export const DOCUMENT_MESSAGES = {
  typeRequired: "Vui lòng chọn loại văn bản.",
  typeMissing: "Loại văn bản này không còn trong danh sách. Hãy chọn loại khác.",
  numberRequired: "Vui lòng nhập số/ký hiệu, ví dụ 65/2023/NĐ-CP.",
  numberInvalid: "Số/ký hiệu không đúng dạng. Ví dụ: 65/2023/NĐ-CP, 1234/QĐ-SHTT, 05/CT-TTg, 35-NQ/TW.",
  numberTaken: "Cơ quan này đã có văn bản cùng số/ký hiệu trong sổ văn bản.",
  issuerRequired: "Vui lòng nhập cơ quan ban hành.",
  issuerTooLong: `Tên cơ quan ban hành không được dài quá ${ISSUER_MAX} ký tự.`,
  signerTooLong: `Người ký không được dài quá ${SIGNER_MAX} ký tự.`,
  issuedRequired: "Vui lòng nhập ngày ban hành (dd/mm/yyyy).",
  dateInvalid: "Ngày không hợp lệ. Hãy nhập theo dạng dd/mm/yyyy, ví dụ 31/12/2023.",
  statusInvalid: "Tình trạng hiệu lực không hợp lệ.",
  fieldTooLong: `Tên lĩnh vực không được dài quá ${FIELD_NAME_MAX} ký tự.`,
  tooManyFields: `Một văn bản có tối đa ${FIELDS_MAX} lĩnh vực.`,
  urlInvalid: "Liên kết CSDL quốc gia phải là địa chỉ bắt đầu bằng http:// hoặc https://.",
  relationMissing: "Văn bản liên quan đã chọn không còn trong sổ văn bản.",
  relationSelf: "Một văn bản không thể thay thế hay sửa đổi chính nó.",
  tooManyRelations: `Tối đa ${RELATIONS_MAX} văn bản liên quan mỗi loại.`,
} as const;

const length = (s: string) => [...s].length;

function line(max: number, tooLong: string) {
  return z
    .string()
    .default("")
    .transform(cleanLine)
    .refine((s) => length(s) <= max, tooLong);
}

function day(message: string) {
  return z
    .string()
    .default("")
    .transform((s, ctx) => {
      const text = s.trim();
      if (text === "") return null;
      const parsed = parseCalendarDay(text);
      if (!parsed) ctx.addIssue({ code: "custom", message });
      return parsed;
    });
}

const ids = z
  .array(z.coerce.number().int().positive())
  .default([])
  .transform((list) => [...new Set(list)])
  .refine((list) => list.length <= RELATIONS_MAX, DOCUMENT_MESSAGES.tooManyRelations);

/** Số/ký hiệu as typed → its display form; the canonical key is computed again by the data layer. */
const number = z
  .string()
  .default("")
  .transform((s, ctx) => {
    const text = cleanLine(s);
    if (text === "") {
      ctx.addIssue({ code: "custom", message: DOCUMENT_MESSAGES.numberRequired });
      return z.NEVER;
    }
    const parsed = parseDocumentNumber(text);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: DOCUMENT_MESSAGES.numberInvalid });
      return z.NEVER;
    }
    return parsed.display;
  });

export const documentRegistrySchema = z
  .object({
    typeId: z.coerce.number({ error: DOCUMENT_MESSAGES.typeRequired }).int().positive(DOCUMENT_MESSAGES.typeRequired),
    number,
    issuer: line(ISSUER_MAX, DOCUMENT_MESSAGES.issuerTooLong).refine((s) => s !== "", DOCUMENT_MESSAGES.issuerRequired),
    signer: line(SIGNER_MAX, DOCUMENT_MESSAGES.signerTooLong),
    issuedOn: day(DOCUMENT_MESSAGES.dateInvalid),
    effectiveFrom: day(DOCUMENT_MESSAGES.dateInvalid),
    effectiveUntil: day(DOCUMENT_MESSAGES.dateInvalid),
    manualStatus: z
      .union([z.enum(VALIDITY_STATUSES), z.literal(""), z.null()])
      .default(null)
      .transform((s) => (s === "" ? null : s)),
    fields: z
      .array(z.string())
      .default([])
      .transform((names) => [...new Set(names.map(cleanLine).filter(Boolean))])
      .refine((names) => names.every((n) => length(n) <= FIELD_NAME_MAX), DOCUMENT_MESSAGES.fieldTooLong)
      .refine((names) => names.length <= FIELDS_MAX, DOCUMENT_MESSAGES.tooManyFields),
    nationalDatabaseUrl: z
      .string()
      .default("")
      .transform((s) => s.trim())
      .refine((s) => s === "" || (length(s) <= URL_MAX && /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(s)), DOCUMENT_MESSAGES.urlInvalid),
    replaces: ids,
    amends: ids,
  })
  .superRefine((value, ctx) => {
    if (!value.issuedOn) ctx.addIssue({ code: "custom", path: ["issuedOn"], message: DOCUMENT_MESSAGES.issuedRequired });
    const { errors } = checkValidityDates(value);
    for (const message of errors) ctx.addIssue({ code: "custom", path: ["effectiveUntil"], message });
  });

/** The registry fields as the data layer stores them (after the schema's checks). */
export type DocumentRegistry = Omit<z.output<typeof documentRegistrySchema>, "issuedOn"> & { issuedOn: string };
export type DocumentRegistryField = keyof DocumentRegistry;
