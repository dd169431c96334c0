import type { ChecklistItem } from "@/lib/workflow/checklist";

/**
 * The pre-publish checklist, recomputed from the form as it changes. The server applies the same
 * list when publishing, so what this shows is what a publish will be refused for.
 */
export function PublishChecklist({ items }: { items: ChecklistItem[] }) {
  const missing = items.filter((item) => !item.done).length;
  return (
    <section aria-labelledby="checklist-title" className="rounded-md border border-line p-4" data-testid="publish-checklist">
      <h2 id="checklist-title" className="text-lg font-bold">
        Trước khi xuất bản{" "}
        <span className="font-normal">{missing === 0 ? "— đã đủ" : `— còn thiếu ${missing} mục`}</span>
      </h2>
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
  );
}
