/*
 * A document's registry in a revision as lines of text, one per field, in the order of the form:
 * what the history's comparison diffs word by word beside the title and the body. Pure.
 */
import type { RegistrySnapshot } from "@/db/vocabulary";
import { formatBytes } from "@/lib/vi/format-bytes";
import { presentValidity } from "./status";

export type RegistryLine = { field: string; label: string; text: string };

const day = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "");

/** Every registry field as a line (empty text where the field is empty); none for a revision without a registry. */
export function registryLines(s: RegistrySnapshot | null | undefined): RegistryLine[] {
  if (!s) return [];
  return [
    { field: "typeName", label: "Loại văn bản", text: s.typeName },
    { field: "number", label: "Số/Ký hiệu", text: s.number },
    { field: "issuer", label: "Cơ quan ban hành", text: s.issuer },
    { field: "signer", label: "Người ký", text: s.signer },
    { field: "issuedOn", label: "Ngày ban hành", text: day(s.issuedOn) },
    { field: "effectiveFrom", label: "Ngày có hiệu lực", text: day(s.effectiveFrom) },
    { field: "effectiveUntil", label: "Ngày hết hiệu lực", text: day(s.effectiveUntil) },
    { field: "manualStatus", label: "Tình trạng hiệu lực (đặt tay)", text: s.manualStatus ? presentValidity(s.manualStatus).vi : "Theo các ngày" },
    { field: "fields", label: "Lĩnh vực", text: s.fields.join("; ") },
    { field: "replaces", label: "Thay thế các văn bản", text: s.replaces.map((r) => r.number).join("; ") },
    { field: "amends", label: "Sửa đổi, bổ sung các văn bản", text: s.amends.map((r) => r.number).join("; ") },
    { field: "nationalDatabaseUrl", label: "Liên kết CSDL quốc gia", text: s.nationalDatabaseUrl },
    { field: "attachments", label: "Tệp đính kèm", text: s.attachments.map((a) => `${a.label ? `${a.label}: ` : ""}${a.name} (${formatBytes(a.bytes)})`).join("\n") },
  ];
}
