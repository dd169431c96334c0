import { useId } from "react";
import type { AccessibilityFinding } from "@/lib/workflow/accessibility";
import type { ChecklistItem } from "@/lib/workflow/checklist";

/**
 * The pre-publish checklist, recomputed from the form as it changes, with the body's accessibility
 * findings under it. The server applies the same lists when publishing, so what this shows is what
 * a publish will be refused for: missing items and accessibility errors block, warnings do not.
 * Each finding is a button that puts the cursor on the place it names.
 */
export function PublishChecklist({ items, findings, onGo }: { items: ChecklistItem[]; findings: AccessibilityFinding[]; onGo: (finding: AccessibilityFinding) => void }) {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const missing = items.filter((item) => !item.done).length + errors;
  const findingsTitle = useId();
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="checklist-title" data-testid="publish-checklist">
        <h3 id="checklist-title" className="text-lg font-bold">
          Trước khi xuất bản{" "}
          <span className="font-normal">
            {missing === 0 ? "— đã đủ" : `— còn thiếu ${missing} mục`}
            {warnings > 0 ? ` · ${warnings} lưu ý` : ""}
          </span>
        </h3>
        <ul className="mt-2 flex flex-col gap-1">
          {items.map((item) => (
            <li key={item.key} data-done={item.done ? "1" : "0"} className={item.done ? "" : "font-semibold text-red-900"}>
              <span aria-hidden="true">{item.done ? "✓ " : "✗ "}</span>
              <span className="sr-only">{item.done ? "Đã có: " : "Còn thiếu: "}</span>
              {item.label}
              {item.detail && <span className="block pl-5 text-sm font-normal">{item.detail}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={findingsTitle} data-testid="accessibility-findings">
        <h4 id={findingsTitle} className="font-bold">
          Khả năng tiếp cận của nội dung{" "}
          <span className="font-normal">{findings.length === 0 ? "— không có vấn đề" : `— ${errors} lỗi, ${warnings} lưu ý`}</span>
        </h4>
        {findings.length > 0 && (
          <>
            <p className="text-sm text-muted">Lỗi phải sửa trước khi xuất bản; lưu ý thì tuỳ bạn. Bấm vào một mục để đến chỗ đó trong bài.</p>
            <ul className="mt-2 flex flex-col gap-2">
              {findings.map((finding) => (
                <li key={`${finding.key}-${finding.from}`} data-severity={finding.severity}>
                  <button
                    type="button"
                    onClick={() => onGo(finding)}
                    aria-describedby={`${findingsTitle}-${finding.from}-${finding.key}`}
                    className={`w-full rounded-md border-l-4 px-2 py-1 text-left underline-offset-4 hover:underline ${
                      finding.severity === "error" ? "border-red-800 font-semibold text-red-900" : "border-amber-700"
                    }`}
                  >
                    <span className="mr-1 inline-block rounded border border-current px-1 text-xs font-bold uppercase">{finding.severity === "error" ? "Lỗi" : "Lưu ý"}</span>
                    {finding.label}
                  </button>
                  <p id={`${findingsTitle}-${finding.from}-${finding.key}`} className="pl-3 text-sm">
                    {finding.detail}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
