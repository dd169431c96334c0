// The accessibility checks of the editor's pre-publish list (lib/workflow/accessibility.ts), run on
// an imported body and reported by the importer per file. Reported only: an archive post is imported
// whatever they find, and the editor shows the same findings when someone opens it.
import type { JSONContent } from "@tiptap/core";
import { accessibilityFindings, type AccessibilityFinding } from "@/lib/workflow/accessibility";

/** A finding as the importer reports it: which rule, how serious, where and what, how to fix (no editor positions). */
export type ImportFinding = Pick<AccessibilityFinding, "key" | "severity" | "label" | "detail">;

export function importFindings(body: JSONContent): ImportFinding[] {
  return accessibilityFindings(body).map(({ key, severity, label, detail }) => ({ key, severity, label, detail }));
}

const SEVERITY = { error: "lỗi", warning: "cảnh báo" } as const;

/** One stderr line per finding: "a.txt: khả năng tiếp cận (lỗi): Ảnh thứ 1 có mô tả là tên tệp “IMG_0042.jpg”. Viết mô tả…". */
export const findingLine = (file: string, finding: ImportFinding) => `${file}: khả năng tiếp cận (${SEVERITY[finding.severity]}): ${finding.label} ${finding.detail}`;

/** The run's total, on stderr after the summary, when anything was found. */
export function findingsSummary(files: number, findings: readonly ImportFinding[]): string | null {
  if (findings.length === 0) return null;
  const errors = findings.filter((f) => f.severity === "error").length;
  return `Khả năng tiếp cận: ${files.toLocaleString("vi-VN")} tệp có điểm cần sửa (${errors.toLocaleString("vi-VN")} lỗi, ${(findings.length - errors).toLocaleString("vi-VN")} cảnh báo); bài vẫn được nhập, sửa trong trình soạn thảo.`;
}
